package org.dermdesk.explain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.dermdesk.core.Cancellation;
import org.dermdesk.core.Explanation;
import org.dermdesk.core.LesionImage;
import org.dermdesk.core.Mask;
import org.dermdesk.core.ProgressListener;
import org.junit.jupiter.api.Test;

class LimeExplainerTest {

    static final int W = 240;
    static final int H = 180;
    /** The model looks only at texture in this rectangle (fractions of the image). */
    static final double X0 = 0.6;
    static final double Y0 = 0.55;
    static final double X1 = 0.95;
    static final double Y1 = 0.95;

    /** Mid-grey noise everywhere (never near black), so every segment has texture to lose. */
    static LesionImage noiseImage() {
        Random r = new Random(7);
        byte[] rgb = new byte[W * H * 3];
        for (int p = 0; p < W * H; p++) {
            int base = 90 + ((p % W) / 40) * 12 + ((p / W) / 45) * 8;
            for (int c = 0; c < 3; c++) {
                rgb[p * 3 + c] = (byte) (base + c * 10 + r.nextInt(50));
            }
        }
        return new LesionImage("noise", W, H, rgb);
    }

    static Function<List<LesionImage>, double[]> regionModel() {
        return SyntheticModels.textureIn(X0, Y0, X1, Y1, 15);
    }

    static LimeExplainer explainer(int samples, long seed) {
        return new LimeExplainer(LimeExplainer.Settings.defaults().withSamples(samples).withSeed(seed));
    }

    static boolean inRegion(int x, int y) {
        return x >= X0 * W && x < X1 * W && y >= Y0 * H && y < Y1 * H;
    }

    static Mask regionMask() {
        byte[] m = new byte[W * H];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                m[y * W + x] = (byte) (inRegion(x, y) ? 255 : 0);
            }
        }
        return new Mask(W, H, m);
    }

    @Test
    void topWeightedSegmentsLieInTheRegionTheModelLooksAt() {
        Explanation e = explainer(600, 1).explain(noiseImage(), regionModel(), null, List.of(),
                ProgressListener.NONE, Cancellation.none());
        int[] order = LimeExplainer.orderByWeight(e.weights());
        int[] labels = e.segmentLabels();
        for (int k = 0; k < 5; k++) {
            int seg = order[k];
            int in = 0;
            int all = 0;
            for (int p = 0; p < labels.length; p++) {
                if (labels[p] == seg) {
                    all++;
                    if (inRegion(p % W, p / W)) {
                        in++;
                    }
                }
            }
            assertTrue(in > all / 2, "top segment #" + k + " has only " + in + " of " + all + " pixels in the region");
        }
        // segments wholly outside the region get (almost) no weight
        double maxOutside = 0;
        for (int s = 0; s < e.segmentCount(); s++) {
            boolean touches = false;
            for (int p = 0; p < labels.length && !touches; p++) {
                touches = labels[p] == s && inRegion(p % W, p / W);
            }
            if (!touches) {
                maxOutside = Math.max(maxOutside, Math.abs(e.weights()[s]));
            }
        }
        assertTrue(maxOutside < 0.2 * e.weights()[order[0]], "outside weight " + maxOutside);
        assertTrue(e.r2() > 0.5, "r2 " + e.r2());
        assertEquals(e.modelPrediction(), e.localPrediction(), 0.1);
    }

    @Test
    void deletionAreaIsBelowInsertionAreaAndBeatsARandomOrder() {
        Explanation e = explainer(600, 3).explain(noiseImage(), regionModel(), null, List.of(),
                ProgressListener.NONE, Cancellation.none());
        assertTrue(e.deletionAuc() < e.insertionAuc(), e.deletionAuc() + " vs " + e.insertionAuc());
        assertTrue(e.faithfulness() > 2 * Math.abs(e.randomFaithfulness()) && e.faithfulness() > 0.1,
                e.faithfulness() + " vs random " + e.randomFaithfulness());
    }

    @Test
    void sameSeedGivesIdenticalWeights() {
        LesionImage img = noiseImage();
        Explanation a = explainer(300, 11).explain(img, regionModel(), null, List.of(), ProgressListener.NONE, Cancellation.none());
        Explanation b = explainer(300, 11).explain(img, regionModel(), null, List.of(), ProgressListener.NONE, Cancellation.none());
        assertArrayEquals(a.weights(), b.weights(), 0.0);
        assertArrayEquals(a.segmentLabels(), b.segmentLabels());
        assertEquals(a.deletionAuc(), b.deletionAuc(), 0.0);
        assertEquals(a.randomInsertionAuc(), b.randomInsertionAuc(), 0.0);
    }

    @Test
    void theWorkerCountDoesNotChangeTheExplanation() {
        LesionImage img = noiseImage();
        LimeExplainer.Settings settings = LimeExplainer.Settings.defaults().withSamples(300).withSeed(11).withBatchSize(16);
        Explanation one = new LimeExplainer(settings).explainWithStability(img, regionModel(), null, List.of(),
                ProgressListener.NONE, Cancellation.none());
        Explanation three = new LimeExplainer(settings.withWorkers(3)).explainWithStability(img, regionModel(), null, List.of(),
                ProgressListener.NONE, Cancellation.none());
        assertArrayEquals(one.weights(), three.weights(), 0.0);
        assertEquals(one.stability(), three.stability());
        assertEquals(one.deletionAuc(), three.deletionAuc(), 0.0);
        assertEquals(one.insertionAuc(), three.insertionAuc(), 0.0);
    }

    @Test
    void differentSeedsAgreeOnTheRanking() {
        LesionImage img = noiseImage();
        Explanation e = explainer(1000, 5).explainWithStability(img, regionModel(), null, List.of(),
                ProgressListener.NONE, Cancellation.none());
        Explanation other = explainer(1000, 6).explain(img, regionModel(), null, List.of(), ProgressListener.NONE, Cancellation.none());
        Explanation first = explainer(1000, 5).explain(img, regionModel(), null, List.of(), ProgressListener.NONE, Cancellation.none());
        assertTrue(e.stability().isPresent());
        double rho = RankStats.spearman(first.weights(), other.weights());
        assertEquals(rho, e.stability().getAsDouble(), 1e-12);
        // only the region's segments carry signal; the rest is noise around zero, so judge the
        // rank agreement of the segments that matter and the overall agreement separately
        assertTrue(rho > 0.3, "spearman " + rho);
        assertTrue(!Arrays.equals(first.weights(), other.weights()), "seeds must change the samples");
        int[] topA = Arrays.copyOf(LimeExplainer.orderByWeight(first.weights()), 5);
        int[] topB = Arrays.copyOf(LimeExplainer.orderByWeight(other.weights()), 8);
        for (int s : topA) {
            assertTrue(Arrays.stream(topB).anyMatch(t -> t == s), "top segment " + s + " not in the other seed's top 8");
        }
    }

    @Test
    void cancellationStopsBetweenBatches() {
        Cancellation token = Cancellation.none();
        AtomicInteger calls = new AtomicInteger();
        Function<List<LesionImage>, double[]> model = images -> {
            if (calls.incrementAndGet() == 2) {
                token.cancel();
            }
            return regionModel().apply(images);
        };
        assertThrows(Cancellation.CancelledException.class, () -> explainer(1000, 1)
                .explain(noiseImage(), model, null, List.of(), ProgressListener.NONE, token));
        assertEquals(2, calls.get());
    }

    @Test
    void progressIsReportedUpToTheEnd() {
        List<Double> seen = new ArrayList<>();
        explainer(200, 1).explain(noiseImage(), regionModel(), null, List.of(), (f, m) -> seen.add(f), Cancellation.none());
        assertTrue(seen.size() >= 4);
        for (int i = 1; i < seen.size(); i++) {
            assertTrue(seen.get(i) >= seen.get(i - 1));
        }
        assertEquals(1.0, seen.get(seen.size() - 1), 1e-9);
    }

    @Test
    void hiddenSegmentsAreNeverBlack() {
        for (int modelSize : new int[] {0, 64}) {
            for (HideStrategy hide : HideStrategy.values()) {
                List<LesionImage> fed = new ArrayList<>();
                Function<List<LesionImage>, double[]> model = images -> {
                    fed.addAll(images);
                    return regionModel().apply(images);
                };
                new LimeExplainer(LimeExplainer.Settings.defaults().withSamples(64).withHide(hide).withModelInputSize(modelSize))
                        .explain(noiseImage(), model, null, List.of(), ProgressListener.NONE, Cancellation.none());
                LesionImage first = fed.get(0);
                assertEquals(modelSize == 0 ? W : modelSize, first.width(), "size of the images the model gets");
                int changed = 0;
                for (LesionImage img : fed) {
                    byte[] rgb = img.rgb();
                    for (int p = 0; p < rgb.length; p += 3) {
                        int sum = (rgb[p] & 0xFF) + (rgb[p + 1] & 0xFF) + (rgb[p + 2] & 0xFF);
                        assertTrue(sum > 200, hide + ": a near-black pixel (" + sum + ") was fed to the model");
                        if (rgb[p] != first.rgb()[p]) {
                            changed++;
                        }
                    }
                }
                assertTrue(changed > fed.size() * first.width() * first.height() / 10,
                        hide + " at " + modelSize + " changed too few pixels: " + changed);
            }
        }
    }

    @Test
    void shortcutAlarmMeasuresWhereThePositiveWeightLies() {
        Mask region = regionMask();
        byte[] inv = new byte[W * H];
        for (int i = 0; i < inv.length; i++) {
            inv[i] = (byte) (region.pixels()[i] == 0 ? 255 : 0);
        }
        Mask elsewhere = new Mask(W, H, inv);
        // the model's evidence sits on an "artifact" and outside the "lesion"
        Explanation shortcut = explainer(400, 2).explain(noiseImage(), regionModel(), elsewhere, List.of(region),
                ProgressListener.NONE, Cancellation.none());
        assertTrue(shortcut.artifactShare() > 0.7, "artifact share " + shortcut.artifactShare());
        assertTrue(shortcut.outsideLesionShare() > 0.7, "outside share " + shortcut.outsideLesionShare());
        assertTrue(shortcut.shortcutSuspected());
        // the model's evidence sits inside the lesion and on no artifact
        Explanation honest = explainer(400, 2).explain(noiseImage(), regionModel(), region, List.of(elsewhere),
                ProgressListener.NONE, Cancellation.none());
        assertTrue(honest.artifactShare() < 0.3, "artifact share " + honest.artifactShare());
        assertTrue(honest.outsideLesionShare() < 0.3, "outside share " + honest.outsideLesionShare());
        assertTrue(!honest.shortcutSuspected());
        Explanation unknown = explainer(100, 2).explain(noiseImage(), regionModel(), null, List.of(),
                ProgressListener.NONE, Cancellation.none());
        assertTrue(Double.isNaN(unknown.artifactShare()) && Double.isNaN(unknown.outsideLesionShare()));
    }

    @Test
    void smallLesionGetsEnoughSegments() {
        byte[] m = new byte[W * H];
        for (int y = 80; y < 110; y++) {
            for (int x = 100; x < 140; x++) {
                m[y * W + x] = (byte) 255;
            }
        }
        Mask small = new Mask(W, H, m);
        LimeExplainer ex = explainer(50, 1);
        int without = lesionSegments(ex.prepare(noiseImage(), null).segmentation(), small);
        int with = lesionSegments(ex.prepare(noiseImage(), small).segmentation(), small);
        assertTrue(with >= 2 * without && with >= 3, with + " vs " + without + " segments on the lesion");
        assertTrue(ex.prepare(noiseImage(), small).segmentation().count() <= 120, "capped by maxSegments");
    }

    private static int lesionSegments(Segmentation seg, Mask lesion) {
        return (int) java.util.stream.IntStream.range(0, W * H).filter(p -> lesion.pixels()[p] != 0)
                .map(p -> seg.labels()[p]).distinct().count();
    }
}

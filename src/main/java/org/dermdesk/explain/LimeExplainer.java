package org.dermdesk.explain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.dermdesk.core.Cancellation;
import org.dermdesk.core.ExplainRequest;
import org.dermdesk.core.Explanation;
import org.dermdesk.core.LesionClassifier;
import org.dermdesk.core.LesionImage;
import org.dermdesk.core.Mask;
import org.dermdesk.core.Prediction;
import org.dermdesk.core.ProgressListener;
import org.dermdesk.core.QualityReport;
import org.dermdesk.core.Rasters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * LIME for one image: SLIC superpixels, random on/off perturbations (hidden segments blurred or
 * filled with their mean colour, never black), the model's p_malignant on each, and a weighted ridge
 * fit whose coefficients are the segment weights. Also scores the explanation: deletion/insertion
 * areas against a random order, and the share of positive weight on artifacts or outside the lesion.
 *
 * <p>Work happens on a working copy whose long side is at most {@link Settings#workingLongSide()}
 * (256 by default): the classifier shrinks its input to 64..224 px anyway, so perturbations built at
 * 256 px give it practically the same pixels, at a fraction of the cost. The segment labels of the
 * result are scaled back to the image's own size.
 *
 * <p>The explainer holds only settings and is thread-safe. With one worker (the default) the model
 * function is called from the calling thread only, one batch at a time; with more, sample batches are
 * scored on that many threads at once and the model function must be thread-safe. The weights do not
 * depend on the worker count.
 */
public final class LimeExplainer {

    private static final Logger LOG = LoggerFactory.getLogger(LimeExplainer.class);

    /**
     * Explainer settings.
     *
     * @param samples           perturbation samples including the unperturbed sample 0
     * @param kernelWidth       width of the exponential kernel on cosine distance
     * @param seed              random seed (same seed, same settings, same image: same weights)
     * @param hide              how hidden segments are filled
     * @param batchSize         images per model call
     * @param segments          wanted number of superpixels when the lesion extent is unknown
     * @param minLesionSegments with a lesion mask, a small lesion gets a denser grid of its own so that it
     *                          has about this many segments (total capped by {@code maxSegments})
     * @param maxSegments       upper bound on the wanted segment count
     * @param workingLongSide   long side of the working copy; 0 = work at full size
     * @param ridgeAlpha        ridge penalty
     * @param curveSteps        points per deletion / insertion curve (besides the start)
     * @param antithetic        draw samples in complementary pairs (z, 1-z): each segment is still kept
     *                          with probability 0.5, but the weight estimates vary less between seeds
     * @param modelInputSize    when the classifier squashes every image to {@code n x n} by area
     *                          averaging (as DermDesk's models do), n: perturbed images are then built
     *                          directly at that size, as the classifier would have resized them, which
     *                          saves most of the perturbation and preprocessing time; 0 = unknown, build
     *                          them on the working copy
     * @param compactness       SLIC's weight of spatial against colour distance (higher: rounder segments)
     * @param workers           threads that score sample batches at once; above 1 the model function
     *                          must be thread-safe (see {@link #workersFor})
     */
    public record Settings(int samples, double kernelWidth, long seed, HideStrategy hide, int batchSize,
                           int segments, int minLesionSegments, int maxSegments, int workingLongSide,
                           double ridgeAlpha, int curveSteps, boolean antithetic, int modelInputSize,
                           double compactness, int workers) {

        public Settings {
            Objects.requireNonNull(hide, "hide");
            if (samples < 2) {
                throw new IllegalArgumentException("at least 2 samples are needed, got " + samples);
            }
            if (!(kernelWidth > 0) || !(compactness > 0)) {
                throw new IllegalArgumentException("kernel width and compactness must be positive");
            }
            if (batchSize < 1 || segments < 2 || maxSegments < segments || curveSteps < 1 || ridgeAlpha < 0
                    || modelInputSize < 0 || workingLongSide < 0 || workers < 1) {
                throw new IllegalArgumentException("invalid explainer settings");
            }
        }

        /**
         * Small model calls: with the MobileNetV2 model, batches of 32 took the explainer to 3.1 GB resident
         * (libtorch's activations per worker); batches of 4 stay at 1.15 GB and ran faster (model card of mobilenet-v2-ft-128, "Speed and memory").
         */
        public static final int DEFAULT_BATCH_SIZE = 4;

        public static Settings defaults() {
            return new Settings(org.dermdesk.core.ExplainRequest.DEFAULT_SAMPLES, 0.25, 42L, HideStrategy.BLUR, DEFAULT_BATCH_SIZE, 60, 20, 100, 256, 1.0, 20, true, 0, 20, 1);
        }

        public Settings withSamples(int n) {
            return new Settings(n, kernelWidth, seed, hide, batchSize, segments, minLesionSegments, maxSegments,
                    workingLongSide, ridgeAlpha, curveSteps, antithetic, modelInputSize, compactness, workers);
        }

        public Settings withSeed(long s) {
            return new Settings(samples, kernelWidth, s, hide, batchSize, segments, minLesionSegments, maxSegments,
                    workingLongSide, ridgeAlpha, curveSteps, antithetic, modelInputSize, compactness, workers);
        }

        public Settings withHide(HideStrategy h) {
            return new Settings(samples, kernelWidth, seed, h, batchSize, segments, minLesionSegments, maxSegments,
                    workingLongSide, ridgeAlpha, curveSteps, antithetic, modelInputSize, compactness, workers);
        }

        public Settings withBatchSize(int b) {
            return new Settings(samples, kernelWidth, seed, hide, b, segments, minLesionSegments, maxSegments,
                    workingLongSide, ridgeAlpha, curveSteps, antithetic, modelInputSize, compactness, workers);
        }

        public Settings withSegments(int wanted, int minLesion, int max) {
            return new Settings(samples, kernelWidth, seed, hide, batchSize, wanted, minLesion, max,
                    workingLongSide, ridgeAlpha, curveSteps, antithetic, modelInputSize, compactness, workers);
        }

        public Settings withWorkingLongSide(int px) {
            return new Settings(samples, kernelWidth, seed, hide, batchSize, segments, minLesionSegments, maxSegments,
                    px, ridgeAlpha, curveSteps, antithetic, modelInputSize, compactness, workers);
        }

        public Settings withCompactness(double m) {
            return new Settings(samples, kernelWidth, seed, hide, batchSize, segments, minLesionSegments, maxSegments,
                    workingLongSide, ridgeAlpha, curveSteps, antithetic, modelInputSize, m, workers);
        }

        public Settings withModelInputSize(int n) {
            return new Settings(samples, kernelWidth, seed, hide, batchSize, segments, minLesionSegments, maxSegments,
                    workingLongSide, ridgeAlpha, curveSteps, antithetic, n, compactness, workers);
        }

        public Settings withWorkers(int w) {
            return new Settings(samples, kernelWidth, seed, hide, batchSize, segments, minLesionSegments, maxSegments,
                    workingLongSide, ridgeAlpha, curveSteps, antithetic, modelInputSize, compactness, w);
        }

        public Settings withAntithetic(boolean a) {
            return new Settings(samples, kernelWidth, seed, hide, batchSize, segments, minLesionSegments, maxSegments,
                    workingLongSide, ridgeAlpha, curveSteps, a, modelInputSize, compactness, workers);
        }
    }

    private final Settings settings;

    public LimeExplainer(Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public LimeExplainer() {
        this(Settings.defaults());
    }

    public Settings settings() {
        return settings;
    }

    /**
     * The explainer as the product runs it on a classifier: the perturbed images are built at the model's
     * input size and scored by as many workers as the model allows ({@link #workersFor}). The window,
     * {@code explain} and {@code bench-explain} all configure LIME here.
     */
    public static LimeExplainer forClassifier(Settings settings, LesionClassifier classifier) {
        return new LimeExplainer(settings.withModelInputSize(classifier.inputSize()).withWorkers(workersFor(classifier)));
    }

    /**
     * Explains a request as the window and the report need it: the request's classifier and sample count
     * over {@code settings}, the lesion and artifact masks of its quality report, with or without a second
     * seed for the stability.
     */
    public static Explanation explain(Settings settings, ExplainRequest request, boolean stability,
                                      ProgressListener progress, Cancellation cancellation) {
        LimeExplainer lime = forClassifier(settings.withSamples(request.samples()), request.classifier());
        QualityReport quality = request.quality();
        Mask lesion = quality == null ? null : quality.lesionMask();
        List<Mask> artifacts = quality == null ? List.of() : quality.shortcutMasks();
        Function<List<LesionImage>, double[]> model = probabilities(request.classifier());
        return stability
                ? lime.explainWithStability(request.image(), model, lesion, artifacts, progress, cancellation)
                : lime.explain(request.image(), model, lesion, artifacts, progress, cancellation);
    }

    /** More workers than this add little (batches are small) and only hold more batches in memory. */
    static final int MAX_WORKERS = 4;

    /** System property that sets the worker count (1 = no parallel scoring, the least memory). */
    public static final String WORKERS_PROPERTY = "dermdesk.explanation.workers";

    /**
     * Workers for explaining this classifier: the {@value #WORKERS_PROPERTY} property when set, else
     * one per core up to {@link #MAX_WORKERS}; always 1 when the classifier may not be called concurrently.
     */
    public static int workersFor(LesionClassifier classifier) {
        if (!classifier.isThreadSafe()) {
            return 1;
        }
        int cores = Runtime.getRuntime().availableProcessors();
        int wanted = Integer.getInteger(WORKERS_PROPERTY, Math.min(MAX_WORKERS, cores));
        return Math.max(1, Math.min(MAX_WORKERS, wanted));
    }

    /** The classifier as the batch function the explainer calls: p_malignant per image, in order. */
    public static Function<List<LesionImage>, double[]> probabilities(LesionClassifier classifier) {
        return classifier::probabilities;
    }

    /** Explains the model's p_malignant for {@code image}; stability is left empty. */
    public Explanation explain(LesionImage image, Function<List<LesionImage>, double[]> model, Mask lesionMask,
                               List<Mask> artifactMasks, ProgressListener progress, Cancellation cancellation) {
        Prepared p = prepare(image, lesionMask);
        Run run = run(p, model, settings.seed(), true, progress, cancellation, 0, 1);
        return toExplanation(p, run, OptionalDouble.empty(), lesionMask, artifactMasks);
    }

    /**
     * Explains as {@link #explain} does, then explains again with another seed (seed + 1) and
     * stores the Spearman correlation of the two weight vectors as the explanation's stability.
     */
    public Explanation explainWithStability(LesionImage image, Function<List<LesionImage>, double[]> model,
                                            Mask lesionMask, List<Mask> artifactMasks, ProgressListener progress,
                                            Cancellation cancellation) {
        Prepared p = prepare(image, lesionMask);
        Run first = run(p, model, settings.seed(), true, progress, cancellation, 0, 0.5);
        Run second = run(p, model, settings.seed() + 1, false, progress, cancellation, 0.5, 0.5);
        double rho = RankStats.spearman(first.fit.coefficients(), second.fit.coefficients());
        first.timings.merge("stability", second.timings.get("total"), Long::sum);
        first.timings.merge("total", second.timings.get("total"), Long::sum);
        return toExplanation(p, first, OptionalDouble.of(rho), lesionMask, artifactMasks);
    }

    /** Spearman correlation of the segment weights from two seeds (seed and seed + 1). */
    public double stability(LesionImage image, Function<List<LesionImage>, double[]> model, Mask lesionMask,
                            Cancellation cancellation) {
        Prepared p = prepare(image, lesionMask);
        Run a = run(p, model, settings.seed(), false, ProgressListener.NONE, cancellation, 0, 0.5);
        Run b = run(p, model, settings.seed() + 1, false, ProgressListener.NONE, cancellation, 0.5, 0.5);
        return RankStats.spearman(a.fit.coefficients(), b.fit.coefficients());
    }

    /** The working copy, its superpixels and the perturbation builder. */
    record Prepared(LesionImage original, LesionImage working, Segmentation segmentation, Perturbations perturber,
                    long segmentationMs, long preparationMs) {

        LesionImage image(boolean[] keep) {
            return new LesionImage(original.source(), perturber.width(), perturber.height(), perturber.build(keep));
        }
    }

    private static final class Run {
        WeightedRidge.Fit fit;
        double modelPrediction;
        double deletionAuc = Double.NaN;
        double insertionAuc = Double.NaN;
        double randomDeletionAuc = Double.NaN;
        double randomInsertionAuc = Double.NaN;
        final Map<String, Long> timings = new LinkedHashMap<>();
    }

    Prepared prepare(LesionImage image, Mask lesionMask) {
        long t0 = System.nanoTime();
        LesionImage working = workingCopy(image, settings.workingLongSide());
        byte[] focus = null;
        int focusSegments = 0;
        if (lesionMask != null && lesionMask.area() > 0) {
            focus = maskAt(lesionMask, working.width(), working.height());
            focusSegments = Math.min(settings.minLesionSegments(), settings.maxSegments() - settings.segments());
        }
        long t1 = System.nanoTime();
        Segmentation seg = Slic.segment(working.rgb(), working.width(), working.height(), settings.segments(), settings.compactness(), 10,
                focus, focusSegments);
        long t2 = System.nanoTime();
        Perturbations perturber;
        if (settings.modelInputSize() > 0) {
            int w = image.width();
            int h = image.height();
            int[] full = seg.labelsAt(w, h);
            byte[] fill = switch (settings.hide()) {
                case BLUR -> Perturber.blur(image.rgb(), w, h, Math.max(3, Math.max(w, h) / 20));
                case MEAN_COLOUR -> Perturber.meanColour(image.rgb(), new Segmentation(w, h, seg.count(), full));
            };
            perturber = new ResampledPerturber(image.rgb(), fill, full, w, h, settings.modelInputSize(), settings.modelInputSize());
        } else {
            perturber = new Perturber(working.rgb(), seg, settings.hide()).at(working.width(), working.height());
        }
        long t3 = System.nanoTime();
        LOG.debug("{} segments on a {}x{} working copy", seg.count(), working.width(), working.height());
        return new Prepared(image, working, seg, perturber, ms(t2 - t1), ms(t1 - t0) + ms(t3 - t2));
    }

    /** A mask of any size sampled (nearest neighbour) at w x h. */
    static byte[] maskAt(Mask mask, int w, int h) {
        byte[] out = new byte[w * h];
        for (int y = 0; y < h; y++) {
            int my = Math.min(mask.height() - 1, (int) ((y + 0.5) * mask.height() / h));
            for (int x = 0; x < w; x++) {
                int mx = Math.min(mask.width() - 1, (int) ((x + 0.5) * mask.width() / w));
                out[y * w + x] = mask.pixels()[my * mask.width() + mx];
            }
        }
        return out;
    }

    static LesionImage workingCopy(LesionImage image, int longSide) {
        int w = image.width();
        int h = image.height();
        int side = Math.max(w, h);
        if (longSide <= 0 || side <= longSide) {
            return image;
        }
        double scale = (double) longSide / side;
        int ww = Math.max(1, (int) Math.round(w * scale));
        int wh = Math.max(1, (int) Math.round(h * scale));
        return new LesionImage(image.source(), ww, wh, Rasters.resizeArea(image.rgb(), w, h, ww, wh));
    }

    private Run run(Prepared p, Function<List<LesionImage>, double[]> model, long seed, boolean withCurves,
                    ProgressListener progress, Cancellation cancellation, double progressFrom, double progressSpan) {
        long start = System.nanoTime();
        Run run = new Run();
        int d = p.segmentation().count();
        int n = settings.samples();
        // the random curve order draws from its own generator so that it does not depend on the samples
        SplittableRandom random = new SplittableRandom(seed);
        SplittableRandom orderRandom = random.split();
        double[][] z = new double[n][d];
        Arrays.fill(z[0], 1);
        for (int i = 1; i < n; i++) {
            if (settings.antithetic() && i % 2 == 0) {
                for (int j = 0; j < d; j++) {
                    z[i][j] = 1 - z[i - 1][j];
                }
            } else {
                for (int j = 0; j < d; j++) {
                    z[i][j] = random.nextBoolean() ? 1 : 0;
                }
            }
        }
        int curveImages = withCurves ? 4 * Math.min(settings.curveSteps(), d) : 0;
        double total = n + curveImages;
        SampleScorer.Scores scores = scorer().score(n,
                i -> p.image(kept(z[i])), model, cancellation,
                done -> progress.progress(progressFrom + progressSpan * done / total, "explaining: " + done + " of " + n + " samples"));
        double[] y = scores.values();
        cancellation.check();
        long f0 = System.nanoTime();
        double[] kw = new double[n];
        for (int i = 0; i < n; i++) {
            int kept = 0;
            for (int j = 0; j < d; j++) {
                kept += (int) z[i][j];
            }
            double dist = kept == 0 ? 1 : 1 - Math.sqrt((double) kept / d);
            kw[i] = Math.sqrt(Math.exp(-(dist * dist) / (settings.kernelWidth() * settings.kernelWidth())));
        }
        run.fit = WeightedRidge.fit(z, y, kw, settings.ridgeAlpha());
        run.modelPrediction = y[0];
        long f1 = System.nanoTime();
        long curveNs = 0;
        if (withCurves) {
            int[] byWeight = orderByWeight(run.fit.coefficients());
            int[] randomOrder = shuffled(d, orderRandom);
            double[][] curves = curves(p, model, new int[][] {byWeight, randomOrder}, y[0], cancellation,
                    progress, progressFrom + progressSpan * n / total, progressSpan * curveImages / total);
            run.deletionAuc = auc(curves[0]);
            run.insertionAuc = auc(curves[1]);
            run.randomDeletionAuc = auc(curves[2]);
            run.randomInsertionAuc = auc(curves[3]);
            curveNs = System.nanoTime() - f1;
        }
        run.timings.put("segmentation", p.segmentationMs());
        // with several workers, perturbation and model time are summed over them and can exceed the total
        run.timings.put("perturbation", ms(scores.buildNs()) + p.preparationMs());
        run.timings.put("model", ms(scores.modelNs()));
        run.timings.put("fit", ms(f1 - f0));
        run.timings.put("faithfulness", ms(curveNs));
        run.timings.put("total", ms(System.nanoTime() - start) + p.segmentationMs() + p.preparationMs());
        return run;
    }

    private SampleScorer scorer() {
        return new SampleScorer(settings.batchSize(), settings.workers());
    }

    private static boolean[] kept(double[] z) {
        boolean[] keep = new boolean[z.length];
        for (int j = 0; j < z.length; j++) {
            keep[j] = z[j] != 0;
        }
        return keep;
    }

    /** Segment indices by decreasing weight (ties by index, so the order is deterministic). */
    static int[] orderByWeight(double[] w) {
        Integer[] idx = new Integer[w.length];
        for (int i = 0; i < w.length; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> {
            int c = Double.compare(w[b], w[a]);
            return c != 0 ? c : Integer.compare(a, b);
        });
        return Arrays.stream(idx).mapToInt(Integer::intValue).toArray();
    }

    private static int[] shuffled(int d, SplittableRandom random) {
        int[] o = new int[d];
        for (int i = 0; i < d; i++) {
            o[i] = i;
        }
        for (int i = d - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = o[i];
            o[i] = o[j];
            o[j] = t;
        }
        return o;
    }

    /**
     * Deletion and insertion curves for each order: returns, per order, the deletion curve then the
     * insertion curve, each with steps + 1 points from 0 to all segments changed.
     */
    private double[][] curves(Prepared p, Function<List<LesionImage>, double[]> model, int[][] orders, double full,
                              Cancellation cancellation, ProgressListener progress, double from, double span) {
        int d = p.segmentation().count();
        int steps = Math.min(settings.curveSteps(), d);
        // point 0 of deletion = the full image (known), point 0 of insertion = everything hidden
        List<LesionImage> images = new ArrayList<>();
        images.add(p.image(new boolean[d]));
        for (int[] order : orders) {
            for (int deletion = 1; deletion >= 0; deletion--) {
                for (int s = 1; s <= steps; s++) {
                    int m = (int) Math.round((double) s * d / steps);
                    boolean[] keep = new boolean[d];
                    if (deletion == 1) {
                        Arrays.fill(keep, true);
                    }
                    for (int i = 0; i < m; i++) {
                        keep[order[i]] = deletion == 0;
                    }
                    images.add(p.image(keep));
                }
            }
        }
        double[] out = scorer().score(images.size(), images::get, model, cancellation,
                done -> progress.progress(from + span * done / images.size(), "scoring the explanation")).values();
        double empty = out[0];
        double[][] curves = new double[orders.length * 2][steps + 1];
        int k = 1;
        for (int o = 0; o < orders.length; o++) {
            for (int deletion = 1; deletion >= 0; deletion--) {
                double[] c = curves[o * 2 + (1 - deletion)];
                c[0] = deletion == 1 ? full : empty;
                for (int s = 1; s <= steps; s++) {
                    c[s] = out[k++];
                }
            }
        }
        return curves;
    }

    /** Trapezoidal area under a curve sampled at evenly spaced points on [0, 1]. */
    static double auc(double[] curve) {
        int steps = curve.length - 1;
        double a = 0;
        for (int s = 0; s < steps; s++) {
            a += (curve[s] + curve[s + 1]) / 2;
        }
        return a / steps;
    }

    private Explanation toExplanation(Prepared p, Run run, OptionalDouble stability, Mask lesionMask,
                                      List<Mask> artifactMasks) {
        Segmentation seg = p.segmentation();
        double[] w = run.fit.coefficients();
        double[] ones = new double[w.length];
        Arrays.fill(ones, 1);
        double artifactShare = Double.NaN;
        if (artifactMasks != null && !artifactMasks.isEmpty()) {
            artifactShare = positiveShare(seg, w, artifactMasks, false);
        }
        double outside = Double.NaN;
        if (lesionMask != null) {
            outside = positiveShare(seg, w, List.of(lesionMask), true);
        }
        LesionImage img = p.original();
        return new Explanation(img.width(), img.height(), seg.count(), seg.labelsAt(img.width(), img.height()), w,
                run.fit.intercept(), run.fit.r2(), run.fit.predict(ones), run.modelPrediction,
                run.deletionAuc, run.insertionAuc, run.randomDeletionAuc, run.randomInsertionAuc,
                stability, artifactShare, outside, settings.samples(), settings.seed(), run.timings);
    }

    /**
     * Share of the positive weight that falls inside the union of the masks (or, with
     * {@code outside}, outside it), each segment's weight split by the fraction of its pixels there.
     * 0 when no segment has positive weight. Masks of any size are sampled at the segmentation's size.
     */
    static double positiveShare(Segmentation seg, double[] weights, List<Mask> masks, boolean outside) {
        int w = seg.width();
        int h = seg.height();
        int[] labels = seg.labels();
        int[] inside = new int[seg.count()];
        int[] area = new int[seg.count()];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int l = labels[y * w + x];
                area[l]++;
                boolean in = false;
                for (Mask m : masks) {
                    int mx = Math.min(m.width() - 1, (int) ((x + 0.5) * m.width() / w));
                    int my = Math.min(m.height() - 1, (int) ((y + 0.5) * m.height() / h));
                    if (m.contains(mx, my)) {
                        in = true;
                        break;
                    }
                }
                if (in != outside) {
                    inside[l]++;
                }
            }
        }
        double pos = 0;
        double there = 0;
        for (int s = 0; s < weights.length; s++) {
            if (weights[s] > 0) {
                pos += weights[s];
                there += weights[s] * inside[s] / area[s];
            }
        }
        return pos > 0 ? there / pos : 0;
    }

    private static long ms(long nanos) {
        return Math.round(nanos / 1e6);
    }
}

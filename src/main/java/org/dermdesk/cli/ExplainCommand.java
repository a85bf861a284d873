package org.dermdesk.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.dermdesk.core.AnalysisResult;
import org.dermdesk.core.Cancellation;
import org.dermdesk.core.CaseDetails;
import org.dermdesk.core.Explanation;
import org.dermdesk.core.ExplanationVerdicts;
import org.dermdesk.core.ExplanationWording;
import org.dermdesk.core.HeatmapLayer;
import org.dermdesk.core.ImageLoadException;
import org.dermdesk.core.LesionClassifier;
import org.dermdesk.core.LesionImage;
import org.dermdesk.core.Mask;
import org.dermdesk.core.ProgressListener;
import org.dermdesk.explain.HideStrategy;
import org.dermdesk.explain.LimeExplainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code explain IMAGE --out heatmap.png}: a LIME heatmap of the classifier's p_malignant. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Explain the classifier's malignancy score for one image with a superpixel heatmap (LIME).")
public final class ExplainCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "IMAGE", description = "dermoscopic image (JPEG, PNG, BMP or TIFF)")
    Path image;

    @Option(names = "--out", required = true, paramLabel = "PNG", description = "where to write the heatmap overlay")
    Path out;

    @Option(names = "--samples", defaultValue = "" + org.dermdesk.core.ExplainRequest.DEFAULT_SAMPLES, description = "perturbation samples (default ${DEFAULT-VALUE})")
    int samples;

    @Option(names = "--seed", defaultValue = "42", description = "random seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--json", description = "print the explanation as JSON on standard output")
    boolean json;

    @Option(names = "--stability", description = "explain a second time with another seed and report the rank agreement")
    boolean stability;

    @Option(names = "--hide", defaultValue = "BLUR", description = "how hidden segments are filled: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE})")
    HideStrategy hide;

    @Option(names = "--batch-size", defaultValue = "" + org.dermdesk.explain.LimeExplainer.Settings.DEFAULT_BATCH_SIZE, description = "images per model call (default ${DEFAULT-VALUE})")
    int batchSize;

    @Option(names = "--opacity", defaultValue = "0.6", description = "heatmap opacity 0..1 (default ${DEFAULT-VALUE})")
    double opacity;

    @Option(names = "--top-k", defaultValue = "3", description = "outline this many most positive segments (default ${DEFAULT-VALUE})")
    int topK;

    @Option(names = "--lesion-mask", paramLabel = "PNG", description = "lesion mask (white = lesion), any size; without masks the quality gate finds them")
    Path lesionMask;

    @Option(names = "--artifact-mask", paramLabel = "PNG", description = "artifact mask (hair, ruler, ink, dark corners); repeatable")
    List<Path> artifactMasks = new ArrayList<>();

    @Option(names = "--model", paramLabel = "DIR", description = "model folder (default: the installed model)")
    Path modelDir;

    @Option(names = "--remove-hair", description = "explain what `analyze --remove-hair` classifies: the image after digital"
            + " hair removal (the heatmap is still drawn over the original)")
    boolean removeHair;

    /** Outline of the top-k segments in the heatmap file: the window's default outline colour (OverlayKind.HEATMAP). */
    static final int OUTLINE_RGB = 0xFFFFFF;

    private final ClassifierFactory classifiers;

    public ExplainCommand() {
        this(ClassifierFactory.djl());
    }

    public ExplainCommand(ClassifierFactory classifiers) {
        this.classifiers = Objects.requireNonNull(classifiers, "classifiers");
    }

    @Override
    public Integer call() throws Exception {
        // no masks given: the quality gate finds the lesion and the artifacts, as in the app
        boolean gate = lesionMask == null && artifactMasks.isEmpty();
        AnalysisResult read;
        try {
            // read and check the image before the model loads: a bad file is named at once
            read = Pipeline.analyzer(null, gate).analyze(image, CaseDetails.none(), false);
        } catch (ImageLoadException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        Mask lesion;
        List<Mask> artifacts = new ArrayList<>();
        if (gate) {
            lesion = read.quality().lesionMask();
            artifacts.addAll(read.quality().shortcutMasks());
        } else {
            lesion = lesionMask == null ? null : MaskFiles.read(lesionMask);
            for (Path p : artifactMasks) {
                artifacts.add(MaskFiles.read(p));
            }
        }
        LesionImage img = read.image();
        long t0 = System.nanoTime();
        Explanation e;
        try (Pipeline pipeline = Pipeline.of(classifiers.open(modelDir), false, removeHair)) {
            long t1 = System.nanoTime();
            LesionClassifier classifier = pipeline.classifier();
            // the model sees the hair-removed image; people see the heatmap on the original
            LesionImage seen = pipeline.reclassify(read).classified();
            LimeExplainer explainer = LimeExplainer.forClassifier(LimeExplainer.Settings.defaults()
                    .withSamples(samples).withSeed(seed).withHide(hide).withBatchSize(batchSize), classifier);
            ProgressListener progress = json ? ProgressListener.NONE
                    : (f, m) -> System.err.printf("\r%3.0f%% %s", f * 100, m);
            e = stability
                    ? explainer.explainWithStability(seen, LimeExplainer.probabilities(classifier), lesion, artifacts, progress, Cancellation.none())
                    : explainer.explain(seen, LimeExplainer.probabilities(classifier), lesion, artifacts, progress, Cancellation.none());
            if (!json) {
                System.err.println();
            }
            Map<String, Long> timings = new LinkedHashMap<>(e.timingsMs());
            timings.put("model_load", Math.round((t1 - t0) / 1e6));
            long r0 = System.nanoTime();
            // the window's and the report's heatmap, over a grey copy: the file is seen without the colour image beside it
            LesionImage drawn = HeatmapLayer.composite(img, HeatmapLayer.render(e, topK, OUTLINE_RGB), e.width(), e.height(),
                    opacity, true);
            MaskFiles.writePng(drawn, out);
            timings.put("render", Math.round((System.nanoTime() - r0) / 1e6));
            if (json) {
                System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                        .writeValueAsString(toJson(e, timings, seen != img)));
            } else {
                System.out.print(summary(e, timings));
            }
        }
        return 0;
    }

    static Map<String, Object> toJson(Explanation e, Map<String, Long> timings, boolean hairRemoved) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("hair_removed", hairRemoved);
        m.put("segments", e.segmentCount());
        m.put("weights", e.weights());
        m.put("intercept", e.intercept());
        m.put("r2", e.r2());
        m.put("local_prediction", e.localPrediction());
        m.put("model_prediction", e.modelPrediction());
        m.put("deletion_auc", finite(e.deletionAuc()));
        m.put("insertion_auc", finite(e.insertionAuc()));
        m.put("random_deletion_auc", finite(e.randomDeletionAuc()));
        m.put("random_insertion_auc", finite(e.randomInsertionAuc()));
        m.put("faithfulness_verdict", ExplanationVerdicts.Faithfulness.of(e).code());
        if (e.stability().isPresent()) {
            m.put("stability", e.stability().getAsDouble());
            m.put("stability_verdict", ExplanationVerdicts.Stability.of(e.stability().getAsDouble()).code());
        }
        m.put("artifact_share", finite(e.artifactShare()));
        m.put("outside_lesion_share", finite(e.outsideLesionShare()));
        m.put("shortcut_alarm", e.shortcutSuspected());
        m.put("samples", e.samples());
        m.put("seed", e.seed());
        m.put("timings_ms", timings);
        return m;
    }

    /** JSON has no NaN: "not assessed" (no mask given) is written as null. */
    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static String summary(Explanation e, Map<String, Long> timings) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("p_malignant %.3f (local model %.3f, R2 %.2f), %d segments%n",
                e.modelPrediction(), e.localPrediction(), e.r2(), e.segmentCount()));
        sb.append(String.format("faithfulness: insertion %.3f - deletion %.3f = %.3f (random order %.3f)%n",
                e.insertionAuc(), e.deletionAuc(), e.faithfulness(), e.randomFaithfulness()));
        sb.append(ExplanationWording.faithfulness(e)).append(System.lineSeparator());
        e.stability().ifPresent(s -> sb.append(String.format("stability (Spearman between two seeds): %.2f%n", s))
                .append(ExplanationWording.stability(e)).append(System.lineSeparator()));
        if (!Double.isNaN(e.artifactShare())) {
            sb.append(String.format("positive weight on artifacts: %.0f%%%n", 100 * e.artifactShare()));
        }
        if (!Double.isNaN(e.outsideLesionShare())) {
            sb.append(String.format("positive weight outside the lesion: %.0f%%%n", 100 * e.outsideLesionShare()));
        }
        ExplanationWording.shortcutAlarm(e).ifPresent(alarm -> sb.append("WARNING: ").append(alarm).append(System.lineSeparator()));
        sb.append("timings (ms): ").append(timings).append(System.lineSeparator());
        return sb.toString();
    }
}

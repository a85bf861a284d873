package org.dermdesk.dev;

import org.dermdesk.explain.LimeExplainer;
import org.dermdesk.core.Statistics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.dermdesk.core.Cancellation;
import org.dermdesk.core.Explanation;
import org.dermdesk.core.LesionImage;
import org.dermdesk.core.Mask;
import org.dermdesk.core.ProgressListener;

/**
 * Measures the explainer: per-stage milliseconds per explanation, seed-to-seed stability and
 * faithfulness against a random order, as medians over a set of images. The first image is explained
 * once more beforehand and not counted (JIT warm-up).
 */
public final class LimeBench {

    /** One image to explain, with its lesion mask when known. */
    public record Case(LesionImage image, Mask lesionMask) {
    }

    /**
     * Medians over the cases.
     *
     * @param stageMs            median milliseconds per stage of one explanation (without the second,
     *                           stability run), including "total"
     * @param stability          median Spearman between seed and seed + 1
     * @param faithfulness       median insertion - deletion AUC of the explanation
     * @param randomFaithfulness median insertion - deletion AUC of a random order
     * @param segments           median number of segments
     * @param perCase            the explanations, in order
     */
    public record Result(Map<String, Double> stageMs, double stability, double faithfulness,
                         double randomFaithfulness, double segments, List<Explanation> perCase) {

        /** A plain-text table of the medians. */
        public String format() {
            StringBuilder sb = new StringBuilder();
            sb.append(String.format("cases: %d, median segments: %.0f%n", perCase.size(), segments));
            stageMs.forEach((k, v) -> sb.append(String.format("  %-14s %8.1f ms%n", k, v)));
            sb.append(String.format("stability (Spearman, 2 seeds): median %.3f%n", stability));
            sb.append(String.format("faithfulness (ins-del AUC): median %.4f, random order median %.4f%n",
                    faithfulness, randomFaithfulness));
            double[] diffs = perCase.stream().mapToDouble(e -> e.faithfulness() - 2 * e.randomFaithfulness()).toArray();
            long beats = java.util.Arrays.stream(diffs).filter(d -> d > 0).count();
            sb.append(String.format("cases where ins-del >= 2x random: %d of %d%n", beats, perCase.size()));
            return sb.toString();
        }
    }

    private LimeBench() {
    }

    public static Result run(List<Case> cases, Function<List<LesionImage>, double[]> model, LimeExplainer explainer,
                             boolean withStability, ProgressListener progress) {
        if (cases.isEmpty()) {
            throw new IllegalArgumentException("no images to measure");
        }
        Case warm = cases.get(0);
        explainer.explain(warm.image(), model, warm.lesionMask(), List.of(), ProgressListener.NONE, Cancellation.none());
        List<Explanation> out = new ArrayList<>();
        Map<String, List<Double>> stages = new LinkedHashMap<>();
        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            Explanation e = withStability
                    ? explainer.explainWithStability(c.image(), model, c.lesionMask(), List.of(), ProgressListener.NONE, Cancellation.none())
                    : explainer.explain(c.image(), model, c.lesionMask(), List.of(), ProgressListener.NONE, Cancellation.none());
            out.add(e);
            long second = e.timingsMs().getOrDefault("stability", 0L);
            for (Map.Entry<String, Long> t : e.timingsMs().entrySet()) {
                if (t.getKey().equals("stability")) {
                    continue;
                }
                double v = t.getKey().equals("total") ? t.getValue() - second : t.getValue();
                stages.computeIfAbsent(t.getKey(), k -> new ArrayList<>()).add(v);
            }
            progress.progress((i + 1.0) / cases.size(), c.image().source());
        }
        Map<String, Double> medians = new LinkedHashMap<>();
        stages.forEach((k, v) -> medians.put(k, Statistics.median(v.stream().mapToDouble(Double::doubleValue).toArray())));
        double stability = withStability
                ? Statistics.median(out.stream().mapToDouble(e -> e.stability().orElse(Double.NaN)).toArray())
                : Double.NaN;
        return new Result(medians, stability,
                Statistics.median(out.stream().mapToDouble(Explanation::faithfulness).toArray()),
                Statistics.median(out.stream().mapToDouble(Explanation::randomFaithfulness).toArray()),
                Statistics.median(out.stream().mapToDouble(Explanation::segmentCount).toArray()), out);
    }
}

package org.dermdesk.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The plain-words reading of an explanation, one sentence per finding, as the window, the PDF and the
 * command line print it. The verdicts and their thresholds are {@link ExplanationVerdicts}.
 */
public final class ExplanationWording {

    /** Every shortcut alarm starts with this, so that a reader (or the PDF's bold face) can find it. */
    public static final String SHORTCUT_ALARM = "Shortcut alarm";
    /** Printed where no explanation was computed. */
    public static final String NOT_EXPLAINED = "No explanation was computed for this image; the heatmap is not available.";
    public static final String STABILITY_NOT_MEASURED = "Stability: not measured for this explanation.";

    private ExplanationWording() {
    }

    /** Faithfulness, stability and the shortcut alarm (or its absence): what the PDF prints. */
    public static List<String> summary(Explanation e) {
        List<String> s = new ArrayList<>();
        s.add(faithfulness(e));
        s.add(stability(e));
        s.add(shortcutAlarm(e).orElseGet(() -> noShortcutAlarm(e)));
        return s;
    }

    public static String faithfulness(Explanation e) {
        ExplanationVerdicts.Faithfulness verdict = ExplanationVerdicts.Faithfulness.of(e);
        String meaning = switch (verdict) {
            case FAITHFUL -> "hiding the highlighted regions changes the model's output far more than hiding random ones";
            case MODERATELY_FAITHFUL -> "the highlighted regions matter somewhat more than random ones";
            case NOT_FAITHFUL -> "the highlighted regions matter no more than random ones \u2014 do not rely on the heatmap";
        };
        return verdict.label() + ": " + meaning + " (score " + decimal(e.faithfulness()) + " against "
                + decimal(e.randomFaithfulness()) + " for a random order).";
    }

    public static String stability(Explanation e) {
        if (e.stability().isEmpty()) {
            return STABILITY_NOT_MEASURED;
        }
        double rho = e.stability().getAsDouble();
        ExplanationVerdicts.Stability verdict = ExplanationVerdicts.Stability.of(rho);
        String meaning = switch (verdict) {
            case STABLE -> "a second run with another random seed ranks the regions almost the same";
            case FAIRLY_STABLE -> "a second run with another random seed ranks the regions similarly";
            case UNSTABLE -> "a second run with another random seed ranks the regions differently \u2014 treat the heatmap with caution";
        };
        return verdict.label() + ": " + meaning + " (rank correlation " + decimal(rho) + ").";
    }

    public static String fit(Explanation e) {
        return "The simple model behind the explanation reproduces the classifier "
                + ExplanationVerdicts.Fit.of(e.r2()).adverb() + " (R\u00b2 " + decimal(e.r2()) + ").";
    }

    /** The alarm, naming only the shares that raise it (thresholds in {@link Explanation}); empty when none does. */
    public static Optional<String> shortcutAlarm(Explanation e) {
        List<String> causes = new ArrayList<>();
        if (e.restsOnArtifacts()) {
            causes.add(percent(e.artifactShare()) + " of the evidence lies on artifacts (hair, ruler, ink, dark corners)");
        }
        if (e.restsOutsideLesion()) {
            causes.add(percent(e.outsideLesionShare()) + " of the evidence lies on skin outside the lesion");
        }
        if (causes.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(SHORTCUT_ALARM + ": " + String.join(" and ", causes)
                + " \u2014 the model may be reacting to something other than the lesion.");
    }

    /** Where the evidence lies when it raises no alarm; a share without a mask to measure it is said to be so. */
    public static String noShortcutAlarm(Explanation e) {
        String artifacts = Double.isFinite(e.artifactShare())
                ? percent(e.artifactShare()) + " of the evidence lies on artifacts" : "evidence on artifacts not measured";
        String outside = Double.isFinite(e.outsideLesionShare())
                ? percent(e.outsideLesionShare()) + " outside the lesion" : "evidence outside the lesion not measured";
        return "No " + SHORTCUT_ALARM.toLowerCase(Locale.ROOT) + ": " + artifacts + " and " + outside + ".";
    }

    private static String decimal(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.0f%%", fraction * 100);
    }
}

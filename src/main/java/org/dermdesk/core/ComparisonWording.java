package org.dermdesk.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The change table of a comparison in words, shared by the command line, the PDF and the window. */
public final class ComparisonWording {

    private ComparisonWording() {
    }

    /** One row of the change table. */
    public record Row(String label, String before, String after, String change) {
    }

    public static List<Row> rows(LesionComparison c) {
        LesionMeasurements b = c.before().measurements();
        LesionMeasurements a = c.after().measurements();
        Registration r = c.registration();
        List<Row> rows = new ArrayList<>();
        ComparedSizes s = ComparedSizes.of(b, a, r);
        // the later image's size in the earlier image's frame unless in mm; the sizes the changes were computed from
        String basis = s.together() ? (s.mm() ? " (outlined together)" : " (relative, outlined together)")
                : (s.mm() ? "" : " (relative)");
        String diameterChange = s.mm() ? signed(c.diameterChangeMm(), 1) + " mm (" + percent(c.diameterChangePercent()) + ")"
                : percent(c.diameterChangePercent());
        rows.add(new Row("Largest diameter", s.mm() ? mm(s.beforeDiameter()) : px(s.beforeDiameter()),
                s.mm() ? mm(s.afterDiameter()) : px(s.afterDiameter()), diameterChange + basis));
        rows.add(new Row("Area", s.mm() ? mm2(s.beforeArea()) : px2(s.beforeArea()),
                s.mm() ? mm2(s.afterArea()) : px2(s.afterArea()), percent(c.areaChangePercent()) + basis));
        rows.add(new Row("Asymmetry (0-2)", String.valueOf(b.asymmetry()), String.valueOf(a.asymmetry()),
                signed(a.asymmetry() - b.asymmetry(), 0)
                        + (ChangeRule.asymmetryComparable(r) ? "" : " (not part of the verdict: the zoom differs too much)")));
        String colourChange = (c.coloursAdded().isEmpty() ? "" : "added " + words(c.coloursAdded()))
                + (c.coloursAdded().isEmpty() || c.coloursLost().isEmpty() ? "" : "; ")
                + (c.coloursLost().isEmpty() ? "" : "lost " + words(c.coloursLost()));
        rows.add(new Row("Colours", words(b.colours()), words(a.colours()), colourChange.isEmpty() ? "none" : colourChange));
        rows.add(new Row("Model p(malignant)", probability(c.before().pMalignant()), probability(c.after().pMalignant()),
                c.before().pMalignant() == null || c.after().pMalignant() == null ? "-"
                        : signed(100 * (c.after().pMalignant() - c.before().pMalignant()), 0) + " points"));
        return rows;
    }

    /** How the images were aligned, in one line. */
    public static String registration(Registration r) {
        return String.format(Locale.ROOT, "Registered by %s: %s (outline overlap %.2f, residual %.2f; zoom x%.2f%s, turn %s°).",
                r.method(), r.success() ? "check passed" : "check FAILED", r.maskJaccard(), r.residual(), r.scale(),
                r.scaleFromSkin() ? " from the skin" : "", signed(r.rotationDeg(), 0));
    }

    /** The thresholds the verdict used. */
    public static String thresholds() {
        return String.format(Locale.ROOT, "Changed means: area %.0f%% or more where the images align closely"
                        + " (residual up to %.2f), plus %.0f points per unit of residual beyond that (the whole image's or"
                        + " the skin's, whichever is lower); diameter %.1f mm or more (calibrated images); or asymmetry up"
                        + " by %d (images within %.1fx of one zoom). Each lies beyond the re-take variation of the same lesion in HAM10000. Colours added or"
                        + " lost are not part of the verdict: between re-takes of one lesion they differed in 44%% of pairs;"
                        + " check them on the images.",
                ChangeRule.AREA_CHANGE_PERCENT, ChangeRule.SAME_SKIN_RESIDUAL, ChangeRule.AREA_CHANGE_PER_RESIDUAL,
                ChangeRule.DIAMETER_CHANGE_MM, ChangeRule.ASYMMETRY_RISE, ChangeRule.ASYMMETRY_MAX_ZOOM);
    }

    private static String words(Set<DermoscopicColour> s) {
        return s.isEmpty() ? "none" : s.stream().map(DermoscopicColour::words).collect(Collectors.joining(", "));
    }

    private static String mm(double v) {
        return String.format(Locale.ROOT, "%.1f mm", v);
    }

    private static String mm2(double v) {
        return String.format(Locale.ROOT, "%.1f mm²", v);
    }

    private static String px(double v) {
        return String.format(Locale.ROOT, "%.0f px", v);
    }

    private static String px2(double v) {
        return String.format(Locale.ROOT, "%.0f px²", v);
    }

    private static String percent(double v) {
        return signed(v, 0) + "%";
    }

    /**
     * {@code v} with its sign and {@code decimals} places, but a value that rounds to zero reads "0" (not "-0" or
     * "+0"): a signed zero reads as a change in a direction that was not measured.
     */
    static String signed(double v, int decimals) {
        if (!Double.isFinite(v)) return String.format(Locale.ROOT, "%+." + decimals + "f", v);
        // the magnitude is rounded once, so the sign follows exactly what is printed
        String magnitude = String.format(Locale.ROOT, "%." + decimals + "f", Math.abs(v));
        if (Double.parseDouble(magnitude) == 0) return magnitude;
        return (v < 0 ? "-" : "+") + magnitude;
    }

    private static String probability(Double p) {
        return p == null ? "n/a" : String.format(Locale.ROOT, "%.0f%%", 100 * p);
    }
}

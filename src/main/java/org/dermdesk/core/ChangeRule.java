package org.dermdesk.core;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Decides whether a lesion changed between two images, and whether the two images show one lesion at all.
 *
 * <p>Thresholds come from re-takes of the same lesion in HAM10000 (images that share a {@code lesion_id},
 * measured by {@code dermdesk evaluate-compare}; the figures are in src/site/markdown/validation.md): each is set beyond what
 * re-taking the same lesion produced, so that a re-take reads as unchanged and a real change stands out.
 * Two images are taken for two lesions when they cannot be aligned, when their aligned outlines or the
 * patterns inside them disagree, when their areas differ by a factor no growth explains, or when the
 * network's view, the outlines, the pattern and the skin together do not match one lesion ({@link SameLesionScore});
 * the lesion's colour is used only for models without the network's view. Images that cannot be aligned but that the
 * network sees as one lesion ({@link #recognisedButNotAligned}) get no change report and are not called two lesions.
 */
public final class ChangeRule {

    /**
     * Area change (percent) that counts as growth or shrinkage between closely aligned images (residual at most
     * {@link #SAME_SKIN_RESIDUAL}).
     */
    public static final double AREA_CHANGE_PERCENT = 15;
    /**
     * Points added to the area threshold per unit of grey-level residual beyond {@link #SAME_SKIN_RESIDUAL}:
     * re-takes that align less closely also outline less alike (HAM10000 re-takes: |area change| p90 9% at residual below 0.03, 40% at 0.1-0.3),
     * so a looser alignment needs a larger change before it counts. The residual is the smaller of the whole
     * image's and the skin's ({@link #areaThreshold}).
     */
    public static final double AREA_CHANGE_PER_RESIDUAL = 100;
    /**
     * Factor by which the ratio of two images' millimetre scales may differ from the zoom measured on the skin before the
     * scales are taken not to fit the images and sizes are compared relative instead: a device profile assumes one
     * magnification every time, and a zoom read as growth would be a false change (HAM10000 images re-taken synthetically with
     * a ruler in view: see src/site/markdown/validation.md). Tight, because a ruler read a few percent off between two copies of
     * one image is twice that in area: at 1.1, two re-exposed copies read -14 % and -16 %.
     */
    public static final double SCALE_MISFIT = 1.05;
    /** Largest-diameter change (mm) that counts, when both images are calibrated. */
    public static final double DIAMETER_CHANGE_MM = 1.0;
    /** Asymmetry-score rise (0-2 scale) that counts: a rise of one level is common between re-takes. */
    public static final int ASYMMETRY_RISE = 2;
    /**
     * Zoom factor between the images (either way) beyond which the asymmetry scores are not compared: each is scored
     * on its own image's outline, and a view several times closer outlines more of the border's detail (HAM10000
     * validation re-takes: all 4 whose asymmetry alone read as changed were 2.3x or more closer or farther).
     */
    public static final double ASYMMETRY_MAX_ZOOM = 1.5;
    /** Registered outlines overlapping less than this are not one lesion. */
    public static final double DIFFERENT_JACCARD = 0.45;
    /**
     * Lesion-against-skin colour difference (CIE76, ΔE) beyond which the lesions differ; used only for models
     * that give no {@link Appearance}, since a lesion that changed colour must read as changed, not as another.
     */
    public static final double DIFFERENT_CONTRAST = 20;
    /**
     * Images whose grey levels align this closely (residual at most this) show the same skin, whatever the network
     * says: it is not invariant to a turn of the scope (no pair of different HAM10000 lesions came below 0.045), so
     * then the pattern alone decides, not the {@link SameLesionScore}.
     */
    public static final double SAME_SKIN_RESIDUAL = 0.03;
    /** Lesion-pattern correlation below which the lesions differ, where no {@link SameLesionScore} applies. */
    public static final double DIFFERENT_PATTERN = 0.5;
    /** An area ratio beyond this (either way) is not follow-up growth but another lesion (or another zoom). */
    public static final double DIFFERENT_AREA_FACTOR = 3.0;
    /**
     * Appearance evidence at or beyond which two images that cannot be aligned are not called two lesions but
     * "may be the same lesion": HAM10000 validation lesions, 11 of 21 re-takes whose registration failed came this
     * high against 0 of 100 pairs of two lesions whose registration failed.
     */
    public static final double RECOGNISED_EVIDENCE = 5;

    /** Compares a later image of a lesion with an earlier one, registered by {@code registration}. */
    public LesionComparison compare(FollowUpImage before, FollowUpImage after, Registration registration) {
        LesionMeasurements mb = before.measurements();
        LesionMeasurements ma = after.measurements();
        ComparedSizes sizes = ComparedSizes.of(mb, ma, registration);
        boolean calibrated = sizes.mm();
        double areaRatio = sizes.areaRatio();
        double diameterRatio = sizes.diameterRatio();
        Double diameterMm = calibrated ? sizes.afterDiameter() - sizes.beforeDiameter() : null;
        String scaleNote;
        if (calibrated) {
            scaleNote = "Both images have a millimetre scale: sizes are compared in millimetres"
                    + (sizes.together() ? ", on the lesion outlined in both images by one rule." : ".");
        } else if (sizes.scalesUnfit()) {
            double scales = ma.scale().pxPerMm() / mb.scale().pxPerMm();
            scaleNote = String.format(Locale.ROOT, "Both images have a millimetre scale, but the skin around the lesion shows"
                    + " a zoom of x%.2f where the scales give x%.2f: the scales do not fit these images (another"
                    + " magnification, or a device profile that does not apply). Sizes are compared relative, with the zoom"
                    + " taken from the skin; check the scales.", registration.scale(), scales);
        } else {
            scaleNote = (registration.scaleFromSkin()
                    ? "No millimetre scale in " + (mb.scale().known() ? "the later image" : ma.scale().known() ? "the earlier image" : "either image")
                      + ": sizes are relative, with the zoom taken from the skin around the lesion."
                    : "No millimetre scale and too little skin texture to measure the zoom: sizes are relative, with the"
                      + " zoom taken from the whole image, lesion included, which hides part of any growth.")
                    + " A change of zoom cannot be told from growth without a scale.";
        }
        double areaChange = (areaRatio - 1) * 100;
        double areaThreshold = areaThreshold(registration);
        double diameterChange = (diameterRatio - 1) * 100;
        Set<DermoscopicColour> added = EnumSet.noneOf(DermoscopicColour.class);
        added.addAll(ma.colours());
        added.removeAll(mb.colours());
        Set<DermoscopicColour> lost = EnumSet.noneOf(DermoscopicColour.class);
        lost.addAll(mb.colours());
        lost.removeAll(ma.colours());

        List<String> different = differentReasons(before, after, registration, areaRatio);
        boolean same = different.isEmpty();
        List<String> changes = new ArrayList<>();
        if (same) {
            if (Math.abs(areaChange) >= areaThreshold) {
                changes.add(String.format(Locale.ROOT, "The area %s by %.0f%% (threshold %.0f%% at this alignment).",
                        areaChange > 0 ? "grew" : "shrank", Math.abs(areaChange), areaThreshold));
            }
            if (diameterMm != null && Math.abs(diameterMm) >= DIAMETER_CHANGE_MM) {
                changes.add(String.format(Locale.ROOT, "The largest diameter changed by %+.1f mm (threshold %.1f mm).",
                        diameterMm, DIAMETER_CHANGE_MM));
            }
            if (ma.asymmetry() - mb.asymmetry() >= ASYMMETRY_RISE && asymmetryComparable(registration)) {
                changes.add("The asymmetry rose from " + mb.asymmetry() + " to " + ma.asymmetry() + ".");
            }
        }
        return new LesionComparison(before, after, registration, calibrated, areaChange, diameterChange, diameterMm,
                added, lost, same, different, !changes.isEmpty(), changes, scaleNote);
    }

    /** Whether the two images' asymmetry scores are compared: only at a similar zoom ({@link #ASYMMETRY_MAX_ZOOM}). */
    public static boolean asymmetryComparable(Registration r) {
        return r.scale() <= ASYMMETRY_MAX_ZOOM && r.scale() >= 1 / ASYMMETRY_MAX_ZOOM;
    }

    /** The area change that counts, widened for images that align less closely (relative sizes only; mm are exact). */
    public static double areaThreshold(Registration r) {
        // the better of the two: a lesion that grew raises the whole image's residual, skin with little texture the skin's
        double residual = Double.isFinite(r.skinResidual()) ? Math.min(r.residual(), r.skinResidual()) : r.residual();
        residual = Double.isFinite(residual) ? residual : 1;
        return AREA_CHANGE_PERCENT + AREA_CHANGE_PER_RESIDUAL * Math.max(0, residual - SAME_SKIN_RESIDUAL);
    }

    private static List<String> differentReasons(FollowUpImage before, FollowUpImage after, Registration r,
                                                 double areaRatio) {
        List<String> reasons = new ArrayList<>();
        if (!r.success()) {
            reasons.add(String.format(Locale.ROOT, "The images could not be aligned (outline overlap %.2f, residual %.2f).",
                    r.maskJaccard(), r.residual()));
        } else if (r.maskJaccard() < DIFFERENT_JACCARD) {
            reasons.add(String.format(Locale.ROOT, "The aligned outlines overlap only %.0f%% (same lesion: at least %.0f%%).",
                    100 * r.maskJaccard(), 100 * DIFFERENT_JACCARD));
        }
        Double appearance = before.appearanceEvidence(after);
        Double score = sameLesionScore(r, appearance);
        if (recognisedButNotAligned(r, appearance)) {
            // the score's outline and pattern terms mean nothing without an alignment: the network's view alone is told
            reasons.add(String.format(Locale.ROOT, "The network's view of the two images favours one lesion (evidence %+.1f;"
                    + " pairs of two lesions that could not be aligned stayed below %+.0f).", appearance, RECOGNISED_EVIDENCE));
        } else if (score != null) {
            if (!(score >= SameLesionScore.MIN_SAME)) {
                reasons.add(String.format(Locale.ROOT, "The network's view of the two images (evidence %+.1f), the outline"
                        + " overlap (%.2f), the pattern inside the lesion (correlation %s) and the alignment of the skin around it"
                        + " (residual %s) together do not match one lesion (same-lesion score %.2f; same lesion: at least %.2f).",
                        appearance, r.maskJaccard(), pattern(r), skin(r), score, SameLesionScore.MIN_SAME));
            }
        } else {
            // no network view, or the same skin (the network is not turn-invariant): the pattern alone, and colour
            double colour = appearance == null ? before.contrast().distance(after.contrast()) : Double.NaN;
            if (colour > DIFFERENT_CONTRAST) {
                reasons.add(String.format(Locale.ROOT, "The lesion's colour against the skin differs by ΔE %.0f (same lesion:"
                        + " at most %.0f).", colour, DIFFERENT_CONTRAST));
            }
            if (!(r.lesionCorrelation() >= DIFFERENT_PATTERN)) {
                reasons.add("The pattern inside the lesion does not match (correlation " + pattern(r) + ").");
            }
        }
        if (areaRatio > DIFFERENT_AREA_FACTOR || areaRatio < 1 / DIFFERENT_AREA_FACTOR) {
            reasons.add(String.format(Locale.ROOT, "The areas differ by a factor of %.1f.", Math.max(areaRatio, 1 / areaRatio)));
        }
        return reasons;
    }

    /**
     * The {@link SameLesionScore} where it decides: null without the network's view ({@code appearance} null), or
     * when the whole images align so closely that they show the same skin.
     */
    public static Double sameLesionScore(Registration r, Double appearance) {
        if (appearance == null || appearance.isNaN() || r.residual() <= SAME_SKIN_RESIDUAL) return null;
        return SameLesionScore.of(r.maskJaccard(), r.lesionCorrelation(), appearance, r.skinResidual());
    }

    /**
     * Whether two images that could not be aligned are still, by the network's view, likely one lesion: then no
     * change report is given, but neither are they called two lesions.
     */
    public static boolean recognisedButNotAligned(Registration r, Double appearance) {
        return !r.success() && appearance != null && appearance >= RECOGNISED_EVIDENCE;
    }

    private static String skin(Registration r) {
        return measured(r.skinResidual());
    }

    private static String pattern(Registration r) {
        return measured(r.lesionCorrelation());
    }

    private static String measured(double value) {
        return Double.isNaN(value) ? "not measurable" : String.format(Locale.ROOT, "%.2f", value);
    }
}

package org.dermdesk.core;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What changed between an earlier and a later image of a lesion, by {@link ChangeRule}.
 *
 * @param calibrated            both images have a millimetre scale, so sizes are compared in millimetres
 * @param areaChangePercent     (later area / earlier area - 1) x 100: in mm² when calibrated, otherwise in the
 *                              earlier image's pixels after registration
 * @param diameterChangePercent the same for the largest diameter
 * @param diameterChangeMm      later minus earlier largest diameter in mm; null unless calibrated
 * @param sameLesion            false when the images look like two different lesions (no change report then)
 * @param differentReasons      why no change report is given (why they look different, or why they may be one
 *                              lesion that could not be aligned), plain sentences; empty when {@code sameLesion}
 * @param changed               whether the lesion changed beyond re-take variation (false when not the same lesion)
 * @param changes               what changed, plain sentences; empty when not {@code changed}
 * @param scaleNote             how sizes were compared, and what that cannot tell
 */
public record LesionComparison(FollowUpImage before, FollowUpImage after, Registration registration, boolean calibrated,
                               double areaChangePercent, double diameterChangePercent, Double diameterChangeMm,
                               Set<DermoscopicColour> coloursAdded, Set<DermoscopicColour> coloursLost,
                               boolean sameLesion, List<String> differentReasons, boolean changed, List<String> changes,
                               String scaleNote) {

    public LesionComparison {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(registration, "registration");
        coloursAdded = copy(coloursAdded);
        coloursLost = copy(coloursLost);
        differentReasons = List.copyOf(differentReasons);
        changes = List.copyOf(changes);
        Objects.requireNonNull(scaleNote, "scaleNote");
    }

    private static Set<DermoscopicColour> copy(Set<DermoscopicColour> s) {
        return Collections.unmodifiableSet(s.isEmpty() ? EnumSet.noneOf(DermoscopicColour.class) : EnumSet.copyOf(s));
    }

    /** The network's evidence that the two images show one lesion (log-likelihood ratio, above 0 favours one); null without it. */
    public Double appearanceEvidence() {
        return before.appearanceEvidence(after);
    }

    /** The same-lesion score (0..1) where it decided {@link #sameLesion()}; null where it did not apply. */
    public Double sameLesionScore() {
        return ChangeRule.sameLesionScore(registration, appearanceEvidence());
    }

    /**
     * Whether the images, not aligned, may still be one lesion ({@link ChangeRule#recognisedButNotAligned}): no
     * change report, but not called two lesions either.
     */
    public boolean maybeSameLesion() {
        return !sameLesion && ChangeRule.recognisedButNotAligned(registration, appearanceEvidence());
    }

    /**
     * Whether the change table, with its scale note and thresholds, is shown: only for the same lesion, since
     * between two different lesions its numbers would read as a change that is not one. Every front end asks here.
     */
    public boolean hasChangeReport() {
        return sameLesion;
    }

    /**
     * The earlier outline the sizes were measured on, in the earlier image's frame: the one drawn together with the
     * later image's where the registration could ({@link ComparedSizes}), else the image's own. Every view draws this.
     */
    public Mask measuredBeforeOutline() {
        Registration.OutlinedTogether t = registration.outlinedTogether();
        return t != null ? t.before() : before.mask();
    }

    /** The later outline the sizes were measured on, registered into the earlier image's frame. */
    public Mask measuredAfterOutline() {
        Registration.OutlinedTogether t = registration.outlinedTogether();
        return t != null ? t.after() : registration.registeredMask();
    }

    /** The verdict in one line. */
    public String verdict() {
        if (maybeSameLesion()) {
            return "These may be the same lesion, but the images could not be aligned: no change report."
                    + " Compare them by eye, or take the new image at the earlier view.";
        }
        if (!sameLesion) return "These look like two different lesions: no change report.";
        return changed ? "Changed since the earlier image." : "No change beyond what re-taking the same lesion produces.";
    }
}

package org.dermdesk.imaging;

import org.dermdesk.core.ArtifactKind;

/**
 * Immersion fluid / gel under a contact plate (the annotators' "gel bubble" label marks images taken
 * through fluid more than visible bubbles). Two cues, combined by a logistic model fitted on the tuning
 * half of the full-resolution annotated images:
 * <ul>
 *   <li>the density of small {@link SpecularSpots specular glints} (per 100,000 field-of-view pixels,
 *       log-compressed): fluid and bubble rims reflect the light as many small white spots;</li>
 *   <li>the fraction of the image outside the scope's aperture: images with a wide dark rim came from
 *       scopes that were less often used with fluid in this data.</li>
 * </ul>
 * Raw score: the model's probability (0..1) that fluid was used. The mask marks the glints.
 */
final class GelBubbleDetector implements ArtifactDetector {

    static final double INTERCEPT = -1.734;
    static final double PER_LOG_GLINTS = 0.932;
    static final double PER_APERTURE_FRACTION = -6.49;
    /** Best-F1 probability on the tuning half. */
    static final double PRESENT_PROBABILITY = 0.364;

    private final double threshold;

    GelBubbleDetector() {
        this(PRESENT_PROBABILITY);
    }

    GelBubbleDetector(double threshold) {
        this.threshold = threshold;
    }

    @Override
    public ArtifactKind kind() {
        return ArtifactKind.GEL_BUBBLE;
    }

    @Override
    public Detection detect(WorkingCopy wc) {
        SpecularSpots.Found glints = SpecularSpots.find(wc);
        int fov = Masks.countOutside(wc.vignette);
        double density = fov == 0 ? 0 : glints.count() * 100_000.0 / fov;
        double outsideAperture = 1.0 - (double) fov / wc.pixels();
        return new Detection(kind(), fluidProbability(density, outsideAperture), threshold, glints.mask());
    }

    /** Probability of immersion fluid from the glint density (per 100k FOV pixels) and the fraction outside the aperture. */
    static double fluidProbability(double glintsPer100k, double outsideAperture) {
        double z = INTERCEPT + PER_LOG_GLINTS * Math.log1p(glintsPer100k) + PER_APERTURE_FRACTION * outsideAperture;
        return 1.0 / (1.0 + Math.exp(-z));
    }
}

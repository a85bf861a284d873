package org.dermdesk.core;

import java.util.Objects;

/**
 * One image of a lesion as a follow-up comparison sees it.
 *
 * @param name         a display name (a file name, never patient data)
 * @param image        the image as read
 * @param mask         its lesion outline
 * @param measurements the classical measurement of its lesion
 * @param pMalignant   the model's probability, or null when no model ran or the probability does not apply
 * @param contrast     the lesion's colour against its skin
 * @param appearance   the network's view of the image, or null when the model gives none
 */
public record FollowUpImage(String name, LesionImage image, Mask mask, LesionMeasurements measurements, Double pMalignant,
                            LesionContrast contrast, Appearance appearance) {

    public FollowUpImage {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(mask, "mask");
        Objects.requireNonNull(measurements, "measurements");
        Objects.requireNonNull(contrast, "contrast");
    }

    /** An image compared without the network's view of it. */
    public FollowUpImage(String name, LesionImage image, Mask mask, LesionMeasurements measurements, Double pMalignant,
                         LesionContrast contrast) {
        this(name, image, mask, measurements, pMalignant, contrast, null);
    }

    /**
     * The network's evidence that this image and another show one lesion ({@link Appearance#sameLesionEvidence}: a
     * log-likelihood ratio, above 0 favouring one lesion); null when either has no appearance.
     */
    public Double appearanceEvidence(FollowUpImage other) {
        return appearance == null || other.appearance == null ? null : appearance.sameLesionEvidence(other.appearance);
    }
}

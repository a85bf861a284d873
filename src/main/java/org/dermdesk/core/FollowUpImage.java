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
 */
public record FollowUpImage(String name, LesionImage image, Mask mask, LesionMeasurements measurements, Double pMalignant, LesionContrast contrast) {

    public FollowUpImage {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(mask, "mask");
        Objects.requireNonNull(measurements, "measurements");
        Objects.requireNonNull(contrast, "contrast");
    }
}

package org.dermdesk.core;

import java.util.Objects;

/**
 * How a later image of a lesion was aligned onto an earlier one: a similarity transform (shift,
 * rotation, uniform scale) and whether the alignment can be trusted.
 *
 * <p>The transform maps a point of the earlier image to the later one:
 * {@code after = scale * R(rotationDeg) * before + (dx, dy)}, in full-image pixels.
 *
 * @param method         which steps found it, e.g. {@code "moments+ecc-content+ecc-skin"} (a name people can look up)
 * @param success        whether the check passed: the registered outlines overlap and the image content agrees
 * @param residual       1 - normalised cross-correlation of the registered grey images over their overlap
 *                       (0 = identical content; about 0.5 and above = unrelated content)
 * @param scale          how much larger the later image shows the same skin (1 = same zoom)
 * @param scaleFromSkin  true when the scale was measured on the skin around the lesion (the lesion left out),
 *                       so the lesion's own growth does not enter it; false when the skin gave no usable texture
 *                       and the scale rests on the whole image, lesion included
 * @param maskJaccard    overlap (intersection over union) of the earlier outline and the registered later outline
 * @param lesionCorrelation normalised cross-correlation of the grey levels inside both registered outlines: the
 *                       lesion's own pattern (about 0 for two unrelated lesions); NaN when the outlines do not overlap
 * @param registered     the later image resampled into the earlier image's frame (same size as the earlier image)
 * @param registeredMask the later lesion outline in the earlier image's frame
 */
public record Registration(String method, boolean success, double residual, double scale, double rotationDeg,
                           double dx, double dy, boolean scaleFromSkin, double maskJaccard, double lesionCorrelation,
                           LesionImage registered, Mask registeredMask) {

    public Registration {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(registered, "registered");
        Objects.requireNonNull(registeredMask, "registeredMask");
        if (!(scale > 0)) {
            throw new IllegalArgumentException("registration scale must be positive: " + scale);
        }
    }

    /** The ratio by which an area measured on the later image is divided to compare it with the earlier one. */
    public double areaFactor() {
        return scale * scale;
    }
}

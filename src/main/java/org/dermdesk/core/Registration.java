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
 * @param skinResidual   the same over the skin around the lesion only (the lesion and a margin left out), so that a
 *                       lesion that grew does not raise it; NaN when too little skin overlaps
 * @param scale          how much larger the later image shows the same skin (1 = same zoom)
 * @param scaleFromSkin  true when the scale was measured on the skin around the lesion (the lesion left out),
 *                       so the lesion's own growth does not enter it; false when the skin gave no usable texture
 *                       and the scale rests on the whole image, lesion included
 * @param maskJaccard    overlap (intersection over union) of the earlier outline and the registered later outline
 * @param lesionCorrelation normalised cross-correlation of the grey levels inside both registered outlines: the
 *                       lesion's own pattern (about 0 for two unrelated lesions); NaN when the outlines do not overlap
 * @param registered     the later image resampled into the earlier image's frame (same size as the earlier image)
 * @param registeredMask the later lesion outline in the earlier image's frame
 * @param outlinedTogether the lesion's area in both images outlined by one rule in the earlier image's frame, or
 *                       null when they could not be (then each image's own outline is all there is)
 */
public record Registration(String method, boolean success, double residual, double skinResidual,
                           double scale, double rotationDeg,
                           double dx, double dy, boolean scaleFromSkin, double maskJaccard, double lesionCorrelation,
                           LesionImage registered, Mask registeredMask, OutlinedTogether outlinedTogether) {

    /**
     * The lesion outlined in both registered images by one threshold relative to each image's skin, so that an
     * area or diameter change is the lesion's and not the single-image segmenter's (which may follow another region
     * or cut at another grey level in a re-take). Areas and largest diameters in the earlier image's pixels; the two
     * outlines in the earlier image's frame, so that what is shown is what was measured.
     */
    public record OutlinedTogether(double beforeAreaPx, double afterAreaPx, double beforeDiameterPx, double afterDiameterPx,
                                   Mask before, Mask after) {
        public OutlinedTogether {
            Objects.requireNonNull(before, "before");
            Objects.requireNonNull(after, "after");
            if (!(beforeAreaPx > 0) || !(afterAreaPx >= 0) || !(beforeDiameterPx > 0) || !(afterDiameterPx >= 0)) {
                throw new IllegalArgumentException("outlined sizes must be positive: " + beforeAreaPx + ", " + afterAreaPx
                        + ", " + beforeDiameterPx + ", " + afterDiameterPx);
            }
        }

        /** Later area over earlier area, both in the earlier image's frame. */
        public double areaRatio() {
            return afterAreaPx / beforeAreaPx;
        }

        /** Later largest diameter over the earlier one, both in the earlier image's frame. */
        public double diameterRatio() {
            return afterDiameterPx / beforeDiameterPx;
        }
    }

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

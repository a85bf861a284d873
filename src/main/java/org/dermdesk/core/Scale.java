package org.dermdesk.core;

import java.util.Objects;

/**
 * How many image pixels make one millimetre, where that came from and how sure it is.
 * An unknown scale has {@code pxPerMm} NaN: sizes then stay in pixels, never a guessed millimetre.
 *
 * @param pxPerMm     pixels per millimetre at the image's full resolution; NaN when unknown
 * @param confidence  0..1, how sure the source is (1 for a value the user set)
 * @param tickMm      the tick spacing a ruler scale was read as (1 or 0.5 mm); NaN for other sources
 * @param rowSpread   relative spread of the scale between the ruler's tick rows (0 = they agree exactly);
 *                    NaN when fewer than two rows were found
 */
public record Scale(double pxPerMm, ScaleSource source, double confidence, double tickMm, double rowSpread) {

    /** How sure a scale from the file's metadata is: the file states it, nothing in the image confirms it. */
    public static final double FILE_METADATA_CONFIDENCE = 0.5;

    private static final Scale UNKNOWN = new Scale(Double.NaN, ScaleSource.UNKNOWN, 0, Double.NaN, Double.NaN);

    public Scale {
        Objects.requireNonNull(source, "source");
        if ((source == ScaleSource.UNKNOWN) != Double.isNaN(pxPerMm)) {
            throw new IllegalArgumentException("a scale is unknown exactly when it has no pixels per millimetre");
        }
        if (!Double.isNaN(pxPerMm) && !(pxPerMm > 0 && Double.isFinite(pxPerMm))) {
            throw new IllegalArgumentException("pixels per millimetre must be positive: " + pxPerMm);
        }
    }

    public static Scale unknown() {
        return UNKNOWN;
    }

    /** A scale the user calibrated once for their dermatoscope and camera. */
    public static Scale deviceProfile(double pxPerMm) {
        return new Scale(pxPerMm, ScaleSource.DEVICE_PROFILE, 1, Double.NaN, Double.NaN);
    }

    /**
     * A scale the image file's resolution metadata gives ({@link #FILE_METADATA_CONFIDENCE} sure).
     */
    public static Scale fileMetadata(double pxPerMm) {
        return new Scale(pxPerMm, ScaleSource.FILE_METADATA, FILE_METADATA_CONFIDENCE, Double.NaN, Double.NaN);
    }

    public boolean known() {
        return source != ScaleSource.UNKNOWN;
    }

    /** Millimetres of a length in pixels; NaN without a scale. */
    public double mm(double px) {
        return known() ? px / pxPerMm : Double.NaN;
    }

    /** Square millimetres of an area in pixels; NaN without a scale. */
    public double mm2(double px2) {
        return known() ? px2 / (pxPerMm * pxPerMm) : Double.NaN;
    }
}

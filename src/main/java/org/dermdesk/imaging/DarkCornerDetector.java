package org.dermdesk.imaging;

import org.dermdesk.core.ArtifactKind;

/**
 * Dark corners of the scope's circular aperture: how much of the four corner squares lies in the
 * dark border-connected region ({@link Vignette}). Raw score: mean dark fraction of the corners.
 */
final class DarkCornerDetector implements ArtifactDetector {

    /** Side of each corner square as a fraction of the shorter image side. */
    static final double CORNER_SIDE = 0.15;
    static final double PRESENT_FRACTION = 0.10;
    /** A rim pixel is darker than this fraction of the central median brightness ... */
    static final double RELATIVE_RIM = 0.7;
    /** ... but the limit never exceeds this value (0..255). */
    static final int MAX_RIM_VALUE = 140;

    private final double threshold;

    DarkCornerDetector() {
        this(PRESENT_FRACTION);
    }

    DarkCornerDetector(double threshold) {
        this.threshold = threshold;
    }

    @Override
    public ArtifactKind kind() {
        return ArtifactKind.DARK_CORNER;
    }

    @Override
    public Detection detect(WorkingCopy wc) {
        byte[] rim = Vignette.find(wc, Vignette.relativeLimit(wc, MAX_RIM_VALUE, RELATIVE_RIM));
        int s = Math.max(2, (int) Math.round(Math.min(wc.width, wc.height) * CORNER_SIDE));
        double sum = 0;
        int[][] origins = {{0, 0}, {wc.width - s, 0}, {0, wc.height - s}, {wc.width - s, wc.height - s}};
        for (int[] o : origins) {
            int dark = 0;
            for (int y = o[1]; y < o[1] + s; y++) {
                for (int x = o[0]; x < o[0] + s; x++) {
                    if (rim[y * wc.width + x] != 0) dark++;
                }
            }
            sum += (double) dark / (s * s);
        }
        double raw = sum / 4;
        return new Detection(kind(), raw, threshold, rim);
    }
}

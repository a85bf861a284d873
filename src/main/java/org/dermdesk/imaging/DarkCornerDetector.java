package org.dermdesk.imaging;

import org.dermdesk.core.ArtifactKind;

/**
 * Dark corners of the scope's circular aperture: how much of the four corner squares lies in the
 * dark border-connected region ({@link Vignette}). Raw score: mean dark fraction of the corners.
 */
final class DarkCornerDetector implements ArtifactDetector {

    /** Side of each corner square as a fraction of the shorter image side. */
    static final double CORNER_SIDE = 0.15;
    static final double PRESENT_FRACTION = 0.2;

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
        int s = Math.max(2, (int) Math.round(Math.min(wc.width, wc.height) * CORNER_SIDE));
        double sum = 0;
        int[][] origins = {{0, 0}, {wc.width - s, 0}, {0, wc.height - s}, {wc.width - s, wc.height - s}};
        for (int[] o : origins) {
            int dark = 0;
            for (int y = o[1]; y < o[1] + s; y++) {
                for (int x = o[0]; x < o[0] + s; x++) {
                    if (wc.vignette[y * wc.width + x] != 0) dark++;
                }
            }
            sum += (double) dark / (s * s);
        }
        double raw = sum / 4;
        return new Detection(kind(), raw, threshold, wc.vignette.clone());
    }
}

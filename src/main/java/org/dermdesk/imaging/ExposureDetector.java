package org.dermdesk.imaging;

import org.dermdesk.core.ArtifactKind;

/**
 * Exposure: the fractions of over-exposed (clipped white) and under-exposed (near black) pixels in
 * the field of view, and its mean brightness. Raw score: the worst of these relative to its limit,
 * so 1 is exactly at a limit.
 */
final class ExposureDetector implements ArtifactDetector {

    static final int CLIPPED_WHITE = 250;
    static final int NEAR_BLACK = 25;
    /** More clipped-white pixels than this fraction of the field of view is over-exposed. */
    static final double MAX_OVER_FRACTION = 0.12;
    /** More near-black pixels than this fraction of the field of view is under-exposed. */
    static final double MAX_UNDER_FRACTION = 0.25;
    /** Mean brightness (0..255) below which the image is too dark overall. */
    static final double MIN_MEAN = 50;

    @Override
    public ArtifactKind kind() {
        return ArtifactKind.EXPOSURE;
    }

    @Override
    public Detection detect(WorkingCopy wc) {
        double[] f = fractions(wc);
        double raw = Math.max(Math.max(f[0] / MAX_OVER_FRACTION, f[1] / MAX_UNDER_FRACTION),
                f[2] <= 0 ? 10 : MIN_MEAN / f[2]);
        return new Detection(kind(), raw, 1.0, null);
    }

    /** {over fraction, under fraction, mean value} inside the field of view. */
    static double[] fractions(WorkingCopy wc) {
        int over = 0;
        int under = 0;
        int n = 0;
        long sum = 0;
        for (int i = 0; i < wc.pixels(); i++) {
            if (wc.vignette[i] != 0) continue;
            int v = wc.hsv[i * 3 + 2] & 0xFF;
            int g = wc.greyPx[i] & 0xFF;
            n++;
            sum += g;
            if (g >= CLIPPED_WHITE) over++;
            if (v < NEAR_BLACK) under++;
        }
        if (n == 0) {
            return new double[] {0, 1, 0};
        }
        return new double[] {(double) over / n, (double) under / n, (double) sum / n};
    }
}

package org.dermdesk.imaging;

import static org.bytedeco.opencv.global.opencv_core.CV_16S;
import static org.bytedeco.opencv.global.opencv_imgproc.Laplacian;

import org.bytedeco.opencv.opencv_core.Mat;
import org.dermdesk.core.ArtifactKind;

/**
 * Blur: the mean |Laplacian| of the sharpest 1% of the grey working copy's field of view (the
 * lesion's edge and structures). Raw score: {@link #SHARP_EDGES} / that value, so it grows as the
 * image gets blurrier; present when it falls below {@link #BLURRED_EDGES}. No blur labels exist in
 * the development data: the limit is conservative (about the blurriest 1% of {@code ham10000/full},
 * none of {@code artifacts/full}).
 */
final class BlurDetector implements ArtifactDetector {

    /** Sharpest-edge strength (long side 512) of a typical sharp dermoscopic image. */
    static final double SHARP_EDGES = 40;
    /** Below this sharpest-edge strength the image is too blurred to judge fine structures. */
    static final double BLURRED_EDGES = 11;

    @Override
    public ArtifactKind kind() {
        return ArtifactKind.BLUR;
    }

    @Override
    public Detection detect(WorkingCopy wc) {
        double edges = sharpestEdges(wc);
        double raw = SHARP_EDGES / Math.max(edges, 1e-3);
        return new Detection(kind(), raw, SHARP_EDGES / BLURRED_EDGES, null);
    }

    /**
     * Mean |Laplacian| of the sharpest 1% of field-of-view pixels: the lesion's edge and structures.
     * Unlike the variance over the whole image it does not call an image of smooth, featureless
     * skin blurred when the lesion itself is in focus.
     */
    static double sharpestEdges(WorkingCopy wc) {
        short[] lap;
        try (Mat l = new Mat()) {
            Laplacian(wc.grey, l, CV_16S);
            lap = new short[(int) l.total()];
            ((java.nio.ShortBuffer) l.createBuffer()).get(lap);
        }
        int[] hist = new int[2048];
        int n = 0;
        for (int i = 0; i < lap.length; i++) {
            if (wc.vignette[i] != 0) continue;
            hist[Math.min(2047, Math.abs(lap[i]))]++;
            n++;
        }
        int want = Math.max(1, n / 100);
        long sum = 0;
        int got = 0;
        for (int v = hist.length - 1; v >= 0 && got < want; v--) {
            int take = Math.min(hist[v], want - got);
            sum += (long) take * v;
            got += take;
        }
        return got == 0 ? 0 : (double) sum / got;
    }
}

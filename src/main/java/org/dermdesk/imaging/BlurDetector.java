package org.dermdesk.imaging;

import static org.bytedeco.opencv.global.opencv_core.CV_16S;
import static org.bytedeco.opencv.global.opencv_core.meanStdDev;
import static org.bytedeco.opencv.global.opencv_imgproc.Laplacian;

import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.dermdesk.core.ArtifactKind;

/**
 * Blur: the variance of the Laplacian of the grey working copy (inside the field of view), a
 * standard focus measure. Raw score: {@link #SHARP_VARIANCE} / variance, so it grows as the image
 * gets blurrier; present when the variance falls below {@link #BLURRED_VARIANCE}.
 */
final class BlurDetector implements ArtifactDetector {

    /** Laplacian variance (long side 512) of a typical sharp dermoscopic image. */
    static final double SHARP_VARIANCE = 100;
    /** Below this Laplacian variance the image is too blurred to judge fine structures. */
    static final double BLURRED_VARIANCE = 12;

    @Override
    public ArtifactKind kind() {
        return ArtifactKind.BLUR;
    }

    @Override
    public Detection detect(WorkingCopy wc) {
        double var = laplacianVariance(wc);
        double raw = SHARP_VARIANCE / Math.max(var, 1e-3);
        return new Detection(kind(), raw, SHARP_VARIANCE / BLURRED_VARIANCE, null);
    }

    static double laplacianVariance(WorkingCopy wc) {
        try (Mat lap = new Mat(); Mat mean = new Mat(); Mat std = new Mat()) {
            Laplacian(wc.grey, lap, CV_16S);
            boolean anyVignette = Masks.area(wc.vignette) > 0;
            if (anyVignette) {
                byte[] inside = new byte[wc.pixels()];
                for (int i = 0; i < inside.length; i++) {
                    inside[i] = wc.vignette[i] == 0 ? (byte) 255 : 0;
                }
                try (Mat m = wc.maskMat(inside)) {
                    meanStdDev(lap, mean, std, m);
                }
            } else {
                meanStdDev(lap, mean, std);
            }
            try (DoubleIndexer idx = std.createIndexer()) {
                double s = idx.get(0);
                return s * s;
            }
        }
    }
}

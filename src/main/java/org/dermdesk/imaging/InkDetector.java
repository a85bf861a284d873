package org.dermdesk.imaging;

import static org.bytedeco.opencv.global.opencv_imgproc.MORPH_ELLIPSE;
import static org.bytedeco.opencv.global.opencv_imgproc.MORPH_OPEN;
import static org.bytedeco.opencv.global.opencv_imgproc.getStructuringElement;
import static org.bytedeco.opencv.global.opencv_imgproc.morphologyEx;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.dermdesk.core.ArtifactKind;

/**
 * Surgical-marker ink: saturated violet, blue or green pixels (hues skin and pigment never take),
 * cleaned by a small opening. Raw score: ink pixels as a fraction of the field of view.
 */
final class InkDetector implements ArtifactDetector {

    /** OpenCV hue (0..180) range of green, blue and violet marker ink. */
    static final int HUE_MIN = 38;
    static final int HUE_MAX = 165;
    /** Saturation (0..255) from which a pixel is coloured rather than grey-blue skin or veil. */
    static final int MIN_SATURATION = 60;
    static final int MIN_VALUE = 40;
    static final double PRESENT_FRACTION = 0.002;

    private final double threshold;

    InkDetector() {
        this(PRESENT_FRACTION);
    }

    InkDetector(double threshold) {
        this.threshold = threshold;
    }

    @Override
    public ArtifactKind kind() {
        return ArtifactKind.INK;
    }

    @Override
    public Detection detect(WorkingCopy wc) {
        int n = wc.pixels();
        byte[] m = new byte[n];
        byte[] hsv = wc.hsv;
        for (int i = 0; i < n; i++) {
            int h = hsv[i * 3] & 0xFF;
            int s = hsv[i * 3 + 1] & 0xFF;
            int v = hsv[i * 3 + 2] & 0xFF;
            if (h >= HUE_MIN && h <= HUE_MAX && s >= MIN_SATURATION && v >= MIN_VALUE) {
                m[i] = (byte) 255;
            }
        }
        int k = wc.kernel(3, 3);
        try (Mat mm = wc.maskMat(m); Mat out = new Mat(); Size ks = new Size(k, k);
             Mat kernel = getStructuringElement(MORPH_ELLIPSE, ks)) {
            morphologyEx(mm, out, MORPH_OPEN, kernel);
            m = MatConversions.toBytes(out);
        }
        Masks.minus(m, wc.vignette);
        double raw = (double) Masks.area(m) / Masks.countOutside(wc.vignette);
        return new Detection(kind(), raw, threshold, m);
    }
}

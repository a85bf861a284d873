package org.dermdesk.imaging;

import static org.bytedeco.opencv.global.opencv_imgproc.MORPH_BLACKHAT;
import static org.bytedeco.opencv.global.opencv_imgproc.MORPH_ELLIPSE;
import static org.bytedeco.opencv.global.opencv_imgproc.MORPH_TOPHAT;
import static org.bytedeco.opencv.global.opencv_imgproc.THRESH_BINARY;
import static org.bytedeco.opencv.global.opencv_imgproc.getStructuringElement;
import static org.bytedeco.opencv.global.opencv_imgproc.morphologyEx;
import static org.bytedeco.opencv.global.opencv_imgproc.threshold;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.max;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_8;
import static org.bytedeco.opencv.global.opencv_imgproc.MORPH_OPEN;
import static org.bytedeco.opencv.global.opencv_imgproc.line;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.dermdesk.core.ArtifactKind;

/**
 * Hair, dark and light, DullRazor style: a morphological black-hat (dark hair) and top-hat (light
 * hair) of the grey image picks out thin structures; only thin, elongated connected components are
 * kept, which drops pigment network dots and globules. Raw score: hair pixels as a fraction of the
 * field of view.
 */
final class HairDetector implements ArtifactDetector {

    /** Black-hat response (grey levels) from which a pixel may be dark hair. */
    static final int DARK_CONTRAST = 16;
    /** Top-hat response from which a pixel may be light hair (stricter: specular glints are bright too). */
    static final int LIGHT_CONTRAST = 28;
    /** Kernel diameter at long side 512: wider than a hair, narrower than a globule cluster. */
    static final int KERNEL_512 = 11;
    /** Length (pixels at long side 512) of the line structuring elements. */
    static final int LINE_512 = 15;
    static final int ORIENTATIONS = 12;
    /** Minimum extent of a hair component, in pixels at long side 512. */
    static final int MIN_LENGTH_512 = 28;
    /** Length squared / area: a line of length L and width t gives L/t. */
    static final double MIN_ELONGATION = 7.0;
    /** Fraction of a component's pixels that must lie on straight runs of at least the line length. */
    static final double MIN_LINE_SUPPORT = 0.3;
    /** Hair pixels as a fraction of the field of view from which hair counts as present. */
    static final double PRESENT_FRACTION = 0.00025;

    private final double threshold;

    HairDetector() {
        this(PRESENT_FRACTION);
    }

    HairDetector(double threshold) {
        this.threshold = threshold;
    }

    @Override
    public ArtifactKind kind() {
        return ArtifactKind.HAIR;
    }

    @Override
    public Detection detect(WorkingCopy wc) {
        byte[] mask = wc.hairMask().clone();
        double raw = (double) Masks.area(mask) / Masks.countOutside(wc.vignette);
        return new Detection(kind(), raw, threshold, mask);
    }

    /** The 0/255 hair mask at working size. */
    static byte[] hairMask(WorkingCopy wc) {
        int k = wc.kernel(KERNEL_512, 5);
        int len = wc.kernel(LINE_512, 7);
        byte[] dark;
        byte[] light;
        try (Size ks = new Size(k, k); Mat kernel = getStructuringElement(MORPH_ELLIPSE, ks);
             Mat bh = new Mat(); Mat th = new Mat(); Mat lines = new Mat(); Mat bin = new Mat()) {
            morphologyEx(wc.grey, bh, MORPH_BLACKHAT, kernel);
            dark = hairs(wc, bh, lines, bin, len, DARK_CONTRAST, 1.0);
            morphologyEx(wc.grey, th, MORPH_TOPHAT, kernel);
            light = hairs(wc, th, lines, bin, len, LIGHT_CONTRAST, 1.6);
        }
        for (int i = 0; i < dark.length; i++) {
            dark[i] |= light[i];
        }
        return Masks.minus(dark, wc.vignette);
    }

    /**
     * Pixel-wise maximum over {@link #ORIENTATIONS} directions of a grey opening with a line of
     * length {@code len}: keeps only structures that run straight for at least that length, which
     * removes the short segments of pigment network and dots.
     */
    static void lineOpening(Mat src, Mat dst, int len) {
        src.copyTo(dst);
        try (Mat opened = new Mat(); Scalar zero = new Scalar(0)) {
            dst.put(zero);
            for (int o = 0; o < ORIENTATIONS; o++) {
                double a = Math.PI * o / ORIENTATIONS;
                try (Mat se = lineKernel(len, a)) {
                    morphologyEx(src, opened, MORPH_OPEN, se);
                    max(dst, opened, dst);
                }
            }
        }
    }

    private static Mat lineKernel(int len, double angle) {
        Mat se = new Mat(len, len, CV_8UC1);
        try (Scalar zero = new Scalar(0)) {
            se.put(zero);
        }
        int c = len / 2;
        int dx = (int) Math.round(Math.cos(angle) * c);
        int dy = (int) Math.round(Math.sin(angle) * c);
        try (Point a = new Point(c - dx, c - dy); Point b = new Point(c + dx, c + dy); Scalar one = new Scalar(1)) {
            line(se, a, b, one, 1, LINE_8, 0);
        }
        return se;
    }

    /**
     * Components of {@code response > contrast} that are long and elongated and of which at least
     * {@link #MIN_LINE_SUPPORT} survives the oriented line opening (pigment network does not).
     */
    private static byte[] hairs(WorkingCopy wc, Mat response, Mat lines, Mat bin, int len, int contrast, double strictness) {
        lineOpening(response, lines, len);
        threshold(lines, bin, contrast, 255, THRESH_BINARY);
        byte[] support = MatConversions.toBytes(bin);
        threshold(response, bin, contrast, 255, THRESH_BINARY);
        Components c = Components.of(bin);
        int[] supported = new int[c.count];
        for (int i = 0; i < support.length; i++) {
            if (support[i] != 0) supported[c.labels[i]]++;
        }
        double minLen = MIN_LENGTH_512 * wc.scaleTo512() * strictness;
        boolean[] keep = new boolean[c.count];
        for (int i = 1; i < c.count; i++) {
            double extent = Math.hypot(c.w[i], c.h[i]);
            if (extent < minLen) continue;
            double elong = extent * extent / c.area[i];
            keep[i] = elong >= MIN_ELONGATION * strictness
                    && supported[i] >= MIN_LINE_SUPPORT * c.area[i];
        }
        return c.mask(keep);
    }
}

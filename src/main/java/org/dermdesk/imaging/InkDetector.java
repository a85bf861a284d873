package org.dermdesk.imaging;

import static org.bytedeco.opencv.global.opencv_imgproc.MORPH_ELLIPSE;
import static org.bytedeco.opencv.global.opencv_imgproc.MORPH_OPEN;
import static org.bytedeco.opencv.global.opencv_imgproc.dilate;
import static org.bytedeco.opencv.global.opencv_imgproc.getStructuringElement;
import static org.bytedeco.opencv.global.opencv_imgproc.morphologyEx;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.dermdesk.core.ArtifactKind;

/**
 * Surgical-marker ink: saturated violet, blue or green pixels (hues skin and pigment never take),
 * cleaned by a small opening. In an image with a blue or green colour cast (its median hue in the ink
 * range) only pixels clearly more saturated than the cast count. Large, solid coloured regions are
 * dropped: those are the round coloured stickers (patches) put beside lesions, or a blue-violet
 * lesion, whereas marker strokes are thin lines, frames and scribbles that fill little of their
 * bounding box. Raw score: ink pixels as a fraction of the field of view.
 */
final class InkDetector implements ArtifactDetector {

    /** Extra saturation (0..1) above the image's median that ink needs in an image with a blue/green cast. */
    static final double CAST_EXTRA_SATURATION = 0.25;
    /** Hue range (degrees) of green, blue, violet and magenta-violet marker ink (tuned on the 256-px tuning half). */
    static final double HUE_MIN_DEG = 80;
    static final double HUE_MAX_DEG = 315;
    /** HSV saturation (0..255) from which a pixel is coloured rather than grey-blue skin or veil. */
    static final int MIN_SATURATION = 45;
    /** Marker ink is a bright stroke; darker violet is more likely a violaceous lesion. */
    static final int MIN_VALUE = 100;
    static final double PRESENT_FRACTION = 0.0003;
    /** A coloured component at least this fraction of the field of view ... */
    static final double SOLID_MIN_FRACTION = 0.01;
    /** ... that fills at least this fraction of its bounding box is a sticker or a lesion, not ink. */
    static final double SOLID_MIN_FILL = 0.5;

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

    /** The coloured fringe at the edge of the scope's aperture is not ink: pixels this close to it are skipped. */
    static final int RIM_MARGIN_512 = 9;

    private static byte[] dilated(WorkingCopy wc, byte[] m, int k512) {
        if (Masks.area(m) == 0) return m;
        int k = wc.kernel(k512, 3);
        try (Mat mm = wc.maskMat(m); Mat out = new Mat(); Size ks = new Size(k, k);
             Mat kernel = getStructuringElement(MORPH_ELLIPSE, ks)) {
            dilate(mm, out, kernel);
            return MatConversions.toBytes(out);
        }
    }

    private static double median(int[] hist, int n) {
        int acc = 0;
        for (int v = 0; v < hist.length; v++) {
            acc += hist[v];
            if (acc * 2 >= n) return v;
        }
        return 0;
    }

    static double hueDegrees(double r, double g, double b, double max, double min) {
        double d = max - min;
        if (d <= 0) return 0;
        double h;
        if (max == r) {
            h = 60 * (((g - b) / d) % 6);
        } else if (max == g) {
            h = 60 * ((b - r) / d + 2);
        } else {
            h = 60 * ((r - g) / d + 4);
        }
        return h < 0 ? h + 360 : h;
    }

    private static byte[] withoutSolidRegions(WorkingCopy wc, byte[] m) {
        int fov = Masks.countOutside(wc.vignette);
        try (Mat mm = wc.maskMat(m)) {
            Components c = Components.of(mm);
            boolean[] keep = new boolean[c.count];
            for (int i = 1; i < c.count; i++) {
                double fill = (double) c.area[i] / ((double) c.w[i] * c.h[i]);
                keep[i] = c.area[i] < SOLID_MIN_FRACTION * fov || fill < SOLID_MIN_FILL;
            }
            return c.mask(keep);
        }
    }

    @Override
    public Detection detect(WorkingCopy wc) {
        int n = wc.pixels();
        byte[] m = new byte[n];
        byte[] bgr = wc.bgrPx;
        byte[] nearRim = dilated(wc, wc.vignette, RIM_MARGIN_512);
        double[] hue = new double[n];
        double[] sat = new double[n];
        int[] hueHist = new int[360];
        int[] satHist = new int[101];
        int fov = 0;
        for (int i = 0; i < n; i++) {
            double b = bgr[i * 3] & 0xFF;
            double g = bgr[i * 3 + 1] & 0xFF;
            double r = bgr[i * 3 + 2] & 0xFF;
            double max = Math.max(r, Math.max(g, b));
            double min = Math.min(r, Math.min(g, b));
            hue[i] = hueDegrees(r, g, b, max, min);
            sat[i] = max < MIN_VALUE ? 0 : (max - min) / max;
            if (wc.vignette[i] == 0) {
                hueHist[Math.min(359, (int) hue[i])]++;
                satHist[(int) Math.round(sat[i] * 100)]++;
                fov++;
            }
        }
        double castHue = median(hueHist, fov);
        double castSat = median(satHist, fov) / 100.0;
        boolean cast = castSat >= 0.08 && castHue >= HUE_MIN_DEG && castHue <= HUE_MAX_DEG;
        double minSat = MIN_SATURATION / 255.0;
        for (int i = 0; i < n; i++) {
            if (sat[i] < minSat || hue[i] < HUE_MIN_DEG || hue[i] > HUE_MAX_DEG) continue;
            // a bluish/greenish colour cast of the whole image: only clearly more saturated pixels count
            if (cast && sat[i] < castSat + CAST_EXTRA_SATURATION) continue;
            if (nearRim[i] != 0) continue;
            m[i] = (byte) 255;
        }
        int k = wc.kernel(3, 3);
        try (Mat mm = wc.maskMat(m); Mat out = new Mat(); Size ks = new Size(k, k);
             Mat kernel = getStructuringElement(MORPH_ELLIPSE, ks)) {
            morphologyEx(mm, out, MORPH_OPEN, kernel);
            m = MatConversions.toBytes(out);
        }
        Masks.minus(m, wc.vignette);
        m = withoutSolidRegions(wc, m);
        double raw = (double) Masks.area(m) / Masks.countOutside(wc.vignette);
        return new Detection(kind(), raw, threshold, m);
    }
}

package org.dermdesk.imaging;

import static org.bytedeco.opencv.global.opencv_imgproc.MORPH_ELLIPSE;
import static org.bytedeco.opencv.global.opencv_imgproc.MORPH_OPEN;
import static org.bytedeco.opencv.global.opencv_imgproc.getStructuringElement;
import static org.bytedeco.opencv.global.opencv_imgproc.morphologyEx;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Finds the dark, border-connected area outside a dermatoscope's circular aperture. Plain-Java
 * flood fill from the border over very dark pixels; small dark specks at the border are ignored.
 */
final class Vignette {

    /** A pixel darker than this (HSV value, 0..255) may be outside the aperture. */
    static final int DARK_VALUE = 45;
    /** Opening diameter (pixels at long side 512) that removes hairs from the aperture mask. */
    static final int OPEN_512 = 13;

    private Vignette() {
    }

    /** The conservative aperture mask shared by all detectors (pixels darker than {@link #DARK_VALUE}). */
    static byte[] find(WorkingCopy wc) {
        return find(wc, DARK_VALUE);
    }

    /** Border-connected pixels with HSV value below {@code dark}. */
    static byte[] find(WorkingCopy wc, int dark) {
        int w = wc.width;
        int h = wc.height;
        byte[] hsv = wc.hsv;
        byte[] out = new byte[w * h];
        int[] stack = new int[w * h];
        int sp = 0;
        for (int x = 0; x < w; x++) {
            sp = seed(hsv, dark, out, stack, sp, x, w);
            sp = seed(hsv, dark, out, stack, sp, (h - 1) * w + x, w);
        }
        for (int y = 0; y < h; y++) {
            sp = seed(hsv, dark, out, stack, sp, y * w, w);
            sp = seed(hsv, dark, out, stack, sp, y * w + w - 1, w);
        }
        while (sp > 0) {
            int p = stack[--sp];
            int x = p % w;
            int y = p / w;
            if (x > 0) sp = seed(hsv, dark, out, stack, sp, p - 1, w);
            if (x < w - 1) sp = seed(hsv, dark, out, stack, sp, p + 1, w);
            if (y > 0) sp = seed(hsv, dark, out, stack, sp, p - w, w);
            if (y < h - 1) sp = seed(hsv, dark, out, stack, sp, p + w, w);
        }
        out = openAway(wc, out);
        // ignore a thin dark frame of a few pixels only
        int area = 0;
        for (byte b : out) {
            if (b != 0) area++;
        }
        if (area < 0.002 * w * h) {
            return new byte[w * h];
        }
        return out;
    }

    /**
     * A darkness limit relative to the image: {@code relative} times the median value of the central
     * half of the image (so a grey rim around bright skin counts), between {@link #DARK_VALUE} and
     * {@code max}.
     */
    static int relativeLimit(WorkingCopy wc, int max, double relative) {
        int[] hist = new int[256];
        int n = 0;
        for (int y = wc.height / 4; y < wc.height * 3 / 4; y++) {
            for (int x = wc.width / 4; x < wc.width * 3 / 4; x++) {
                hist[wc.hsv[(y * wc.width + x) * 3 + 2] & 0xFF]++;
                n++;
            }
        }
        int acc = 0;
        int median = 0;
        for (int v = 0; v < 256; v++) {
            acc += hist[v];
            if (acc * 2 >= n) {
                median = v;
                break;
            }
        }
        return (int) Math.max(DARK_VALUE, Math.min(max, relative * median));
    }

    /** Opening with a disc wider than a hair: dark hairs touching the border are not the aperture. */
    private static byte[] openAway(WorkingCopy wc, byte[] m) {
        if (Masks.area(m) == 0) {
            return m;
        }
        int k = wc.kernel(OPEN_512, 5);
        try (Mat mm = wc.maskMat(m); Mat out = new Mat(); Size ks = new Size(k, k);
             Mat kernel = getStructuringElement(MORPH_ELLIPSE, ks)) {
            morphologyEx(mm, out, MORPH_OPEN, kernel);
            return MatConversions.toBytes(out);
        }
    }

    private static int seed(byte[] hsv, int dark, byte[] out, int[] stack, int sp, int p, int w) {
        if (out[p] == 0 && (hsv[p * 3 + 2] & 0xFF) < dark) {
            out[p] = (byte) 255;
            stack[sp++] = p;
        }
        return sp;
    }
}

package org.dermdesk.imaging;

/**
 * Finds the dark, border-connected area outside a dermatoscope's circular aperture. Plain-Java
 * flood fill from the border over very dark pixels; small dark specks at the border are ignored.
 */
final class Vignette {

    /** A pixel darker than this (HSV value, 0..255) may be outside the aperture. */
    static final int DARK_VALUE = 45;
    static final int MAX_DARK_VALUE = Integer.getInteger("vig.max", 80);
    static final double RELATIVE_DARK = Double.parseDouble(System.getProperty("vig.rel", "0.4"));

    private Vignette() {
    }

    static byte[] find(WorkingCopy wc) {
        int w = wc.width;
        int h = wc.height;
        byte[] hsv = wc.hsv;
        int dark = darkLimit(wc);
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
     * The darkness limit: {@link #DARK_VALUE}, raised for bright images up to {@link #RELATIVE_DARK}
     * of the median value of the central half of the image (a grey rim around bright skin), but
     * never above {@link #MAX_DARK_VALUE}.
     */
    static int darkLimit(WorkingCopy wc) {
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
        return (int) Math.max(DARK_VALUE, Math.min(MAX_DARK_VALUE, RELATIVE_DARK * median));
    }

    private static int seed(byte[] hsv, int dark, byte[] out, int[] stack, int sp, int p, int w) {
        if (out[p] == 0 && (hsv[p * 3 + 2] & 0xFF) < dark) {
            out[p] = (byte) 255;
            stack[sp++] = p;
        }
        return sp;
    }
}

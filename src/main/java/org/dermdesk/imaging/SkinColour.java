package org.dermdesk.imaging;

/**
 * The image's own skin colour: the median of each Lab channel (OpenCV 8-bit scale) over the field of
 * view. Skin fills most of a dermoscopic field, so the median is the skin, whatever the lighting or the
 * patient's skin type; colours are then judged relative to it instead of by fixed bands.
 */
record SkinColour(int lightness, int a, int b) {

    static SkinColour of(WorkingCopy wc) {
        int[] l = new int[256];
        int[] a = new int[256];
        int[] b = new int[256];
        int n = 0;
        for (int i = 0; i < wc.pixels(); i++) {
            if (wc.vignette[i] != 0) continue;
            l[wc.lab[i * 3] & 0xFF]++;
            a[wc.lab[i * 3 + 1] & 0xFF]++;
            b[wc.lab[i * 3 + 2] & 0xFF]++;
            n++;
        }
        return new SkinColour(median(l, n), median(a, n), median(b, n));
    }

    private static int median(int[] hist, int n) {
        int acc = 0;
        for (int v = 0; v < hist.length; v++) {
            acc += hist[v];
            if (acc * 2 >= n) return v;
        }
        return 0;
    }
}

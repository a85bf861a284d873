package org.dermdesk.ui;

/**
 * Shrinks rasters by averaging the source pixels that fall into each target pixel, so thin lines
 * (hair, outlines) fade rather than vanish. Source pixel x goes to target pixel
 * {@code x * targetWidth / sourceWidth}: the copy covers exactly the area of the original, so a
 * copy stretched back over the original's size lines up with it to within one source pixel.
 */
final class AreaAverage {

    private AreaAverage() {
    }

    /** Interleaved 8-bit RGB, {@code w x h}, reduced to {@code tw x th} (each at most the source's). */
    static byte[] rgb(byte[] src, int w, int h, int tw, int th) {
        checkSizes(w, h, tw, th);
        int[] bin = bins(w, tw);
        int[] across = counts(bin, tw);
        long[] sums = new long[tw * 3];
        byte[] out = new byte[tw * th * 3];
        int rowStart = 0;
        for (int y = 0; y < h; y++) {
            int base = y * w * 3;
            for (int x = 0; x < w; x++) {
                int s = bin[x] * 3;
                int i = base + x * 3;
                sums[s] += src[i] & 0xFF;
                sums[s + 1] += src[i + 1] & 0xFF;
                sums[s + 2] += src[i + 2] & 0xFF;
            }
            int ty = target(y, h, th);
            if (y + 1 == h || target(y + 1, h, th) != ty) {
                int down = y + 1 - rowStart;
                int o = ty * tw * 3;
                for (int t = 0; t < tw * 3; t++) {
                    long n = (long) across[t / 3] * down;
                    out[o + t] = (byte) ((sums[t] + n / 2) / n);
                    sums[t] = 0;
                }
                rowStart = y + 1;
            }
        }
        return out;
    }

    /**
     * A non-premultiplied ARGB raster reduced to {@code tw x th}. Colours are weighted by their
     * alpha, so transparent pixels (whose colour is meaningless) do not darken the edges of a layer.
     */
    static ArgbRaster argb(ArgbRaster src, int tw, int th) {
        int w = src.width();
        int h = src.height();
        checkSizes(w, h, tw, th);
        int[] px = src.pixels();
        int[] bin = bins(w, tw);
        int[] across = counts(bin, tw);
        long[] alpha = new long[tw];
        long[] red = new long[tw];
        long[] green = new long[tw];
        long[] blue = new long[tw];
        int[] out = new int[tw * th];
        int rowStart = 0;
        for (int y = 0; y < h; y++) {
            int base = y * w;
            for (int x = 0; x < w; x++) {
                int p = px[base + x];
                int a = p >>> 24;
                if (a != 0) {
                    int t = bin[x];
                    alpha[t] += a;
                    red[t] += (long) a * ((p >> 16) & 0xFF);
                    green[t] += (long) a * ((p >> 8) & 0xFF);
                    blue[t] += (long) a * (p & 0xFF);
                }
            }
            int ty = target(y, h, th);
            if (y + 1 == h || target(y + 1, h, th) != ty) {
                int down = y + 1 - rowStart;
                int o = ty * tw;
                for (int t = 0; t < tw; t++) {
                    long a = alpha[t];
                    if (a != 0) {
                        long n = (long) across[t] * down;
                        out[o + t] = (int) ((a + n / 2) / n) << 24
                                | (int) ((red[t] + a / 2) / a) << 16
                                | (int) ((green[t] + a / 2) / a) << 8
                                | (int) ((blue[t] + a / 2) / a);
                    }
                    alpha[t] = 0;
                    red[t] = 0;
                    green[t] = 0;
                    blue[t] = 0;
                }
                rowStart = y + 1;
            }
        }
        return new ArgbRaster(tw, th, out);
    }

    /** The target row or column that source row or column {@code s} of {@code n} falls into. */
    static int target(int s, int n, int targetN) {
        return (int) ((long) s * targetN / n);
    }

    private static int[] bins(int w, int tw) {
        int[] bin = new int[w];
        for (int x = 0; x < w; x++) {
            bin[x] = target(x, w, tw);
        }
        return bin;
    }

    private static int[] counts(int[] bin, int tw) {
        int[] n = new int[tw];
        for (int b : bin) {
            n[b]++;
        }
        return n;
    }

    private static void checkSizes(int w, int h, int tw, int th) {
        if (tw < 1 || th < 1 || tw > w || th > h) {
            throw new IllegalArgumentException("cannot reduce " + w + "x" + h + " to " + tw + "x" + th);
        }
    }
}

package org.dermdesk.ml;

import org.dermdesk.core.LesionImage;

/**
 * Hand-made image statistics that tell a dermoscopic image from other pictures without a network, the
 * classical baseline for the image-kind check: colour and brightness over a 3x3 grid (a dermoscope lights
 * the skin evenly and often leaves dark corners), saturation, edges, and the share of near-black and
 * near-white pixels (documents, screenshots, the black ring of a contact dermoscope).
 */
final class ClassicalImageFeatures {

    static final int SIDE = 48;
    static final int COUNT = 9 * 4 + 6;

    private ClassicalImageFeatures() {
    }

    static float[] of(LesionImage image) {
        float[] rgb = downsample(image);
        float[] out = new float[COUNT];
        int cell = SIDE / 3;
        int o = 0;
        for (int gy = 0; gy < 3; gy++) {
            for (int gx = 0; gx < 3; gx++) {
                double r = 0, g = 0, b = 0, l2 = 0, l = 0;
                int n = 0;
                for (int y = gy * cell; y < (gy + 1) * cell; y++) {
                    for (int x = gx * cell; x < (gx + 1) * cell; x++) {
                        int p = (y * SIDE + x) * 3;
                        r += rgb[p];
                        g += rgb[p + 1];
                        b += rgb[p + 2];
                        double lum = luminance(rgb, p);
                        l += lum;
                        l2 += lum * lum;
                        n++;
                    }
                }
                out[o++] = (float) (r / n);
                out[o++] = (float) (g / n);
                out[o++] = (float) (b / n);
                out[o++] = (float) Math.sqrt(Math.max(0, l2 / n - (l / n) * (l / n)));
            }
        }
        double saturation = 0, dark = 0, bright = 0, edges = 0, rg = 0, yb = 0;
        int pixels = SIDE * SIDE;
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                int p = (y * SIDE + x) * 3;
                float max = Math.max(rgb[p], Math.max(rgb[p + 1], rgb[p + 2]));
                float min = Math.min(rgb[p], Math.min(rgb[p + 1], rgb[p + 2]));
                saturation += max <= 0 ? 0 : (max - min) / max;
                double lum = luminance(rgb, p);
                dark += lum < 0.12 ? 1 : 0;
                bright += lum > 0.92 ? 1 : 0;
                if (x + 1 < SIDE && y + 1 < SIDE) {
                    edges += Math.abs(lum - luminance(rgb, p + 3)) + Math.abs(lum - luminance(rgb, p + SIDE * 3));
                }
                rg += rgb[p] - rgb[p + 1];
                yb += 0.5 * (rgb[p] + rgb[p + 1]) - rgb[p + 2];
            }
        }
        out[o++] = (float) (saturation / pixels);
        out[o++] = (float) (dark / pixels);
        out[o++] = (float) (bright / pixels);
        out[o++] = (float) (edges / pixels);
        out[o++] = (float) (rg / pixels);
        out[o] = (float) (yb / pixels);
        return out;
    }

    private static double luminance(float[] rgb, int p) {
        return 0.299 * rgb[p] + 0.587 * rgb[p + 1] + 0.114 * rgb[p + 2];
    }

    /** Box-filtered SIDE x SIDE copy, values 0..1. */
    private static float[] downsample(LesionImage image) {
        int w = image.width();
        int h = image.height();
        byte[] src = image.rgb();
        float[] out = new float[SIDE * SIDE * 3];
        int[] count = new int[SIDE * SIDE];
        for (int y = 0; y < h; y++) {
            int ty = (int) ((long) y * SIDE / h);
            for (int x = 0; x < w; x++) {
                int tx = (int) ((long) x * SIDE / w);
                int t = ty * SIDE + tx;
                int s = (y * w + x) * 3;
                out[t * 3] += (src[s] & 0xff) / 255f;
                out[t * 3 + 1] += (src[s + 1] & 0xff) / 255f;
                out[t * 3 + 2] += (src[s + 2] & 0xff) / 255f;
                count[t]++;
            }
        }
        for (int t = 0; t < count.length; t++) {
            for (int c = 0; c < 3; c++) {
                out[t * 3 + c] /= Math.max(1, count[t]);
            }
        }
        return out;
    }
}

package org.dermdesk.explain;

/**
 * SLIC superpixels (Achanta et al., 2012) in CIELAB space, in plain Java, with enforced
 * connectivity: small fragments are merged into a neighbour and the labels are renumbered 0..n-1.
 * Deterministic: the same pixels always give the same segments.
 */
public final class Slic {

    private static final float[] SRGB_TO_LINEAR = new float[256];

    static {
        for (int i = 0; i < 256; i++) {
            double c = i / 255.0;
            SRGB_TO_LINEAR[i] = (float) (c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4));
        }
    }

    private Slic() {
    }

    /**
     * Segments an interleaved RGB raster.
     *
     * @param segments    the wanted number of segments (the result has roughly as many)
     * @param compactness the weight of spatial against colour distance (10 is usual for Lab)
     * @param iterations  k-means iterations (10 is plenty)
     */
    public static Segmentation segment(byte[] rgb, int w, int h, int segments, double compactness, int iterations) {
        return segment(rgb, w, h, segments, compactness, iterations, null, 0);
    }

    /**
     * Segments with a denser grid inside a focus region (the lesion): the region gets about
     * {@code focusSegments} segments of its own, however small it is, and the rest of the image keeps
     * the coarse grid of {@code segments}. Each centre searches and normalises distances by its own grid step.
     *
     * @param focus one byte per pixel, non-zero inside the region; null for a uniform grid
     */
    public static Segmentation segment(byte[] rgb, int w, int h, int segments, double compactness, int iterations,
                                       byte[] focus, int focusSegments) {
        int n = w * h;
        if (rgb.length != n * 3) {
            throw new IllegalArgumentException("expected " + n * 3 + " bytes");
        }
        segments = Math.max(1, Math.min(segments, n));
        float[] lab = smooth3x3(toLab(rgb, n), w, h);
        double step = Math.sqrt((double) n / segments);
        int focusArea = 0;
        int fx0 = w;
        int fy0 = h;
        int fx1 = -1;
        int fy1 = -1;
        if (focus != null) {
            for (int p = 0; p < n; p++) {
                if (focus[p] != 0) {
                    focusArea++;
                    fx0 = Math.min(fx0, p % w);
                    fx1 = Math.max(fx1, p % w);
                    fy0 = Math.min(fy0, p / w);
                    fy1 = Math.max(fy1, p / w);
                }
            }
        }
        double fineStep = focusArea > 0 && focusSegments > 0 ? Math.sqrt((double) focusArea / focusSegments) : step;
        boolean dense = fineStep < step * 0.8;
        java.util.List<double[]> seeds = new java.util.ArrayList<>();
        int nx = Math.max(1, (int) Math.round(w / step));
        int ny = Math.max(1, (int) Math.round(h / step));
        double sx = (double) w / nx;
        double sy = (double) h / ny;
        double coarse = Math.max(sx, sy);
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                int x = Math.min(w - 1, (int) ((i + 0.5) * sx));
                int y = Math.min(h - 1, (int) ((j + 0.5) * sy));
                if (dense && focus[y * w + x] != 0) {
                    continue;
                }
                seeds.add(new double[] {x, y, coarse});
            }
        }
        if (dense) {
            for (double y = fy0 + fineStep / 2; y <= fy1; y += fineStep) {
                for (double x = fx0 + fineStep / 2; x <= fx1; x += fineStep) {
                    int xi = Math.min(w - 1, (int) x);
                    int yi = Math.min(h - 1, (int) y);
                    if (focus[yi * w + xi] != 0) {
                        seeds.add(new double[] {xi, yi, fineStep});
                    }
                }
            }
        }
        int k = seeds.size();
        // centre features: l, a, b, x, y; and each centre's grid step
        double[] c = new double[k * 5];
        double[] cs = new double[k];
        for (int idx = 0; idx < k; idx++) {
            double[] seed = seeds.get(idx);
            int[] best = lowestGradient(lab, w, h, (int) seed[0], (int) seed[1]);
            int p = best[1] * w + best[0];
            c[idx * 5] = lab[p * 3];
            c[idx * 5 + 1] = lab[p * 3 + 1];
            c[idx * 5 + 2] = lab[p * 3 + 2];
            c[idx * 5 + 3] = best[0];
            c[idx * 5 + 4] = best[1];
            cs[idx] = seed[2];
        }
        int[] label = new int[n];
        float[] dist = new float[n];
        double[] sum = new double[k * 5];
        int[] count = new int[k];
        for (int it = 0; it < iterations; it++) {
            java.util.Arrays.fill(dist, Float.MAX_VALUE);
            java.util.Arrays.fill(label, -1);
            for (int ci = 0; ci < k; ci++) {
                // with a dense focus grid, fine centres take only focus pixels and coarse ones only the
                // rest: otherwise the coarse centres, whose distances are scaled by a larger step,
                // reach into the lesion and leave long, ragged segments there
                boolean fine = dense && cs[ci] < coarse;
                int radius = (int) Math.ceil(fine ? 2 * cs[ci] : cs[ci]);
                double spatial = (compactness * compactness) / (cs[ci] * cs[ci]);
                double cl = c[ci * 5];
                double ca = c[ci * 5 + 1];
                double cb = c[ci * 5 + 2];
                double cx = c[ci * 5 + 3];
                double cy = c[ci * 5 + 4];
                int x0 = Math.max(0, (int) (cx - radius));
                int x1 = Math.min(w - 1, (int) (cx + radius));
                int y0 = Math.max(0, (int) (cy - radius));
                int y1 = Math.min(h - 1, (int) (cy + radius));
                for (int y = y0; y <= y1; y++) {
                    double dy = y - cy;
                    int row = y * w;
                    for (int x = x0; x <= x1; x++) {
                        int p = row + x;
                        if (dense && (focus[p] != 0) != fine) {
                            continue;
                        }
                        double dl = lab[p * 3] - cl;
                        double da = lab[p * 3 + 1] - ca;
                        double db = lab[p * 3 + 2] - cb;
                        double dx = x - cx;
                        double d = dl * dl + da * da + db * db + (dx * dx + dy * dy) * spatial;
                        if (d < dist[p]) {
                            dist[p] = (float) d;
                            label[p] = ci;
                        }
                    }
                }
            }
            java.util.Arrays.fill(sum, 0);
            java.util.Arrays.fill(count, 0);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int p = y * w + x;
                    int l = label[p];
                    if (l < 0) {
                        continue;
                    }
                    sum[l * 5] += lab[p * 3];
                    sum[l * 5 + 1] += lab[p * 3 + 1];
                    sum[l * 5 + 2] += lab[p * 3 + 2];
                    sum[l * 5 + 3] += x;
                    sum[l * 5 + 4] += y;
                    count[l]++;
                }
            }
            for (int ci = 0; ci < k; ci++) {
                if (count[ci] > 0) {
                    for (int f = 0; f < 5; f++) {
                        c[ci * 5 + f] = sum[ci * 5 + f] / count[ci];
                    }
                }
            }
        }
        double smallest = dense ? fineStep : coarse;
        return enforceConnectivity(label, w, h, Math.max(1, (int) (smallest * smallest / 4)));
    }

    private static int[] lowestGradient(float[] lab, int w, int h, int x, int y) {
        int bx = x;
        int by = y;
        double best = Double.MAX_VALUE;
        for (int yy = Math.max(1, y - 1); yy <= Math.min(h - 2, y + 1); yy++) {
            for (int xx = Math.max(1, x - 1); xx <= Math.min(w - 2, x + 1); xx++) {
                double g = sq(lab, (yy * w + xx + 1), (yy * w + xx - 1)) + sq(lab, ((yy + 1) * w + xx), ((yy - 1) * w + xx));
                if (g < best) {
                    best = g;
                    bx = xx;
                    by = yy;
                }
            }
        }
        return new int[] {bx, by};
    }

    private static double sq(float[] lab, int p, int q) {
        double d0 = lab[p * 3] - lab[q * 3];
        double d1 = lab[p * 3 + 1] - lab[q * 3 + 1];
        double d2 = lab[p * 3 + 2] - lab[q * 3 + 2];
        return d0 * d0 + d1 * d1 + d2 * d2;
    }

    /**
     * Relabels 4-connected components. Each cluster keeps its largest component and any component of
     * at least {@code minSize} pixels; the remaining fragments are absorbed by the nearest kept
     * component (a breadth-first fill from all kept pixels at once, so fragments never chain into
     * one huge segment). Labels are renumbered 0..n-1 in raster order.
     */
    static Segmentation enforceConnectivity(int[] old, int w, int h, int minSize) {
        int n = w * h;
        int[] comp = new int[n];
        java.util.Arrays.fill(comp, -1);
        int[] queue = new int[n];
        int comps = 0;
        int[] compSize = new int[16];
        int[] compOld = new int[16];
        for (int start = 0; start < n; start++) {
            if (comp[start] >= 0) {
                continue;
            }
            if (comps == compSize.length) {
                compSize = java.util.Arrays.copyOf(compSize, comps * 2);
                compOld = java.util.Arrays.copyOf(compOld, comps * 2);
            }
            int want = old[start];
            int head = 0;
            int tail = 0;
            queue[tail++] = start;
            comp[start] = comps;
            while (head < tail) {
                int p = queue[head++];
                int px = p % w;
                if (px > 0 && comp[p - 1] < 0 && old[p - 1] == want) {
                    comp[p - 1] = comps;
                    queue[tail++] = p - 1;
                }
                if (px < w - 1 && comp[p + 1] < 0 && old[p + 1] == want) {
                    comp[p + 1] = comps;
                    queue[tail++] = p + 1;
                }
                if (p >= w && comp[p - w] < 0 && old[p - w] == want) {
                    comp[p - w] = comps;
                    queue[tail++] = p - w;
                }
                if (p + w < n && comp[p + w] < 0 && old[p + w] == want) {
                    comp[p + w] = comps;
                    queue[tail++] = p + w;
                }
            }
            compSize[comps] = tail;
            compOld[comps] = want;
            comps++;
        }
        int maxOld = 0;
        for (int c = 0; c < comps; c++) {
            maxOld = Math.max(maxOld, compOld[c]);
        }
        int[] largest = new int[maxOld + 1];
        java.util.Arrays.fill(largest, -1);
        for (int c = 0; c < comps; c++) {
            int o = compOld[c];
            if (o >= 0 && (largest[o] < 0 || compSize[c] > compSize[largest[o]])) {
                largest[o] = c;
            }
        }
        boolean[] kept = new boolean[comps];
        boolean any = false;
        for (int c = 0; c < comps; c++) {
            kept[c] = compSize[c] >= minSize || (compOld[c] >= 0 && largest[compOld[c]] == c);
            any |= kept[c];
        }
        if (!any) {
            kept[0] = true;
        }
        int[] out = new int[n];
        java.util.Arrays.fill(out, -1);
        int head = 0;
        int tail = 0;
        for (int p = 0; p < n; p++) {
            if (kept[comp[p]]) {
                out[p] = comp[p];
                queue[tail++] = p;
            }
        }
        while (head < tail) {
            int p = queue[head++];
            int px = p % w;
            int l = out[p];
            if (px > 0 && out[p - 1] < 0) {
                out[p - 1] = l;
                queue[tail++] = p - 1;
            }
            if (px < w - 1 && out[p + 1] < 0) {
                out[p + 1] = l;
                queue[tail++] = p + 1;
            }
            if (p >= w && out[p - w] < 0) {
                out[p - w] = l;
                queue[tail++] = p - w;
            }
            if (p + w < n && out[p + w] < 0) {
                out[p + w] = l;
                queue[tail++] = p + w;
            }
        }
        int[] renumber = new int[comps];
        java.util.Arrays.fill(renumber, -1);
        int next = 0;
        for (int p = 0; p < n; p++) {
            int c = out[p];
            if (renumber[c] < 0) {
                renumber[c] = next++;
            }
            out[p] = renumber[c];
        }
        return new Segmentation(w, h, next, out);
    }

    private static float[] toLab(byte[] rgb, int n) {
        float[] lab = new float[n * 3];
        for (int p = 0; p < n; p++) {
            double r = SRGB_TO_LINEAR[rgb[p * 3] & 0xFF];
            double g = SRGB_TO_LINEAR[rgb[p * 3 + 1] & 0xFF];
            double b = SRGB_TO_LINEAR[rgb[p * 3 + 2] & 0xFF];
            double x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047;
            double y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b;
            double z = (0.0193339 * r + 0.1191920 * g + 0.9503041 * b) / 1.08883;
            double fx = f(x);
            double fy = f(y);
            double fz = f(z);
            lab[p * 3] = (float) (116 * fy - 16);
            lab[p * 3 + 1] = (float) (500 * (fx - fy));
            lab[p * 3 + 2] = (float) (200 * (fy - fz));
        }
        return lab;
    }

    /** 3x3 mean of a 3-channel raster: SLIC on raw pixels fragments on sensor and JPEG noise. */
    private static float[] smooth3x3(float[] in, int w, int h) {
        float[] out = new float[in.length];
        for (int y = 0; y < h; y++) {
            int y0 = Math.max(0, y - 1);
            int y1 = Math.min(h - 1, y + 1);
            for (int x = 0; x < w; x++) {
                int x0 = Math.max(0, x - 1);
                int x1 = Math.min(w - 1, x + 1);
                float a = 0;
                float b = 0;
                float c = 0;
                for (int yy = y0; yy <= y1; yy++) {
                    for (int xx = x0; xx <= x1; xx++) {
                        int q = (yy * w + xx) * 3;
                        a += in[q];
                        b += in[q + 1];
                        c += in[q + 2];
                    }
                }
                float k = (y1 - y0 + 1) * (x1 - x0 + 1);
                int p = (y * w + x) * 3;
                out[p] = a / k;
                out[p + 1] = b / k;
                out[p + 2] = c / k;
            }
        }
        return out;
    }

    private static double f(double t) {
        return t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16.0 / 116;
    }
}

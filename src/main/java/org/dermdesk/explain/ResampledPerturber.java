package org.dermdesk.explain;

import java.util.Arrays;
import org.dermdesk.core.Rasters;

/**
 * Builds perturbed images directly at the classifier's square input size, exactly as the classifier
 * would resize a full-size perturbed image ({@link Rasters#resizeArea}, aspect not kept): area
 * averaging is linear, so every output pixel is the sum, over the segments its source area touches,
 * of that segment's share of either the original or the filled pixels. Those shares are computed
 * once; a perturbed image then costs a few additions per output pixel instead of a full-size copy
 * and resize. The classifier's own resize of a {@code size x size} image is the identity.
 */
final class ResampledPerturber implements Perturbations {

    private final int outW;
    private final int outH;
    /** entries of output pixel o are start[o] .. start[o + 1] - 1 */
    private final int[] start;
    private final int[] segment;
    /** per entry: 3 sums for shown, 3 for hidden, already divided by the output pixel's area */
    private final float[] shown;
    private final float[] hidden;

    ResampledPerturber(byte[] rgb, byte[] filled, int[] labels, int width, int height, int outW, int outH) {
        this.outW = outW;
        this.outH = outH;
        int n = outW * outH;
        start = new int[n + 1];
        int cap = n * 2;
        int[] seg = new int[cap];
        float[] a = new float[cap * 3];
        float[] b = new float[cap * 3];
        int entries = 0;
        double sx = (double) width / outW;
        double sy = (double) height / outH;
        // per output pixel: the segments met so far and their sums (a handful at most)
        int[] localSeg = new int[64];
        double[] localA = new double[64 * 3];
        double[] localB = new double[64 * 3];
        for (int oy = 0; oy < outH; oy++) {
            double y0 = oy * sy;
            double y1 = y0 + sy;
            for (int ox = 0; ox < outW; ox++) {
                double x0 = ox * sx;
                double x1 = x0 + sx;
                int local = 0;
                double area = 0;
                for (int y = (int) y0; y < Math.min(height, Math.ceil(y1)); y++) {
                    double wy = Math.min(y1, y + 1) - Math.max(y0, y);
                    if (wy <= 0) {
                        continue;
                    }
                    for (int x = (int) x0; x < Math.min(width, Math.ceil(x1)); x++) {
                        double wx = Math.min(x1, x + 1) - Math.max(x0, x);
                        if (wx <= 0) {
                            continue;
                        }
                        double w = wx * wy;
                        int p = y * width + x;
                        int l = labels[p];
                        int k = 0;
                        while (k < local && localSeg[k] != l) {
                            k++;
                        }
                        if (k == local) {
                            if (local == localSeg.length) {
                                localSeg = Arrays.copyOf(localSeg, local * 2);
                                localA = Arrays.copyOf(localA, local * 6);
                                localB = Arrays.copyOf(localB, local * 6);
                            }
                            localSeg[k] = l;
                            Arrays.fill(localA, k * 3, k * 3 + 3, 0);
                            Arrays.fill(localB, k * 3, k * 3 + 3, 0);
                            local++;
                        }
                        for (int c = 0; c < 3; c++) {
                            localA[k * 3 + c] += (rgb[p * 3 + c] & 0xFF) * w;
                            localB[k * 3 + c] += (filled[p * 3 + c] & 0xFF) * w;
                        }
                        area += w;
                    }
                }
                int o = oy * outW + ox;
                start[o] = entries;
                if (entries + local > cap) {
                    cap = Math.max(cap * 2, entries + local);
                    seg = Arrays.copyOf(seg, cap);
                    a = Arrays.copyOf(a, cap * 3);
                    b = Arrays.copyOf(b, cap * 3);
                }
                for (int k = 0; k < local; k++) {
                    seg[entries] = localSeg[k];
                    for (int c = 0; c < 3; c++) {
                        a[entries * 3 + c] = (float) (localA[k * 3 + c] / area);
                        b[entries * 3 + c] = (float) (localB[k * 3 + c] / area);
                    }
                    entries++;
                }
            }
        }
        start[n] = entries;
        this.segment = Arrays.copyOf(seg, entries);
        this.shown = Arrays.copyOf(a, entries * 3);
        this.hidden = Arrays.copyOf(b, entries * 3);
    }

    @Override
    public int width() {
        return outW;
    }

    @Override
    public int height() {
        return outH;
    }

    @Override
    public byte[] build(boolean[] keep) {
        int n = outW * outH;
        byte[] out = new byte[n * 3];
        for (int o = 0; o < n; o++) {
            float r = 0;
            float g = 0;
            float b = 0;
            for (int e = start[o]; e < start[o + 1]; e++) {
                float[] src = keep[segment[e]] ? shown : hidden;
                r += src[e * 3];
                g += src[e * 3 + 1];
                b += src[e * 3 + 2];
            }
            out[o * 3] = (byte) Math.round(r);
            out[o * 3 + 1] = (byte) Math.round(g);
            out[o * 3 + 2] = (byte) Math.round(b);
        }
        return out;
    }
}

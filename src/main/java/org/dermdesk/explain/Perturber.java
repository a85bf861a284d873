package org.dermdesk.explain;

/**
 * Builds perturbed images quickly: the filled ("everything hidden") image is computed once, the
 * segmentation is turned into horizontal runs of one segment, and each perturbed image is the filled
 * image with the runs of the kept segments copied back with {@link System#arraycopy}.
 */
final class Perturber implements Perturbations {

    private final byte[] original;
    private final byte[] filled;
    private final int[] runStart;
    private final int[] runLength;
    private final int[] runSegment;

    Perturber(byte[] rgb, Segmentation seg, HideStrategy strategy) {
        this.original = rgb;
        this.filled = switch (strategy) {
            case BLUR -> blur(rgb, seg.width(), seg.height(), Math.max(3, Math.max(seg.width(), seg.height()) / 20));
            case MEAN_COLOUR -> meanColour(rgb, seg);
        };
        int[] labels = seg.labels();
        int w = seg.width();
        int count = 0;
        for (int i = 0; i < labels.length; i++) {
            if (i % w == 0 || labels[i] != labels[i - 1]) {
                count++;
            }
        }
        runStart = new int[count];
        runLength = new int[count];
        runSegment = new int[count];
        int r = -1;
        for (int i = 0; i < labels.length; i++) {
            if (i % w == 0 || labels[i] != labels[i - 1]) {
                r++;
                runStart[r] = i * 3;
                runSegment[r] = labels[i];
            }
            runLength[r] += 3;
        }
    }

    private int width;
    private int height;

    Perturber at(int w, int h) {
        this.width = w;
        this.height = h;
        return this;
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public int height() {
        return height;
    }

    byte[] filled() {
        return filled;
    }

    /** The image with the segments where {@code keep} is true shown and the rest filled. */
    @Override
    public byte[] build(boolean[] keep) {
        byte[] out = filled.clone();
        for (int r = 0; r < runStart.length; r++) {
            if (keep[runSegment[r]]) {
                System.arraycopy(original, runStart[r], out, runStart[r], runLength[r]);
            }
        }
        return out;
    }

    /** Three passes of a separable box blur (close to a Gaussian of sigma ~ radius). */
    static byte[] blur(byte[] rgb, int w, int h, int radius) {
        int n = w * h;
        float[][] ch = new float[3][n];
        for (int p = 0; p < n; p++) {
            for (int c = 0; c < 3; c++) {
                ch[c][p] = rgb[p * 3 + c] & 0xFF;
            }
        }
        float[] tmp = new float[n];
        for (int c = 0; c < 3; c++) {
            for (int pass = 0; pass < 3; pass++) {
                boxH(ch[c], tmp, w, h, radius);
                boxV(tmp, ch[c], w, h, radius);
            }
        }
        byte[] out = new byte[n * 3];
        for (int p = 0; p < n; p++) {
            for (int c = 0; c < 3; c++) {
                out[p * 3 + c] = (byte) Math.min(255, Math.max(0, Math.round(ch[c][p])));
            }
        }
        return out;
    }

    private static void boxH(float[] in, float[] out, int w, int h, int r) {
        float norm = 1f / (2 * r + 1);
        for (int y = 0; y < h; y++) {
            int row = y * w;
            float acc = 0;
            for (int k = -r; k <= r; k++) {
                acc += in[row + clamp(k, w)];
            }
            for (int x = 0; x < w; x++) {
                out[row + x] = acc * norm;
                acc += in[row + clamp(x + r + 1, w)] - in[row + clamp(x - r, w)];
            }
        }
    }

    private static void boxV(float[] in, float[] out, int w, int h, int r) {
        float norm = 1f / (2 * r + 1);
        for (int x = 0; x < w; x++) {
            float acc = 0;
            for (int k = -r; k <= r; k++) {
                acc += in[clamp(k, h) * w + x];
            }
            for (int y = 0; y < h; y++) {
                out[y * w + x] = acc * norm;
                acc += in[clamp(y + r + 1, h) * w + x] - in[clamp(y - r, h) * w + x];
            }
        }
    }

    private static int clamp(int i, int n) {
        return i < 0 ? 0 : (i >= n ? n - 1 : i);
    }

    static byte[] meanColour(byte[] rgb, Segmentation seg) {
        int k = seg.count();
        long[] sum = new long[k * 3];
        int[] cnt = new int[k];
        int[] labels = seg.labels();
        for (int p = 0; p < labels.length; p++) {
            int l = labels[p];
            cnt[l]++;
            for (int c = 0; c < 3; c++) {
                sum[l * 3 + c] += rgb[p * 3 + c] & 0xFF;
            }
        }
        byte[] out = new byte[rgb.length];
        for (int p = 0; p < labels.length; p++) {
            int l = labels[p];
            for (int c = 0; c < 3; c++) {
                out[p * 3 + c] = (byte) Math.round((double) sum[l * 3 + c] / cnt[l]);
            }
        }
        return out;
    }
}

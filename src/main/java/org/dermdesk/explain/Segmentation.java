package org.dermdesk.explain;

import java.util.Objects;

/**
 * A superpixel labelling: every pixel carries a segment index 0..count-1, row-major, and every
 * segment is one 4-connected region.
 */
public record Segmentation(int width, int height, int count, int[] labels) {

    public Segmentation {
        Objects.requireNonNull(labels, "labels");
        if (labels.length != width * height) {
            throw new IllegalArgumentException("labels do not match " + width + "x" + height);
        }
    }

    /** Pixel count of each segment. */
    public int[] areas() {
        int[] a = new int[count];
        for (int l : labels) {
            a[l]++;
        }
        return a;
    }

    /** This labelling enlarged (nearest neighbour) to another raster size. */
    public int[] labelsAt(int outW, int outH) {
        if (outW == width && outH == height) {
            return labels.clone();
        }
        int[] out = new int[outW * outH];
        int[] xs = new int[outW];
        for (int x = 0; x < outW; x++) {
            xs[x] = Math.min(width - 1, (int) ((x + 0.5) * width / outW));
        }
        for (int y = 0; y < outH; y++) {
            int sy = Math.min(height - 1, (int) ((y + 0.5) * height / outH));
            int row = sy * width;
            int o = y * outW;
            for (int x = 0; x < outW; x++) {
                out[o + x] = labels[row + xs[x]];
            }
        }
        return out;
    }
}

package org.dermdesk.core;

import java.util.Arrays;

/** Region borders on row-major rasters: which pixels lie on an edge, and painting them thick. */
public final class Outlines {

    /** Whether pixel {@code i} belongs to the region. */
    @FunctionalInterface
    public interface PixelTest {
        boolean test(int i);
    }

    /** Whether neighbouring pixels {@code i} and {@code j} lie on different sides of a border. */
    @FunctionalInterface
    public interface PairTest {
        boolean differ(int i, int j);
    }

    private Outlines() {
    }

    /** Pixels inside the region that touch a different pixel (4-neighbourhood). */
    public static boolean[] edges(int w, int h, PixelTest inside, PairTest differ) {
        boolean[] edge = new boolean[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                if (!inside.test(i)) {
                    continue;
                }
                edge[i] = (x + 1 < w && differ.differ(i, i + 1)) || (x > 0 && differ.differ(i, i - 1))
                        || (y + 1 < h && differ.differ(i, i + w)) || (y > 0 && differ.differ(i, i - w));
            }
        }
        return edge;
    }

    /** Paints every edge pixel as a square {@code thickness} pixels wide into {@code out}. */
    public static void paint(boolean[] edge, int w, int h, int thickness, int argb, int[] out) {
        int r = Math.max(0, thickness - 1);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (!edge[y * w + x]) {
                    continue;
                }
                for (int dy = -r; dy <= r; dy++) {
                    int yy = y + dy;
                    if (yy < 0 || yy >= h) {
                        continue;
                    }
                    int row = yy * w;
                    Arrays.fill(out, row + Math.max(0, x - r), row + Math.min(w - 1, x + r) + 1, argb);
                }
            }
        }
    }
}

package org.dermdesk.ui;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.dermdesk.core.Explanation;
import org.dermdesk.core.LesionImage;
import org.dermdesk.core.Mask;

/**
 * Draws masks and explanations as ARGB layers, off the FX thread. The heatmap is a diverging
 * orange (towards suspicious) / blue (towards benign) map, distinguishable with every common form of
 * colour-vision deficiency; opacity grows with the weight's size.
 */
public final class OverlayRenderer {

    /** Towards suspicious (Okabe-Ito vermillion). */
    public static final int POSITIVE_RGB = 0xD55E00;
    /** Towards benign (Okabe-Ito blue). */
    public static final int NEGATIVE_RGB = 0x0072B2;
    static final int FILL_ALPHA = 140;
    static final int HEAT_ALPHA = 220;

    private OverlayRenderer() {
    }

    /** The mask's area filled with a translucent colour. */
    public static ArgbRaster fill(Mask mask, int rgb) {
        int[] out = new int[mask.width() * mask.height()];
        int c = Colours.argb(FILL_ALPHA, rgb);
        byte[] px = mask.pixels();
        for (int i = 0; i < px.length; i++) {
            if (px[i] != 0) {
                out[i] = c;
            }
        }
        return new ArgbRaster(mask.width(), mask.height(), out);
    }

    /** The mask's border, {@code thickness} pixels wide, opaque. */
    public static ArgbRaster outline(Mask mask, int rgb, int thickness) {
        int w = mask.width();
        int h = mask.height();
        int[] out = new int[w * h];
        boolean[] edge = edges(w, h, i -> mask.pixels()[i] != 0, (i, j) -> (mask.pixels()[i] != 0) != (mask.pixels()[j] != 0));
        paintThick(edge, w, h, thickness, Colours.argb(255, rgb), out);
        return new ArgbRaster(w, h, out);
    }

    /**
     * The explanation's segment weights as a heatmap, with the {@code topK} segments that push most
     * towards "suspicious" outlined in {@code outlineRgb}.
     */
    public static ArgbRaster heatmap(Explanation e, int topK, int outlineRgb) {
        int w = e.width();
        int h = e.height();
        double[] weights = e.weights();
        double max = 0;
        for (double v : weights) {
            max = Math.max(max, Math.abs(v));
        }
        int[] segColour = new int[weights.length];
        for (int s = 0; s < weights.length; s++) {
            double v = max == 0 ? 0 : weights[s] / max;
            int alpha = (int) Math.round(Math.pow(Math.abs(v), 0.75) * HEAT_ALPHA);
            segColour[s] = alpha < 8 ? 0 : Colours.argb(alpha, v >= 0 ? POSITIVE_RGB : NEGATIVE_RGB);
        }
        int[] labels = e.segmentLabels();
        int[] out = new int[w * h];
        for (int i = 0; i < out.length; i++) {
            out[i] = segColour[labels[i]];
        }
        boolean[] top = new boolean[weights.length];
        for (int s : topSegments(weights, topK)) {
            top[s] = true;
        }
        boolean[] edge = edges(w, h, i -> top[labels[i]], (i, j) -> labels[i] != labels[j] && (top[labels[i]] || top[labels[j]]));
        paintThick(edge, w, h, Math.max(1, Math.min(w, h) / 300), Colours.argb(255, outlineRgb), out);
        return new ArgbRaster(w, h, out);
    }

    /**
     * The image with {@code layer} drawn over it at {@code opacity}, as people see it (for reports).
     * A layer of another size (LIME may work on a smaller copy) is stretched over the image.
     */
    public static LesionImage composite(LesionImage image, ArgbRaster layer, double opacity) {
        byte[] src = image.rgb();
        byte[] out = new byte[src.length];
        int w = image.width();
        int h = image.height();
        for (int y = 0; y < h; y++) {
            int ly = Math.min(layer.height() - 1, (int) ((long) y * layer.height() / h));
            for (int x = 0; x < w; x++) {
                int lx = Math.min(layer.width() - 1, (int) ((long) x * layer.width() / w));
                int argb = layer.at(lx, ly);
                double a = (argb >>> 24) / 255.0 * opacity;
                int i = (y * w + x) * 3;
                for (int c = 0; c < 3; c++) {
                    int over = (argb >> (16 - 8 * c)) & 0xFF;
                    int under = src[i + c] & 0xFF;
                    out[i + c] = (byte) Math.round(under * (1 - a) + over * a);
                }
            }
        }
        return image.withPixels(out);
    }

    /** Indices of the up to {@code k} segments with the largest positive weights, largest first. */
    public static int[] topSegments(double[] weights, int k) {
        return IntStream.range(0, weights.length)
                .filter(s -> weights[s] > 0)
                .boxed()
                .sorted(Comparator.comparingDouble((Integer s) -> -weights[s]))
                .limit(Math.max(0, k))
                .mapToInt(Integer::intValue)
                .toArray();
    }

    private interface PixelTest {
        boolean test(int i);
    }

    private interface PairTest {
        boolean differ(int i, int j);
    }

    /** Pixels inside the region that touch a different pixel (or the image border while inside). */
    private static boolean[] edges(int w, int h, PixelTest inside, PairTest differ) {
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

    private static void paintThick(boolean[] edge, int w, int h, int thickness, int argb, int[] out) {
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

package org.dermdesk.core;

import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * The one drawing of an explanation, used by the window, the PDF report and {@code explain --out}:
 * a translucent ARGB layer of the segment weights with the strongest "towards suspicious" segments
 * outlined, and the composite of such a layer over an image.
 *
 * <p>Palette and scaling (the same everywhere): Okabe-Ito vermillion {@code #D55E00} towards suspicious,
 * Okabe-Ito blue {@code #0072B2} towards benign, distinguishable with every common form of colour-vision
 * deficiency. Weights are scaled by the largest |weight| of the explanation; a segment's alpha is
 * {@code |w / max|^0.75 x 220/255}, so moderate weights stay visible and weights under about 2% of the
 * largest leave the image untouched.
 */
public final class HeatmapLayer {

    /** Towards suspicious (Okabe-Ito vermillion). */
    public static final int POSITIVE_RGB = 0xD55E00;
    /** Towards benign (Okabe-Ito blue). */
    public static final int NEGATIVE_RGB = 0x0072B2;
    /** Alpha of the segment with the largest |weight|. */
    public static final int HEAT_ALPHA = 220;

    private HeatmapLayer() {
    }

    /**
     * The explanation's segment weights as ARGB pixels (row-major, the explanation's size), with the
     * {@code topK} segments that push most towards "suspicious" outlined opaque in {@code outlineRgb}.
     */
    public static int[] render(Explanation e, int topK, int outlineRgb) {
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
            segColour[s] = alpha < 8 ? 0 : argb(alpha, v >= 0 ? POSITIVE_RGB : NEGATIVE_RGB);
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
        boolean[] edge = Outlines.edges(w, h, i -> top[labels[i]],
                (i, j) -> labels[i] != labels[j] && (top[labels[i]] || top[labels[j]]));
        Outlines.paint(edge, w, h, Math.max(1, Math.min(w, h) / 300), argb(255, outlineRgb), out);
        return out;
    }

    /**
     * The image with an ARGB layer drawn over it at {@code opacity}, as people see it. A layer of another
     * size (LIME may work on a smaller copy) is stretched over the image.
     *
     * @param grey draw over a grey copy of the image (for a heatmap file seen without the colour image beside it)
     */
    public static LesionImage composite(LesionImage image, int[] layer, int layerWidth, int layerHeight,
                                        double opacity, boolean grey) {
        byte[] src = image.rgb();
        byte[] out = new byte[src.length];
        int w = image.width();
        int h = image.height();
        for (int y = 0; y < h; y++) {
            int ly = Math.min(layerHeight - 1, (int) ((long) y * layerHeight / h));
            for (int x = 0; x < w; x++) {
                int lx = Math.min(layerWidth - 1, (int) ((long) x * layerWidth / w));
                int argb = layer[ly * layerWidth + lx];
                double a = (argb >>> 24) / 255.0 * opacity;
                int i = (y * w + x) * 3;
                int luma = (int) Math.round(0.299 * (src[i] & 0xFF) + 0.587 * (src[i + 1] & 0xFF) + 0.114 * (src[i + 2] & 0xFF));
                for (int c = 0; c < 3; c++) {
                    int over = (argb >> (16 - 8 * c)) & 0xFF;
                    int under = grey ? luma : src[i + c] & 0xFF;
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

    private static int argb(int alpha, int rgb) {
        return (alpha & 0xFF) << 24 | (rgb & 0xFFFFFF);
    }
}

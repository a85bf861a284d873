package org.dermdesk.explain;

import java.util.Objects;
import org.dermdesk.core.Explanation;
import org.dermdesk.core.LesionImage;

/**
 * Draws an explanation over its image: a diverging, colour-blind-safe map (blue = pushes towards
 * benign, near-white = no effect, orange = pushes towards malignant, after ColorBrewer's PuOr/RdBu
 * end colours), faint segment boundaries and a cyan outline around the top-k positive segments.
 * Weights are scaled by the 90th percentile of their sizes (larger ones saturate).
 * Each segment's opacity grows with the square root of its weight's size, so neutral tissue stays visible.
 */
public final class HeatmapRenderer {

    /** Colour of the most negative weight (#2166AC). */
    public static final int NEGATIVE = 0x2166AC;
    /** Colour of zero weight (#F7F7F7). */
    public static final int NEUTRAL = 0xF7F7F7;
    /** Colour of the most positive weight (#E66101). */
    public static final int POSITIVE = 0xE66101;

    /**
     * How to draw.
     *
     * @param opacity       opacity 0..1 of the colour over a segment with the largest |weight|
     * @param boundaries    draw the superpixel boundaries
     * @param topK          outline this many of the most positive segments (those with weight > 0)
     * @param boundaryRgb   colour of the boundaries (drawn at half opacity)
     * @param outlineRgb    colour of the top-k outlines
     * @param outlineWidth  outline width in pixels
     * @param greyBase      draw over a grey copy of the image: skin is orange-pink, and the map's orange
     *                      is much easier to see over grey (the UI can show the colour image beside it)
     */
    public record Style(double opacity, boolean boundaries, int topK, int boundaryRgb, int outlineRgb, int outlineWidth,
                        boolean greyBase) {

        public Style {
            if (!(opacity >= 0 && opacity <= 1)) {
                throw new IllegalArgumentException("opacity must be 0..1, got " + opacity);
            }
            if (topK < 0 || outlineWidth < 1) {
                throw new IllegalArgumentException("invalid heatmap style");
            }
        }

        public static Style defaults() {
            return new Style(0.6, true, 3, 0xFFFFFF, 0x00E5FF, 2, true);
        }

        public Style withOpacity(double o) {
            return new Style(o, boundaries, topK, boundaryRgb, outlineRgb, outlineWidth, greyBase);
        }

        public Style withTopK(int k) {
            return new Style(opacity, boundaries, k, boundaryRgb, outlineRgb, outlineWidth, greyBase);
        }

        public Style withGreyBase(boolean g) {
            return new Style(opacity, boundaries, topK, boundaryRgb, outlineRgb, outlineWidth, g);
        }

        public Style withBoundaries(boolean b) {
            return new Style(opacity, b, topK, boundaryRgb, outlineRgb, outlineWidth, greyBase);
        }
    }

    private HeatmapRenderer() {
    }

    /** The map's colour (0xRRGGBB) for a normalised weight t in -1..1 (clamped). */
    public static int colour(double t) {
        if (Double.isNaN(t)) {
            return NEUTRAL;
        }
        t = Math.max(-1, Math.min(1, t));
        return t < 0 ? mix(NEUTRAL, NEGATIVE, -t) : mix(NEUTRAL, POSITIVE, t);
    }

    /** The image with the explanation drawn over it, as opaque ARGB pixels (row-major). */
    public static int[] render(LesionImage image, Explanation e, Style style) {
        Objects.requireNonNull(style, "style");
        if (image.width() != e.width() || image.height() != e.height()) {
            throw new IllegalArgumentException("the explanation is for a " + e.width() + "x" + e.height()
                    + " image, not " + image.width() + "x" + image.height());
        }
        int w = e.width();
        int h = e.height();
        int[] labels = e.segmentLabels();
        double[] weights = e.weights();
        double max = scale(weights);
        int[] segColour = new int[weights.length];
        double[] segAlpha = new double[weights.length];
        for (int s = 0; s < weights.length; s++) {
            double t = max > 0 ? weights[s] / max : 0;
            segColour[s] = colour(t);
            // square root: moderate weights stay visible; zero weight leaves the image untouched
            segAlpha[s] = style.opacity() * Math.sqrt(Math.min(1, Math.abs(t)));
        }
        boolean[] top = topPositive(weights, style.topK());
        byte[] rgb = image.rgb();
        int[] out = new int[w * h];
        int ow = style.outlineWidth();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = y * w + x;
                int l = labels[p];
                int r = rgb[p * 3] & 0xFF;
                int g = rgb[p * 3 + 1] & 0xFF;
                int b = rgb[p * 3 + 2] & 0xFF;
                if (style.greyBase()) {
                    r = (int) Math.round(0.299 * r + 0.587 * g + 0.114 * b);
                    g = r;
                    b = r;
                }
                int base = (r << 16) | (g << 8) | b;
                int c = mix(base, segColour[l], segAlpha[l]);
                if (top[l] && nearOtherLabel(labels, w, h, x, y, ow)) {
                    c = style.outlineRgb();
                } else if (style.boundaries() && nearOtherLabel(labels, w, h, x, y, 1)
                        && (x + 1 < w && labels[p + 1] != l || y + 1 < h && labels[p + w] != l)) {
                    c = mix(c, style.boundaryRgb(), 0.5);
                }
                out[p] = 0xFF000000 | c;
            }
        }
        return out;
    }

    /**
     * The |weight| that maps to the ends of the colour map: the 90th percentile (nearest rank) of the
     * absolute weights, so that one outlying segment does not wash out all the others (larger weights
     * saturate). 0 when all weights are 0.
     */
    static double scale(double[] weights) {
        if (weights.length == 0) {
            return 0;
        }
        double[] a = new double[weights.length];
        for (int i = 0; i < a.length; i++) {
            a[i] = Math.abs(weights[i]);
        }
        java.util.Arrays.sort(a);
        return a[Math.max(0, (int) Math.ceil(0.9 * a.length) - 1)];
    }

    /** Marks the {@code k} segments with the largest positive weights. */
    static boolean[] topPositive(double[] weights, int k) {
        boolean[] top = new boolean[weights.length];
        int[] order = LimeExplainer.orderByWeight(weights);
        for (int i = 0; i < Math.min(k, order.length); i++) {
            if (weights[order[i]] > 0) {
                top[order[i]] = true;
            }
        }
        return top;
    }

    private static boolean nearOtherLabel(int[] labels, int w, int h, int x, int y, int r) {
        int l = labels[y * w + x];
        for (int dy = -r; dy <= r; dy++) {
            int yy = y + dy;
            if (yy < 0 || yy >= h) {
                continue;
            }
            for (int dx = -r; dx <= r; dx++) {
                int xx = x + dx;
                if (xx >= 0 && xx < w && labels[yy * w + xx] != l) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Linear mix of two 0xRRGGBB colours: a at f = 0, b at f = 1. */
    static int mix(int a, int b, double f) {
        int r = (int) Math.round(((a >> 16) & 0xFF) * (1 - f) + ((b >> 16) & 0xFF) * f);
        int g = (int) Math.round(((a >> 8) & 0xFF) * (1 - f) + ((b >> 8) & 0xFF) * f);
        int bl = (int) Math.round((a & 0xFF) * (1 - f) + (b & 0xFF) * f);
        return (r << 16) | (g << 8) | bl;
    }
}

package org.dermdesk.ui;

import org.dermdesk.core.Explanation;
import org.dermdesk.core.HeatmapLayer;
import org.dermdesk.core.LesionImage;
import org.dermdesk.core.Mask;
import org.dermdesk.core.Outlines;

/**
 * Draws masks and explanations as ARGB layers, off the FX thread. The heatmap is the core
 * {@link HeatmapLayer}, the same drawing as on the PDF and in {@code explain --out}.
 */
public final class OverlayRenderer {

    /** Towards suspicious (see {@link HeatmapLayer} for the palette). */
    public static final int POSITIVE_RGB = HeatmapLayer.POSITIVE_RGB;
    /** Towards benign. */
    public static final int NEGATIVE_RGB = HeatmapLayer.NEGATIVE_RGB;
    static final int FILL_ALPHA = 140;
    static final int HEAT_ALPHA = HeatmapLayer.HEAT_ALPHA;

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
        boolean[] edge = Outlines.edges(w, h, i -> mask.pixels()[i] != 0, (i, j) -> (mask.pixels()[i] != 0) != (mask.pixels()[j] != 0));
        Outlines.paint(edge, w, h, thickness, Colours.argb(255, rgb), out);
        return new ArgbRaster(w, h, out);
    }

    /** The explanation as the heatmap layer that the window, the PDF and {@code explain --out} share ({@link HeatmapLayer}). */
    public static ArgbRaster heatmap(Explanation e, int topK, int outlineRgb) {
        return new ArgbRaster(e.width(), e.height(), HeatmapLayer.render(e, topK, outlineRgb));
    }

    /**
     * The image with {@code layer} drawn over it at {@code opacity}, as people see it (for reports).
     * A layer of another size (LIME may work on a smaller copy) is stretched over the image.
     */
    public static LesionImage composite(LesionImage image, ArgbRaster layer, double opacity) {
        return HeatmapLayer.composite(image, layer.pixels(), layer.width(), layer.height(), opacity, false);
    }

    /** Indices of the up to {@code k} segments with the largest positive weights, largest first. */
    public static int[] topSegments(double[] weights, int k) {
        return HeatmapLayer.topSegments(weights, k);
    }
}

package org.dermdesk.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** The one heatmap drawing: palette, scaling and the composite over the image (colour or grey). */
class HeatmapLayerTest {

    /** Two vertical halves as segments: weight 1 on the left, 0 on the right. */
    private static Explanation halves(double left, double right) {
        int w = 20;
        int h = 10;
        int[] labels = new int[w * h];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i % w < 10 ? 0 : 1;
        }
        return new Explanation(w, h, 2, labels, new double[] {left, right}, 0, 0.5, 0.5, 0.5, 0.2, 0.6, 0.4, 0.4,
                OptionalDouble.empty(), 0, 0, 100, 1, Map.of("total", 1L));
    }

    @Test
    void theLargestWeightGetsTheFullPaletteColourAndZeroLeavesTheImage() {
        int[] layer = HeatmapLayer.render(halves(-2, 0), 0, 0xFFFFFF);
        assertEquals(HeatmapLayer.HEAT_ALPHA << 24 | HeatmapLayer.NEGATIVE_RGB, layer[5 * 20 + 2]);
        assertEquals(0, layer[5 * 20 + 15], "no weight, no colour");
    }

    @Test
    void compositesOverTheColourImageOrAGreyCopy() {
        byte[] rgb = new byte[20 * 10 * 3];
        for (int i = 0; i < rgb.length; i += 3) {
            rgb[i] = (byte) 200; // reddish skin
            rgb[i + 1] = 100;
            rgb[i + 2] = 100;
        }
        LesionImage image = new LesionImage("x", 20, 10, rgb);
        int[] layer = HeatmapLayer.render(halves(1, 0), 0, 0xFFFFFF);
        LesionImage colour = HeatmapLayer.composite(image, layer, 20, 10, 1.0, false);
        LesionImage grey = HeatmapLayer.composite(image, layer, 20, 10, 1.0, true);
        assertEquals(200, colour.channel(15, 5, 0), "untouched where the weight is zero");
        int luma = (int) Math.round(0.299 * 200 + 0.587 * 100 + 0.114 * 100);
        assertEquals(luma, grey.channel(15, 5, 0));
        assertEquals(luma, grey.channel(15, 5, 2));
        double a = HeatmapLayer.HEAT_ALPHA / 255.0;
        assertEquals(Math.round(luma * (1 - a) + 0xD5 * a), grey.channel(2, 5, 0));
        assertEquals(Math.round(200 * (1 - a) + 0xD5 * a), colour.channel(2, 5, 0));
    }
}

package org.dermdesk.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Map;
import java.util.OptionalDouble;
import org.dermdesk.core.Explanation;
import org.dermdesk.core.LesionImage;
import org.junit.jupiter.api.Test;

class HeatmapRendererTest {

    @Test
    void extremesOfTheMapAreBlueWhiteAndOrange() {
        assertEquals(HeatmapRenderer.POSITIVE, HeatmapRenderer.colour(1));
        assertEquals(HeatmapRenderer.NEGATIVE, HeatmapRenderer.colour(-1));
        assertEquals(HeatmapRenderer.NEUTRAL, HeatmapRenderer.colour(0));
        assertEquals(HeatmapRenderer.POSITIVE, HeatmapRenderer.colour(7));
        int half = HeatmapRenderer.colour(0.5);
        assertNotEquals(HeatmapRenderer.POSITIVE, half);
        assertEquals(((0xF7 + 0xE6) + 1) / 2, (half >> 16) & 0xFF, 1);
    }

    @Test
    void anOutlyingWeightSaturatesInsteadOfLeavingTheMap() {
        int w = 100;
        int[] labels = new int[w * 10];
        for (int p = 0; p < labels.length; p++) {
            labels[p] = (p % w) / 10;
        }
        // one huge weight beyond the 90th percentile: it must still get the map's end colour
        double[] weights = {-0.1, 0.2, 0.1, 0.05, 0, 0.3, -0.2, 0.1, 0.2, 5};
        Explanation e = new Explanation(w, 10, 10, labels, weights, 0, 1, 0.5, 0.5, 0, 1, 0.5, 0.5,
                OptionalDouble.empty(), 0, 0, 10, 1, Map.of("total", 1L));
        byte[] grey = new byte[w * 10 * 3];
        java.util.Arrays.fill(grey, (byte) 128);
        int[] argb = HeatmapRenderer.render(new LesionImage("g", w, 10, grey), e,
                HeatmapRenderer.Style.defaults().withOpacity(1).withBoundaries(false).withTopK(0));
        assertEquals(0xFF000000 | HeatmapRenderer.POSITIVE, argb[5 * w + 95]);
        assertEquals(0xFF000000 | HeatmapRenderer.POSITIVE, argb[5 * w + 55], "the 90th percentile saturates too");
    }

    /** Four vertical stripes of 10 px, weights -1, 0, 0.5, 1. */
    static Explanation stripes() {
        int w = 40;
        int h = 10;
        int[] labels = new int[w * h];
        for (int p = 0; p < labels.length; p++) {
            labels[p] = (p % w) / 10;
        }
        return new Explanation(w, h, 4, labels, new double[] {-1, 0, 0.5, 1}, 0, 1, 0.5, 0.5, 0, 1, 0.5, 0.5,
                OptionalDouble.empty(), 0, 0, 10, 1, Map.of("total", 1L));
    }

    @Test
    void fullOpacityShowsTheMapColoursAndOutlinesTheTopSegment() {
        Explanation e = stripes();
        byte[] grey = new byte[40 * 10 * 3];
        java.util.Arrays.fill(grey, (byte) 128);
        LesionImage img = new LesionImage("grey", 40, 10, grey);
        var style = HeatmapRenderer.Style.defaults().withOpacity(1).withBoundaries(false).withTopK(1);
        int[] argb = HeatmapRenderer.render(img, e, style);
        assertEquals(0xFF000000 | HeatmapRenderer.NEGATIVE, argb[5 * 40 + 4]);
        assertEquals(0xFF808080, argb[5 * 40 + 15], "a zero weight leaves the image as it is");
        assertEquals(0xFF000000 | HeatmapRenderer.POSITIVE, argb[5 * 40 + 34]);
        assertEquals(0xFF000000 | style.outlineRgb(), argb[5 * 40 + 31], "top segment outlined at its edge");
        assertEquals(0xFF000000 | HeatmapRenderer.mix(0x808080, HeatmapRenderer.colour(0.5), Math.sqrt(0.5)), argb[5 * 40 + 25]);
        int[] none = HeatmapRenderer.render(img, e, style.withOpacity(0).withTopK(0));
        assertEquals(0xFF808080, none[5 * 40 + 34], "opacity 0 shows the image");
    }
}

package org.dermdesk.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.OptionalDouble;
import org.dermdesk.core.Explanation;
import org.dermdesk.core.Mask;
import org.junit.jupiter.api.Test;

class OverlayRendererTest {

    /** Four vertical stripes of 5 px as segments, weights given. */
    private static Explanation stripes(double... weights) {
        int w = 20;
        int h = 10;
        int[] labels = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                labels[y * w + x] = x / 5;
            }
        }
        return new Explanation(w, h, 4, labels, weights, 0, 0.5, 0.5, 0.5, 0.2, 0.6, 0.4, 0.4,
                OptionalDouble.empty(), 0, 0, 100, 1, Map.of("total", 1L));
    }

    @Test
    void heatmapIsOrangeTowardsSuspiciousAndBlueTowardsBenign() {
        ArgbRaster r = OverlayRenderer.heatmap(stripes(1.0, -1.0, 0.0, 0.5), 0, 0xFFFFFF);
        assertEquals(OverlayRenderer.POSITIVE_RGB, r.at(2, 5) & 0xFFFFFF);
        assertEquals(OverlayRenderer.HEAT_ALPHA, r.at(2, 5) >>> 24);
        assertEquals(OverlayRenderer.NEGATIVE_RGB, r.at(7, 5) & 0xFFFFFF);
        assertEquals(0, r.at(12, 5), "a weight of zero leaves the image untouched");
        assertTrue((r.at(17, 5) >>> 24) < OverlayRenderer.HEAT_ALPHA, "weaker weight, more transparent");
    }

    @Test
    void outlinesTheTopSegmentsPushingTowardsSuspicious() {
        assertArrayEquals(new int[] {3, 0}, OverlayRenderer.topSegments(new double[] {0.5, -1, 0, 0.9}, 5));
        assertArrayEquals(new int[] {3}, OverlayRenderer.topSegments(new double[] {0.5, -1, 0, 0.9}, 1));
        ArgbRaster r = OverlayRenderer.heatmap(stripes(0.2, -1.0, 0.0, 0.9), 1, 0x00FF00);
        assertEquals(0xFF00FF00, r.at(15, 5), "left edge of the top segment");
        assertTrue(r.at(17, 5) != 0xFF00FF00, "inside is not outlined");
        assertTrue(r.at(4, 5) != 0xFF00FF00, "segment 0 is not in the top 1");
    }

    @Test
    void drawsMaskFillsAndOutlines() {
        byte[] px = new byte[10 * 10];
        for (int y = 2; y < 8; y++) {
            for (int x = 2; x < 8; x++) {
                px[y * 10 + x] = 1;
            }
        }
        Mask m = new Mask(10, 10, px);
        ArgbRaster fill = OverlayRenderer.fill(m, 0x123456);
        assertEquals(Colours.argb(OverlayRenderer.FILL_ALPHA, 0x123456), fill.at(5, 5));
        assertEquals(0, fill.at(0, 0));
        ArgbRaster line = OverlayRenderer.outline(m, 0xABCDEF, 1);
        assertEquals(0xFFABCDEF, line.at(2, 5));
        assertEquals(0, line.at(5, 5));
        assertEquals(0, line.at(0, 5));
    }

    @Test
    void compositesALayerOfAnotherSizeOverTheImage() {
        byte[] rgb = new byte[40 * 20 * 3];
        org.dermdesk.core.LesionImage img = new org.dermdesk.core.LesionImage("x", 40, 20, rgb);
        ArgbRaster half = OverlayRenderer.heatmap(stripes(1.0, 0, 0, 0), 0, 0xFFFFFF); // 20x10
        org.dermdesk.core.LesionImage out = OverlayRenderer.composite(img, half, 1.0);
        assertEquals(40, out.width());
        assertTrue(out.channel(5, 10, 0) > 100, "left quarter tinted orange");
        assertEquals(0, out.channel(30, 10, 0), "zero weight leaves black");
    }
}

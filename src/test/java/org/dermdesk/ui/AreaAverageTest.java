package org.dermdesk.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class AreaAverageTest {

    private static final int YELLOW = 0xFFF0E442;

    @Test
    void aMaskPixelOfAReducedLayerLandsWhereItWasWhenStretchedOverTheImage() {
        // a 3000x2250 layer shown at fit in an 800-pixel-wide view: reduced, then stretched back by the viewer
        int w = 3000;
        int h = 2250;
        int[] px = new int[w * h];
        int x0 = 2001;
        int y0 = 1499;
        px[y0 * w + x0] = YELLOW;
        int tw = DisplayDetail.pixels(w, 0.33);
        int th = DisplayDetail.pixels(h, 0.33);
        ArgbRaster reduced = AreaAverage.argb(new ArgbRaster(w, h, px), tw, th);

        int[] hit = onlyVisiblePixel(reduced);
        // the reduced pixel, stretched over the original's size, covers the original pixel
        double sx = (double) w / tw;
        double sy = (double) h / th;
        assertTrue(hit[0] * sx <= x0 + 1 && x0 <= (hit[0] + 1) * sx, "column " + hit[0] + " covers x " + x0);
        assertTrue(hit[1] * sy <= y0 + 1 && y0 <= (hit[1] + 1) * sy, "row " + hit[1] + " covers y " + y0);
    }

    @Test
    void eachTargetPixelAveragesItsShareOfTheSourceWithNoGaps() {
        // 7 -> 3 columns: shares of 3, 2, 2 (uneven), every target pixel gets at least one source pixel
        int[] px = new int[7 * 2];
        Arrays.fill(px, YELLOW);
        ArgbRaster reduced = AreaAverage.argb(new ArgbRaster(7, 2, px), 3, 1);
        for (int x = 0; x < 3; x++) {
            assertEquals(YELLOW, reduced.at(x, 0), "fully covered, fully opaque, at " + x);
        }
    }

    @Test
    void transparentPixelsThinTheAlphaButDoNotDarkenTheColour() {
        int[] px = {YELLOW, 0, 0, 0};
        ArgbRaster reduced = AreaAverage.argb(new ArgbRaster(2, 2, px), 1, 1);
        assertEquals(0xF0E442, reduced.at(0, 0) & 0xFFFFFF);
        assertEquals(64, reduced.at(0, 0) >>> 24);
    }

    @Test
    void rgbIsTheRoundedMeanOfEachBlock() {
        byte[] src = {
            0, 10, (byte) 200, 2, 20, (byte) 201, 50, 50, 50, 51, 51, 51,
            4, 30, (byte) 202, 6, 40, (byte) 203, 52, 52, 52, 53, 53, 53,
        };
        assertArrayEquals(new byte[] {3, 25, (byte) 202, 52, 52, 52}, AreaAverage.rgb(src, 4, 2, 2, 1));
    }

    @Test
    void neverEnlarges() {
        assertThrows(IllegalArgumentException.class, () -> AreaAverage.argb(new ArgbRaster(2, 2, new int[4]), 3, 2));
    }

    private static int[] onlyVisiblePixel(ArgbRaster r) {
        int[] found = null;
        for (int y = 0; y < r.height(); y++) {
            for (int x = 0; x < r.width(); x++) {
                if (r.at(x, y) >>> 24 != 0) {
                    assertEquals(null, found, "one visible pixel");
                    found = new int[] {x, y};
                    assertEquals(0xF0E442, r.at(x, y) & 0xFFFFFF, "its colour kept");
                }
            }
        }
        assertTrue(found != null, "the pixel survives the reduction");
        return found;
    }
}

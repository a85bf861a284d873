package org.dermdesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DisplayDetailTest {

    @Test
    void fromOneHundredPercentUpTheOriginalIsShown() {
        assertEquals(1, DisplayDetail.wanted(1));
        assertEquals(1, DisplayDetail.wanted(4));
        assertEquals(1, DisplayDetail.wanted(0.65), "near 100% too");
        assertFalse(DisplayDetail.serves(0.99, 1), "a copy never stands in for true pixels");
        assertTrue(DisplayDetail.serves(1, 1));
    }

    @Test
    void aFittedLargeImageGetsACopyAtLeastAsFineAsTheScreen() {
        double fit = 800.0 / 3000; // a 3000-pixel-wide image in an 800-pixel-wide view
        double detail = DisplayDetail.wanted(fit);
        assertTrue(detail < 0.5, "well below the original");
        assertTrue(DisplayDetail.pixels(3000, detail) >= 800, "at least one copy pixel per screen pixel");
        assertTrue(DisplayDetail.pixels(3000, DisplayDetail.wanted(2 * fit)) >= 1600, "twice as many on a 200% screen");
    }

    @Test
    void aCopyServesAStepOfZoomingInAndIsRebuiltBeyondOrWhenFarTooFine() {
        double density = 0.25;
        double detail = DisplayDetail.wanted(density);
        assertTrue(DisplayDetail.serves(detail, density));
        assertTrue(DisplayDetail.serves(detail, density * 1.25), "one zoom step in: no new copy");
        assertFalse(DisplayDetail.serves(detail, density * 1.25 * 1.25), "two steps: too coarse");
        assertTrue(DisplayDetail.serves(detail, density * 0.8));
        assertFalse(DisplayDetail.serves(detail, density / 4), "far too fine: costs the renderer for nothing");
    }

    @Test
    void copySizesStayWithinTheOriginal() {
        assertEquals(3000, DisplayDetail.pixels(3000, 1));
        assertEquals(1, DisplayDetail.pixels(3, 0.01));
        assertEquals(300, DisplayDetail.pixels(300, 0.9999999));
    }
}

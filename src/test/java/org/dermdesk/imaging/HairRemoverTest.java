package org.dermdesk.imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.dermdesk.core.LesionImage;
import org.junit.jupiter.api.Test;

class HairRemoverTest {

    private static int hairPixels(LesionImage img) {
        try (WorkingCopy wc = WorkingCopy.of(img)) {
            return Masks.area(HairDetector.hairMask(wc));
        }
    }

    @Test
    void inpaintingRemovesMostOfTheHair() {
        LesionImage hairy = SyntheticImages.lesion(800, 600).hairs(6, 3).image();
        int before = hairPixels(hairy);
        LesionImage clean = new HairRemover().remove(hairy);
        int after = hairPixels(clean);
        assertTrue(before > 500, "hair pixels before " + before);
        assertTrue(after < before * 0.1, "hair pixels before " + before + ", after " + after);
        assertEquals(hairy.width(), clean.width());
        // skin far from any hair keeps its colour
        assertEquals(hairy.channel(5, 300, 0), clean.channel(5, 300, 0), 3);
    }

    @Test
    void imageWithoutHairIsReturnedUnchanged() {
        LesionImage img = SyntheticImages.lesion(400, 300).image();
        assertSame(img, new HairRemover().remove(img));
    }
}

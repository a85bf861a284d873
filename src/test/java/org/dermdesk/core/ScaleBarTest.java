package org.dermdesk.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class ScaleBarTest {

    @Test
    void picksTheRoundLengthClosestToTheTarget() {
        assertEquals(5, ScaleBar.lengthMm(25, 120), "5 mm is 125 px at 25 px/mm");
        assertEquals(2, ScaleBar.lengthMm(60, 120));
        assertEquals(0.5, ScaleBar.lengthMm(250, 120));
        assertEquals(10, ScaleBar.lengthMm(4.4, 44), "the same rule at the PDF's size");
        assertTrue(Double.isNaN(ScaleBar.lengthMm(Double.NaN, 120)), "no bar without a scale");
        assertTrue(Double.isNaN(ScaleBar.lengthMm(0, 120)));
    }

    @Test
    void theBarGoesInTheCornerThatHidesTheLeastRuler() {
        int w = 400;
        int h = 300;
        assertEquals(ScaleBar.Corner.LOWER_LEFT, ScaleBar.corner(w, h, 0, 0, w, h, 80, 30, 10, null), "lower left without a ruler");
        Mask bottomRuler = band(w, h, 250, 300);
        assertEquals(ScaleBar.Corner.UPPER_LEFT, ScaleBar.corner(w, h, 0, 0, w, h, 80, 30, 10, bottomRuler));
        Mask leftRuler = new Mask(w, h, new byte[w * h]);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < 60; x++) {
                leftRuler.pixels()[y * w + x] = 1;
            }
        }
        assertEquals(ScaleBar.Corner.LOWER_RIGHT, ScaleBar.corner(w, h, 0, 0, w, h, 80, 30, 10, leftRuler));
        Mask halfSize = band(w / 2, h / 2, 125, 150);
        assertEquals(ScaleBar.Corner.UPPER_LEFT, ScaleBar.corner(w, h, 0, 0, w, h, 80, 30, 10, halfSize),
                "a mask on a smaller grid is mapped onto the image");
        assertEquals(ScaleBar.Corner.LOWER_LEFT, ScaleBar.corner(w, h, 0, 0, w, 200, 80, 30, 10, bottomRuler),
                "only the visible part counts: the ruler is scrolled out of view");
    }

    @Test
    void labelsSayMillimetresOnlyWithAScale() {
        assertEquals("5 mm", ScaleBar.label(5));
        assertEquals("0.5 mm", ScaleBar.label(0.5));
        LesionMeasurements m = new LesionMeasurements(Scale.deviceProfile(20), 168, 120, 15000, new double[] {0, 0, 168, 0},
                0, 0, EnumSet.noneOf(DermoscopicColour.class));
        assertEquals("8.4 mm", ScaleBar.diameterLabel(m));
        assertEquals("168 px (scale unknown)", ScaleBar.diameterLabel(m.withScale(Scale.unknown())));
    }

    @Test
    void theRulerMaskComesFromAFindingOnlyWhenARulerIsPresent() {
        Mask mask = band(4, 4, 2, 4);
        QualityReport found = report(new ArtifactFinding(ArtifactKind.RULER, true, 0.9, 0.5, 0, mask));
        assertEquals(mask, ScaleBar.rulerMask(found));
        assertEquals(null, ScaleBar.rulerMask(report(new ArtifactFinding(ArtifactKind.RULER, false, 0.1, 0.5, 0, mask))));
        assertEquals(null, ScaleBar.rulerMask(null));
    }

    private static QualityReport report(ArtifactFinding f) {
        return new QualityReport(java.util.Map.of(ArtifactKind.RULER, f), null, false, java.util.List.of());
    }

    private static Mask band(int w, int h, int y0, int y1) {
        byte[] px = new byte[w * h];
        for (int y = y0; y < y1; y++) {
            for (int x = 0; x < w; x++) {
                px[y * w + x] = 1;
            }
        }
        return new Mask(w, h, px);
    }
}

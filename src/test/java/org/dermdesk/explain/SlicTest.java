package org.dermdesk.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SlicTest {

    @Test
    void segmentsAreConnectedAndAboutTheWantedNumber() {
        var img = LimeExplainerTest.noiseImage();
        Segmentation s = Slic.segment(img.rgb(), img.width(), img.height(), 80, 10, 10);
        assertTrue(s.count() >= 50 && s.count() <= 110, "count " + s.count());
        // relabelling by connectivity must not split anything further: each label is one component
        Segmentation again = Slic.enforceConnectivity(s.labels(), s.width(), s.height(), 1);
        assertEquals(s.count(), again.count());
        int[] areas = s.areas();
        for (int a : areas) {
            assertTrue(a > 0);
        }
    }

    @Test
    void followsAStrongColourEdge() {
        int w = 120;
        int h = 90;
        byte[] rgb = new byte[w * h * 3];
        for (int p = 0; p < w * h; p++) {
            boolean dark = (p % w - 60) * (p % w - 60) + (p / w - 45) * (p / w - 45) < 25 * 25;
            for (int c = 0; c < 3; c++) {
                rgb[p * 3 + c] = (byte) (dark ? 60 : 210);
            }
        }
        Segmentation s = Slic.segment(rgb, w, h, 40, 10, 10);
        int mixed = 0;
        for (int l = 0; l < s.count(); l++) {
            int dark = 0;
            int all = 0;
            for (int p = 0; p < w * h; p++) {
                if (s.labels()[p] == l) {
                    all++;
                    if ((rgb[p * 3] & 0xFF) < 100) {
                        dark++;
                    }
                }
            }
            if (dark > 0.1 * all && dark < 0.9 * all) {
                mixed++;
            }
        }
        assertTrue(mixed <= 1, mixed + " segments straddle the edge");
    }
}

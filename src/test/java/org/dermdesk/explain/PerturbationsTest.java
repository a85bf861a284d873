package org.dermdesk.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.dermdesk.core.LesionImage;
import org.dermdesk.core.Rasters;
import org.junit.jupiter.api.Test;

class PerturbationsTest {

    @Test
    void imagesBuiltAtTheModelSizeEqualTheResizedFullSizePerturbation() {
        LesionImage img = LimeExplainerTest.noiseImage();
        int w = img.width();
        int h = img.height();
        Segmentation seg = Slic.segment(img.rgb(), w, h, 40, 10, 10);
        byte[] fill = Perturber.blur(img.rgb(), w, h, 12);
        ResampledPerturber fast = new ResampledPerturber(img.rgb(), fill, seg.labels(), w, h, 64, 64);
        Random r = new Random(5);
        int maxDiff = 0;
        for (int t = 0; t < 5; t++) {
            boolean[] keep = new boolean[seg.count()];
            for (int s = 0; s < keep.length; s++) {
                keep[s] = r.nextBoolean();
            }
            byte[] full = new byte[w * h * 3];
            for (int p = 0; p < w * h; p++) {
                byte[] src = keep[seg.labels()[p]] ? img.rgb() : fill;
                System.arraycopy(src, p * 3, full, p * 3, 3);
            }
            byte[] expected = Rasters.resizeArea(full, w, h, 64, 64);
            byte[] actual = fast.build(keep);
            for (int i = 0; i < expected.length; i++) {
                maxDiff = Math.max(maxDiff, Math.abs((expected[i] & 0xFF) - (actual[i] & 0xFF)));
            }
        }
        assertTrue(maxDiff <= 1, "differs by " + maxDiff + " grey levels");
        // and the classifier's own resize of a 64x64 image changes nothing
        byte[] one = fast.build(new boolean[seg.count()]);
        assertEquals(java.util.Arrays.toString(one), java.util.Arrays.toString(Rasters.resizeArea(one, 64, 64, 64, 64)));
    }

    @Test
    void runCopyingMatchesAPixelByPixelComposite() {
        LesionImage img = LimeExplainerTest.noiseImage();
        Segmentation seg = Slic.segment(img.rgb(), img.width(), img.height(), 40, 10, 10);
        Perturber p = new Perturber(img.rgb(), seg, HideStrategy.MEAN_COLOUR);
        boolean[] keep = new boolean[seg.count()];
        for (int s = 0; s < keep.length; s += 2) {
            keep[s] = true;
        }
        byte[] out = p.build(keep);
        for (int px = 0; px < img.width() * img.height(); px++) {
            byte[] src = keep[seg.labels()[px]] ? img.rgb() : p.filled();
            for (int c = 0; c < 3; c++) {
                assertEquals(src[px * 3 + c], out[px * 3 + c]);
            }
        }
    }
}

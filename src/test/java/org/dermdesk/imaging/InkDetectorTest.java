package org.dermdesk.imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.dermdesk.core.ImageLoadException;
import org.dermdesk.core.LesionImage;
import org.dermdesk.testsupport.SharedData;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Ink is judged against the image's own skin colour: violet, darker than the skin, and on the skin. */
class InkDetectorTest {

    private static final int W = 800;
    private static final int H = 600;

    private static Detection detect(LesionImage img) {
        try (WorkingCopy wc = WorkingCopy.of(img)) {
            return new InkDetector().detect(wc);
        }
    }

    /** Skin of the given colour with the usual brown lesion in the centre. */
    private static SyntheticImages lesionOnSkin(int r, int g, int b) {
        return new SyntheticImages(W, H).blob(W / 2.0, H / 2.0, W, H, r, g, b)
                .blob(W / 2.0, H / 2.0, W * 0.18, H * 0.22, 125, 80, 55);
    }

    @Test
    void skinColourIsTheMedianOfTheFieldOfView() {
        LesionImage img = SyntheticImages.lesion(W, H).image();
        try (WorkingCopy wc = WorkingCopy.of(img)) {
            SkinColour skin = SkinColour.of(wc);
            int i = (10 * wc.width + 10) * 3;
            assertEquals(wc.lab[i] & 0xFF, skin.lightness(), 4);
            assertEquals(wc.lab[i + 1] & 0xFF, skin.a(), 4);
            assertEquals(wc.lab[i + 2] & 0xFF, skin.b(), 4);
        }
    }

    @Test
    void findsFaintVioletStrokesOnPinkSkin() {
        SyntheticImages s = lesionOnSkin(230, 165, 165);
        s.line(W * 0.1, H * 0.1, W * 0.3, H * 0.12, 9, 200, 140, 175);
        s.line(W * 0.7, H * 0.9, W * 0.9, H * 0.85, 9, 200, 140, 175);
        Detection d = detect(s.image());
        assertTrue(d.present(), "raw " + d.raw());
    }

    @Test
    void findsVioletInkUnderABluishCast() {
        SyntheticImages s = lesionOnSkin(200, 190, 215);
        s.line(W * 0.1, H * 0.1, W * 0.3, H * 0.12, 9, 140, 100, 170);
        Detection d = detect(s.image());
        assertTrue(d.present(), "raw " + d.raw());
    }

    @Test
    void inkMaskLiesOnTheStrokesNotOnTheLesion() {
        Detection d = detect(SyntheticImages.lesion(W, H).ink().image());
        assertTrue(d.present(), "raw " + d.raw());
        try (WorkingCopy wc = WorkingCopy.of(SyntheticImages.lesion(W, H).image())) {
            for (int i = 0; i < d.mask().length; i++) {
                if (d.mask()[i] == 0) continue;
                int x = (int) ((i % wc.width) / wc.scale);
                int y = (int) ((i / wc.width) / wc.scale);
                assertFalse(SyntheticImages.inLesion(x, y, W, H), "ink marked inside the lesion at " + x + "," + y);
            }
        }
    }

    @Test
    void aVioletLesionIsNotInk() {
        SyntheticImages s = SyntheticImages.lesion(W, H);
        s.blob(W / 2.0, H / 2.0, W * 0.15, H * 0.18, 110, 70, 125);
        Detection d = detect(s.image());
        assertFalse(d.present(), "raw " + d.raw());
    }

    @Test
    void aLavenderStickerAsBrightAsTheSkinIsNotInk() {
        SyntheticImages s = SyntheticImages.lesion(W, H);
        // violet enough to pass the colour test, but brighter than the skin (190): printed paper, not ink
        s.blob(W * 0.95, H * 0.5, 110, 110, 225, 180, 240);
        Detection d = detect(s.image());
        assertFalse(d.present(), "raw " + d.raw());
    }

    @Test
    void scatteredVioletSpecksAreNotMarkerStrokes() {
        SyntheticImages s = SyntheticImages.lesion(W, H);
        for (int i = 0; i < 10; i++) {
            s.blob(W * (0.05 + 0.09 * i), H * (i % 2 == 0 ? 0.1 : 0.9), 5, 5, 120, 60, 170);
        }
        Detection d = detect(s.image());
        assertFalse(d.present(), "raw " + d.raw());
    }

    /** Guards the tuned rule against regressions on real images (tuning half only, not the reported half). */
    @Test
    void f1OnTheTuningHalfOfTheSmallIsicCopies() {
        Path data = SharedData.dir();
        Path images = data.resolve("isic2017/images");
        Assumptions.assumeTrue(Files.isDirectory(images), "isic2017/images not found: ink check skipped");
        Map<String, Map<String, Integer>> labels = ArtifactEvaluation.readAnnotations(data);
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (Path f : ArtifactEvaluation.imageFiles(images)) {
            String id = f.getFileName().toString().replaceFirst("\\.[^.]*$", "");
            if (!labels.containsKey(id) || ArtifactEvaluation.heldOut(id)) continue;
            boolean ink = labels.get(id).get("ink") == 1;
            boolean found;
            try {
                found = detect(ImageLoader.load(f)).present();
            } catch (ImageLoadException e) {
                continue;
            }
            if (found && ink) tp++;
            if (found && !ink) fp++;
            if (!found && ink) fn++;
        }
        double f1 = 2.0 * tp / (2.0 * tp + fp + fn);
        assertTrue(tp + fn > 100, "too few ink images: " + (tp + fn));
        assertTrue(f1 >= 0.6, "ink F1 on the tuning half " + f1);
    }
}

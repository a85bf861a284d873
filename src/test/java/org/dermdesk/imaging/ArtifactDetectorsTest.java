package org.dermdesk.imaging;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.dermdesk.core.LesionImage;
import org.junit.jupiter.api.Test;

/** Each detector finds its artifact drawn on a synthetic lesion and stays silent on a clean one. */
class ArtifactDetectorsTest {

    private static final int W = 800;
    private static final int H = 600;

    private static Detection detect(ArtifactDetector d, LesionImage img) {
        try (WorkingCopy wc = WorkingCopy.of(img)) {
            return d.detect(wc);
        }
    }

    private static LesionImage clean() {
        return SyntheticImages.lesion(W, H).image();
    }

    @Test
    void cleanLesionShowsNoArtifact() {
        LesionImage img = clean();
        for (ArtifactDetector d : ArtifactQualityGate.defaultDetectors()) {
            Detection r = detect(d, img);
            assertFalse(r.present(), d.kind() + " fired on a clean lesion: raw " + r.raw() + " >= " + r.threshold());
        }
    }

    @Test
    void detectsDarkHairAcrossTheLesion() {
        Detection r = detect(new HairDetector(), SyntheticImages.lesion(W, H).hairs(6, 3).image());
        assertTrue(r.present(), "raw " + r.raw());
        assertTrue(Masks.area(r.mask()) > 0);
    }

    @Test
    void detectsRulerTicks() {
        Detection r = detect(new RulerDetector(), SyntheticImages.lesion(W, H).ruler().image());
        assertTrue(r.present(), "periodicity " + r.raw());
        assertTrue(Masks.area(r.mask()) > 0, "ruler mask should mark the tick row");
    }

    @Test
    void detectsVioletInk() {
        Detection r = detect(new InkDetector(), SyntheticImages.lesion(W, H).ink().image());
        assertTrue(r.present(), "raw " + r.raw());
    }

    @Test
    void detectsDarkCorners() {
        Detection r = detect(new DarkCornerDetector(), SyntheticImages.lesion(W, H).vignette().image());
        assertTrue(r.present(), "raw " + r.raw());
    }

    @Test
    void detectsGelBubbles() {
        Detection r = detect(new GelBubbleDetector(), SyntheticImages.lesion(W, H).bubbles(16).image());
        assertTrue(r.present(), "raw " + r.raw());
    }

    @Test
    void glintsOnTheLesionAreFluid() {
        LesionImage img = SyntheticImages.lesion(W, H).glintsOnLesion(40).image();
        Detection r = detect(new GelBubbleDetector(), img);
        assertTrue(r.present(), "raw " + r.raw());
        try (WorkingCopy wc = WorkingCopy.of(img)) {
            int found = SpecularSpots.find(wc).count();
            assertTrue(found >= 30 && found <= 40, "glints " + found);
        }
    }

    @Test
    void plainSkinAndLesionAreNotFluid() {
        Detection r = detect(new GelBubbleDetector(), SyntheticImages.lesion(W, H).image());
        assertFalse(r.present(), "raw " + r.raw());
    }

    @Test
    void fluidProbabilityRisesWithGlintsAndFallsWithAWideAperture() {
        assertTrue(GelBubbleDetector.fluidProbability(20, 0) > GelBubbleDetector.fluidProbability(2, 0));
        assertTrue(GelBubbleDetector.fluidProbability(20, 0.3) < GelBubbleDetector.fluidProbability(20, 0));
        assertTrue(GelBubbleDetector.fluidProbability(0, 0) < GelBubbleDetector.PRESENT_PROBABILITY);
    }

    @Test
    void detectsBlur() {
        Detection r = detect(new BlurDetector(), SyntheticImages.lesion(W, H).hairs(4, 3).blur(12).image());
        assertTrue(r.present(), "raw " + r.raw());
        assertFalse(detect(new BlurDetector(), SyntheticImages.lesion(W, H).hairs(4, 3).image()).present());
    }

    @Test
    void detectsGlare() {
        Detection r = detect(new ExposureDetector(), SyntheticImages.lesion(W, H).glare(0.3).image());
        assertTrue(r.present(), "raw " + r.raw());
    }

    @Test
    void detectsAFewRulerTicksAtTheBorderWithoutALine() {
        Detection r = detect(new RulerDetector(), SyntheticImages.lesion(W, H).borderTicks(6).image());
        assertTrue(r.present(), "raw " + r.raw());
        assertTrue(Masks.area(r.mask()) > 0);
    }

    @Test
    void scatteredShortMarksAreNotARuler() {
        Detection r = detect(new RulerDetector(), SyntheticImages.lesion(W, H).scatteredMarks(40).image());
        assertFalse(r.present(), "raw " + r.raw());
    }

    @Test
    void aSolidColouredStickerIsNotInk() {
        LesionImage img = SyntheticImages.lesion(W, H).blob(W * 0.85, H * 0.5, 90, 90, 40, 150, 210).image();
        Detection r = detect(new InkDetector(), img);
        assertFalse(r.present(), "raw " + r.raw());
    }

    @Test
    void shineAlongHairsIsNotGelBubbles() {
        Detection r = detect(new GelBubbleDetector(), SyntheticImages.lesion(W, H).shinyHairs(6).image());
        assertFalse(r.present(), "raw " + r.raw());
    }

    @Test
    void hairIsNotMistakenForInkOrRuler() {
        LesionImage img = SyntheticImages.lesion(W, H).hairs(6, 3).image();
        assertFalse(detect(new InkDetector(), img).present());
        assertFalse(detect(new RulerDetector(), img).present());
    }
}

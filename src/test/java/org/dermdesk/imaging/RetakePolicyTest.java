package org.dermdesk.imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.dermdesk.core.ArtifactFinding;
import org.dermdesk.core.ArtifactKind;
import org.dermdesk.core.LesionRegion;
import org.dermdesk.core.Mask;
import org.dermdesk.core.RetakeWording;
import org.junit.jupiter.api.Test;

class RetakePolicyTest {

    private static final int W = 100;
    private static final int H = 80;
    private final RetakePolicy policy = new RetakePolicy();

    /** A centred lesion (x 30..69, y 20..59) not touching the border. */
    private static LesionRegion centredLesion() {
        return lesion(30, 20, 40, 40);
    }

    private static LesionRegion lesion(int x0, int y0, int w, int h) {
        byte[] px = new byte[W * H];
        for (int y = y0; y < y0 + h; y++) {
            for (int x = x0; x < x0 + w; x++) {
                px[y * W + x] = (byte) 255;
            }
        }
        boolean touches = x0 == 0 || y0 == 0 || x0 + w == W || y0 + h == H;
        return new LesionRegion(new Mask(W, H, px), w * h, x0, y0, w, h, touches);
    }

    private static Map<ArtifactKind, ArtifactFinding> clean() {
        Map<ArtifactKind, ArtifactFinding> m = new EnumMap<>(ArtifactKind.class);
        for (ArtifactKind k : ArtifactKind.values()) {
            m.put(k, new ArtifactFinding(k, false, 0.1, k.localised() ? 0 : Double.NaN, k.localised() ? 0 : Double.NaN, null));
        }
        return m;
    }

    private static ArtifactFinding present(ArtifactKind k, double covImage, double covLesion) {
        return new ArtifactFinding(k, true, 0.8, covImage, covLesion, null);
    }

    @Test
    void cleanImageNeedsNoRetake() {
        assertEquals(List.of(), policy.reasons(clean(), centredLesion()));
    }

    @Test
    void hairOnAThirdOfTheLesionAsksForRetakeWithItsExtent() {
        Map<ArtifactKind, ArtifactFinding> f = clean();
        f.put(ArtifactKind.HAIR, present(ArtifactKind.HAIR, 0.1, 0.31));
        List<String> reasons = policy.reasons(f, centredLesion());
        assertEquals(1, reasons.size());
        assertEquals("Hair covers about 30% of the lesion — shave or use immersion fluid and retake.", reasons.get(0));
    }

    @Test
    void someHairBesideTheLesionIsAcceptable() {
        Map<ArtifactKind, ArtifactFinding> f = clean();
        f.put(ArtifactKind.HAIR, present(ArtifactKind.HAIR, 0.05, 0.02));
        f.put(ArtifactKind.RULER, present(ArtifactKind.RULER, 0.03, 0.0));
        f.put(ArtifactKind.GEL_BUBBLE, present(ArtifactKind.GEL_BUBBLE, 0.01, 0.0));
        f.put(ArtifactKind.DARK_CORNER, present(ArtifactKind.DARK_CORNER, 0.2, 0.0));
        assertEquals(List.of(), policy.reasons(f, centredLesion()));
    }

    /** Fluid glints on the lesion are often white scale or light hairs, not bubbles: shown, never a retake. */
    @Test
    void glintsOfImmersionFluidOnTheLesionAreNoReasonToRetake() {
        Map<ArtifactKind, ArtifactFinding> f = clean();
        f.put(ArtifactKind.GEL_BUBBLE, present(ArtifactKind.GEL_BUBBLE, 0.02, 0.30));
        assertEquals(List.of(), policy.reasons(f, centredLesion()));
    }

    @Test
    void rulerOrInkOnTheLesionAsksForRetake() {
        Map<ArtifactKind, ArtifactFinding> f = clean();
        f.put(ArtifactKind.RULER, present(ArtifactKind.RULER, 0.05, 0.2));
        f.put(ArtifactKind.INK, present(ArtifactKind.INK, 0.02, 0.1));
        List<String> reasons = policy.reasons(f, centredLesion());
        assertEquals(2, reasons.size());
        assertTrue(reasons.get(0).startsWith("A ruler or scale bar crosses the lesion"));
        assertTrue(reasons.get(1).startsWith("Ink marking lies over about 10% of the lesion"));
    }

    /** Runs along 17% of the frame (the left edge) and reaches 70% across the image. */
    @Test
    void lesionCutOffByTheBorderAsksForRetake() {
        List<String> reasons = policy.reasons(clean(), lesion(0, 10, 70, 60));
        assertEquals(1, reasons.size());
        assertTrue(reasons.get(0).contains("cut off"), reasons.get(0));
    }

    @Test
    void faintLesionAtTheBorderIsNotCalledCutOff() {
        assertEquals(List.of(), policy.reasons(clean(), lesion(0, 10, 70, 60), RetakePolicy.MIN_EDGE_CONTRAST - 1));
    }

    /** A clear mask along 24% of the frame that is only a strip 4 pixels deep: a leak, not a cut-off lesion. */
    @Test
    void shallowStripAlongTheFrameIsNotCalledCutOff() {
        byte[] px = lesion(30, 20, 40, 40).mask().pixels().clone();
        for (int y = H - 4; y < H; y++) {
            for (int x = 5; x < 90; x++) {
                px[y * W + x] = (byte) 255;
            }
        }
        for (int y = 60; y < H - 4; y++) {
            px[y * W + 50] = (byte) 255;
        }
        Mask m = new Mask(W, H, px);
        assertTrue(RetakePolicy.borderContact(m) >= 0.2, "contact " + RetakePolicy.borderContact(m));
        LesionRegion leak = new LesionRegion(m, 40 * 40 + 85 * 4 + 16, 5, 20, 85, 60, true);
        assertEquals(List.of(), policy.reasons(clean(), leak));
    }

    @Test
    void inwardReachIsTheMeanRunFromTheFrameAcrossTheImage() {
        assertEquals(0.0, RetakePolicy.inwardReach(centredLesion().mask()), 1e-9);
        // 60 left-edge pixels, each run 70 of 100 columns
        assertEquals(0.7, RetakePolicy.inwardReach(lesion(0, 10, 70, 60).mask()), 1e-9);
        // a band 4 rows deep along the whole bottom: 100 runs of 4/80 upwards, 4 + 4 runs of 100/100 sideways
        double expected = (100 * 4.0 / 80 + 8 * 1.0) / 108;
        assertEquals(expected, RetakePolicy.inwardReach(lesion(0, H - 4, W, 4).mask()), 1e-9);
    }

    @Test
    void lesionGrazingTheBorderIsAcceptable() {
        assertEquals(List.of(), policy.reasons(clean(), lesion(0, 30, 40, 10)));
    }

    @Test
    void missingLesionBlurAndExposureEachGiveAReason() {
        Map<ArtifactKind, ArtifactFinding> f = clean();
        f.put(ArtifactKind.BLUR, new ArtifactFinding(ArtifactKind.BLUR, true, 0.9, Double.NaN, Double.NaN, null));
        f.put(ArtifactKind.EXPOSURE, new ArtifactFinding(ArtifactKind.EXPOSURE, true, 0.7, Double.NaN, Double.NaN, null));
        List<String> reasons = policy.reasons(f, lesion(50, 40, 1, 1));
        assertEquals(3, reasons.size());
        assertTrue(reasons.get(0).startsWith("No lesion could be found"));
        assertTrue(reasons.get(1).contains("blurred"));
        assertTrue(reasons.get(2).contains("exposed"));
    }

    @Test
    void percentagesRoundToFive() {
        assertEquals("30%", RetakeWording.about(0.31));
        assertEquals("5%", RetakeWording.about(0.01));
        assertEquals("100%", RetakeWording.about(1.0));
    }
}

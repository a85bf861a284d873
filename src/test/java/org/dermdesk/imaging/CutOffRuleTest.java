package org.dermdesk.imaging;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.dermdesk.core.LesionImage;
import org.dermdesk.core.QualityReport;
import org.dermdesk.testsupport.SharedData;
import org.junit.jupiter.api.Test;

/** The "lesion cut off" retake rule on drawn images, and against the expert masks where the development data is present. */
class CutOffRuleTest {

    private static final int W = 400;
    private static final int H = 300;
    private final ArtifactQualityGate gate = new ArtifactQualityGate();

    private static boolean saysCutOff(QualityReport r) {
        return r.retakeReasons().stream().anyMatch(s -> s.contains("cut off"));
    }

    /** A large brown lesion whose left part lies outside the image: it runs along the left edge and far into the image. */
    @Test
    void lesionCutByTheFrameIsRetaken() {
        LesionImage img = new SyntheticImages(W, H).blob(0.35 * W, 0.5 * H, 0.45 * W, 0.45 * H, 125, 80, 55).image();
        QualityReport r = gate.assess(img);
        assertTrue(r.lesion().touchesBorder());
        assertTrue(saysCutOff(r), "reasons: " + r.retakeReasons());
    }

    /**
     * A centred lesion whose segmentation leaks into a shaded, paler strip along the bottom edge: the
     * mask runs along a quarter of the frame (the former rule called it cut off) but hugs the edge.
     */
    @Test
    void maskLeakingAlongAShadedStripAtTheFrameIsNotRetaken() {
        LesionImage img = new SyntheticImages(W, H)
                .blob(0.5 * W, 1.1 * H, 0.45 * W, 0.4 * H, 175, 135, 100)
                .blob(0.5 * W, 0.5 * H, 0.18 * W, 0.22 * H, 125, 80, 55).image();
        QualityReport r = gate.assess(img);
        try (WorkingCopy wc = WorkingCopy.of(img)) {
            byte[] working = new LesionSegmenter().segmentWorking(wc);
            double contrast = LesionSegmenter.edgeContrast(wc, working);
            assertTrue(CutOffEvaluation.formerRule(r.lesion().mask(), contrast),
                    "the drawing must make the segmentation leak to the frame: contact "
                            + RetakePolicy.borderContact(r.lesion().mask()) + ", contrast " + contrast);
        }
        assertFalse(saysCutOff(r), "reasons: " + r.retakeReasons());
    }

    /** On a sample of held-out HAM10000 images the rule agrees with the expert masks better than the former one. */
    @Test
    void agreesWithExpertMasksBetterThanTheFormerRule() {
        Path data = SharedData.dir();
        CutOffEvaluation.Agreement a = new CutOffEvaluation(data).heldOutHalf(400);
        assertTrue(a.images() >= 350 && a.positives() >= 10, "images " + a.images() + ", cut off " + a.positives());
        assertTrue(a.shipped().precision() >= 0.45, "precision " + a.shipped().precision());
        assertTrue(a.shipped().f1() > a.former().f1() + 0.1, "F1 " + a.shipped().f1() + " vs former " + a.former().f1());
    }
}

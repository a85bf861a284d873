package org.dermdesk.imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.dermdesk.core.ArtifactFinding;
import org.dermdesk.core.ArtifactKind;
import org.dermdesk.core.LesionImage;
import org.dermdesk.core.QualityReport;
import org.junit.jupiter.api.Test;

class ArtifactQualityGateTest {

    private final ArtifactQualityGate gate = new ArtifactQualityGate();

    @Test
    void cleanLesionPassesWithAllFindingsAndTheLesionFound() {
        QualityReport r = gate.assess(SyntheticImages.lesion(1024, 768).image());
        assertEquals(ArtifactKind.values().length, r.findings().size());
        assertFalse(r.retake(), "reasons: " + r.retakeReasons());
        assertTrue(r.retakeReasons().isEmpty());
        assertFalse(r.lesion().touchesBorder());
        double expected = Math.PI * 0.18 * 1024 * 0.22 * 768;
        assertEquals(expected, r.lesion().area(), expected * 0.1);
        assertEquals(512, r.lesion().x() + r.lesion().width() / 2.0, 10);
    }

    @Test
    void hairyLesionIsRetakenAndMasksAreFullSize() {
        LesionImage img = SyntheticImages.lesion(1024, 768).hairs(20, 5).image();
        QualityReport r = gate.assess(img);
        ArtifactFinding hair = r.finding(ArtifactKind.HAIR).orElseThrow();
        assertTrue(hair.present());
        assertNotNull(hair.mask());
        assertEquals(1024, hair.mask().width());
        assertEquals(768, hair.mask().height());
        assertTrue(hair.coverageLesion() > RetakePolicy.MAX_HAIR_ON_LESION, "coverage " + hair.coverageLesion());
        assertTrue(r.retake());
        assertTrue(r.retakeReasons().get(0).startsWith("Hair covers about"), r.retakeReasons().toString());
    }

    @Test
    void globalFindingsHaveNoMaskOrCoverage() {
        QualityReport r = gate.assess(SyntheticImages.lesion(640, 480).image());
        ArtifactFinding blur = r.finding(ArtifactKind.BLUR).orElseThrow();
        assertNull(blur.mask());
        assertTrue(Double.isNaN(blur.coverageImage()));
        for (ArtifactFinding f : r.findings().values()) {
            assertTrue(f.score() >= 0 && f.score() <= 1);
        }
    }
}

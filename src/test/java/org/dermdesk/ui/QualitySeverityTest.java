package org.dermdesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.dermdesk.core.ArtifactFinding;
import org.dermdesk.core.ArtifactKind;
import org.dermdesk.ui.QualityViewModel.Severity;
import org.junit.jupiter.api.Test;

class QualitySeverityTest {

    private static ArtifactFinding finding(ArtifactKind kind, double score, double image, double lesion) {
        return new ArtifactFinding(kind, true, score, image, lesion, null);
    }

    @Test
    void whatLiesOverTheLesionIsJudgedByHowMuchOfItItHides() {
        assertEquals(Severity.MILD, Severity.of(finding(ArtifactKind.HAIR, 0.97, 0.05, 0.02)), "a confident detector, little hair on the lesion");
        assertEquals(Severity.MODERATE, Severity.of(finding(ArtifactKind.INK, 0.6, 0.01, 0.05)));
        assertEquals(Severity.SEVERE, Severity.of(finding(ArtifactKind.RULER, 0.55, 0.03, 0.12)));
        assertEquals(Severity.MILD, Severity.of(finding(ArtifactKind.INK, 0.9, 0.01, 0.0)), "ink beside the lesion");
    }

    @Test
    void theApertureRimByTheImageItTakesAndBlurByItsSignal() {
        assertEquals(Severity.MILD, Severity.of(finding(ArtifactKind.DARK_CORNER, 0.62, 0.01, 0.0)));
        assertEquals(Severity.SEVERE, Severity.of(finding(ArtifactKind.DARK_CORNER, 0.9, 0.5, 0.3)));
        assertEquals(Severity.SEVERE, Severity.of(finding(ArtifactKind.BLUR, 0.85, Double.NaN, Double.NaN)));
        assertEquals(Severity.NONE, Severity.of(new ArtifactFinding(ArtifactKind.HAIR, false, 0.2, 0, 0, null)));
    }
}

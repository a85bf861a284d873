package org.dermdesk.imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.dermdesk.core.AnalysisResult;
import org.dermdesk.core.ChangeRule;
import org.dermdesk.core.ComparisonException;
import org.dermdesk.core.LesionComparer;
import org.dermdesk.core.LesionComparison;
import org.dermdesk.core.LesionImage;
import org.dermdesk.testsupport.FollowUpScenes;
import org.dermdesk.testsupport.FollowUpScenes.Shot;
import org.junit.jupiter.api.Test;

/** The whole comparison (the gate's outline and measurement, registration, rule) on drawn scenes. */
class FollowUpComparisonTest {

    private final FollowUpScenes scene = new FollowUpScenes(3);
    private final ArtifactQualityGate gate = new ArtifactQualityGate();
    private final LesionComparer comparer = new LesionComparer(new EccLesionRegistrar(), new ChangeRule());
    private final Shot base = Shot.plain(400, 300);

    private AnalysisResult analysed(Shot shot) {
        LesionImage img = scene.image(shot);
        return new AnalysisResult(java.nio.file.Path.of("scene.png"), "", img, gate.assess(img), img, false, null, org.dermdesk.core.CaseDetails.none(), Map.of());
    }

    @Test
    void theSameLesionReTakenReadsUnchanged() throws ComparisonException {
        LesionComparison c = comparer.compare(analysed(base), analysed(base.moved(30, 20, 25, 1.1).exposed(0.9)));
        assertTrue(c.registration().success(), c.registration().toString());
        assertTrue(c.sameLesion(), c.differentReasons().toString());
        assertFalse(c.changed(), c.changes().toString());
        assertTrue(Math.abs(c.areaChangePercent()) < 5, "area change " + c.areaChangePercent());
    }

    @Test
    void aLesionGrownByThirtyPercentReadsChanged() throws ComparisonException {
        LesionComparison c = comparer.compare(analysed(base), analysed(base.grown(1.3)));
        assertTrue(c.sameLesion(), c.differentReasons().toString());
        assertTrue(c.changed(), "area change " + c.areaChangePercent());
        assertEquals(30, c.areaChangePercent(), 5);
    }

    @Test
    void anImageWithoutALesionCannotBeCompared() {
        LesionImage img = scene.image(base);
        AnalysisResult noGate = new AnalysisResult(java.nio.file.Path.of("scene.png"), "", img, null, img, false, null, org.dermdesk.core.CaseDetails.none(), Map.of());
        ComparisonException e = org.junit.jupiter.api.Assertions.assertThrows(ComparisonException.class,
                () -> comparer.compare(noGate, analysed(base)));
        assertTrue(e.getMessage().startsWith("scene.png: no lesion"), e.getMessage());
    }
}

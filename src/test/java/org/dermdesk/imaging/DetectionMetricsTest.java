package org.dermdesk.imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DetectionMetricsTest {

    @Test
    void precisionRecallF1AndAuc() {
        double[] s = {0.1, 0.4, 0.35, 0.8};
        boolean[] y = {false, false, true, true};
        assertEquals(0.75, DetectionMetrics.auc(s, y), 1e-9);
        DetectionMetrics m = DetectionMetrics.at(s, y, 0.3);
        assertEquals(2.0 / 3, m.precision(), 1e-9);
        assertEquals(1.0, m.recall(), 1e-9);
        assertEquals(0.8, m.f1(), 1e-9);
        assertEquals(0.35, DetectionMetrics.bestF1Threshold(s, y), 1e-9);
    }

    @Test
    void tiesCountHalf() {
        assertEquals(0.5, DetectionMetrics.auc(new double[] {1, 1}, new boolean[] {true, false}), 1e-9);
    }

    @Test
    void splitIsDeterministicAndRoughlyHalf() {
        int held = 0;
        for (int i = 0; i < 1000; i++) {
            if (ArtifactEvaluation.heldOut("ISIC_" + i)) held++;
        }
        assertEquals(500, held, 60);
        assertEquals(ArtifactEvaluation.heldOut("ISIC_0000003"), ArtifactEvaluation.heldOut("ISIC_0000003"));
    }
}

package org.dermdesk.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class BinaryMetricsTest {

    @Test
    void aucOfPerfectRandomAndInvertedScores() {
        boolean[] y = {false, false, true, true};
        assertEquals(1.0, BinaryMetrics.auc(new double[] {0.1, 0.2, 0.8, 0.9}, y), 1e-12);
        assertEquals(0.0, BinaryMetrics.auc(new double[] {0.9, 0.8, 0.2, 0.1}, y), 1e-12);
        assertEquals(0.5, BinaryMetrics.auc(new double[] {0.5, 0.5, 0.5, 0.5}, y), 1e-12);
        // one of four positive/negative pairs misordered
        assertEquals(0.75, BinaryMetrics.auc(new double[] {0.1, 0.6, 0.5, 0.9}, y), 1e-12);
    }

    @Test
    void thresholdReachesTheRequestedSensitivity() {
        Random r = new Random(3);
        int n = 2000;
        double[] p = new double[n];
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i++) {
            y[i] = r.nextDouble() < 0.2;
            p[i] = Math.min(1, Math.max(0, (y[i] ? 0.65 : 0.35) + r.nextGaussian() * 0.2));
        }
        double t = BinaryMetrics.thresholdForSensitivity(p, y, 0.95);
        BinaryMetrics m = BinaryMetrics.of(p, y, t);
        assertTrue(m.sensitivity() >= 0.95, "sensitivity " + m.sensitivity());
        assertTrue(m.sensitivity() < 0.96, "no lower threshold than needed: " + m.sensitivity());
        assertEquals(m.specificity(), m.specificityAt95Sensitivity(), 1e-12);
    }

    @Test
    void confusionMatrixAndRates() {
        double[] p = {0.9, 0.4, 0.6, 0.1, 0.7};
        boolean[] y = {true, true, false, false, false};
        BinaryMetrics m = BinaryMetrics.of(p, y, 0.5);
        assertEquals(1, m.tp());
        assertEquals(1, m.fn());
        assertEquals(2, m.fp());
        assertEquals(1, m.tn());
        assertEquals(0.5, m.sensitivity(), 1e-12);
        assertEquals(1 / 3.0, m.specificity(), 1e-12);
    }

    @Test
    void calibrationErrorIsZeroForCalibratedBinsAndLargeForOverconfidence() {
        double[] p = new double[100];
        boolean[] y = new boolean[100];
        for (int i = 0; i < 100; i++) {
            p[i] = 0.3;
            y[i] = i < 30;
        }
        assertEquals(0.0, BinaryMetrics.expectedCalibrationError(p, y, 15), 1e-12);
        java.util.Arrays.fill(p, 0.99);
        assertEquals(0.69, BinaryMetrics.expectedCalibrationError(p, y, 15), 1e-9);
    }
}

package org.dermdesk.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class CalibrationTest {

    @Test
    void plattScalingRecoversTheTemperatureAndBiasThatGeneratedTheLabels() {
        Random r = new Random(11);
        int n = 20000;
        boolean[] y = new boolean[n];
        double[] z = new double[n];
        PlattScaling truth = new PlattScaling(2.5, -1.2);
        for (int i = 0; i < n; i++) {
            z[i] = r.nextGaussian() * 4;
            y[i] = r.nextDouble() < truth.apply(z[i]);
        }
        PlattScaling fitted = PlattScaling.fit(z, y);
        assertEquals(truth.temperature(), fitted.temperature(), 0.15);
        assertEquals(truth.bias(), fitted.bias(), 0.1);
        // a calibrated model has a small expected calibration error on its own labels
        double[] p = new double[n];
        for (int i = 0; i < n; i++) p[i] = fitted.apply(z[i]);
        assertTrue(BinaryMetrics.expectedCalibrationError(p, y, 15) < 0.02);
    }

    @Test
    void malignantShareSumsMelanomaBccAndAkiec() {
        double[] p = {0.4, 0.2, 0.1, 0.15, 0.05, 0.05, 0.05};
        assertEquals(0.4, Calibration.malignantShare(p), 1e-12);
        double[] soft = Calibration.softmax(new float[] {1, 2, 3, 0, 0, 0, 0}, 1);
        double sum = 0;
        for (double v : soft) sum += v;
        assertEquals(1.0, sum, 1e-12);
    }
}

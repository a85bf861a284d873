package org.dermdesk.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class CalibrationTest {

    @Test
    void recoversTheTemperatureThatGeneratedTheLabels() {
        Random r = new Random(11);
        int n = 20000;
        float[] logits = new float[n];
        boolean[] y = new boolean[n];
        double trueTemperature = 2.5;
        for (int i = 0; i < n; i++) {
            logits[i] = (float) (r.nextGaussian() * 4);
            y[i] = r.nextDouble() < Calibration.sigmoid(logits[i] / trueTemperature);
        }
        assertEquals(trueTemperature, Calibration.fitBinaryTemperature(logits, y), 0.15);
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

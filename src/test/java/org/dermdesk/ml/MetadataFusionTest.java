package org.dermdesk.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.dermdesk.core.PatientSex;
import org.junit.jupiter.api.Test;

class MetadataFusionTest {

    @Test
    void learnsThatRiskGrowsWithAgeWhenTheLabelsSaySo() {
        Random r = new Random(7);
        int n = 3000;
        double[] pImage = new double[n];
        Integer[] ages = new Integer[n];
        PatientSex[] sexes = new PatientSex[n];
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i++) {
            ages[i] = i % 10 == 0 ? null : 20 + r.nextInt(70);
            sexes[i] = r.nextBoolean() ? PatientSex.MALE : PatientSex.FEMALE;
            double trueLogOdds = -2 + (ages[i] == null ? 0 : (ages[i] - 50) / 10.0 * 0.6) + r.nextGaussian();
            y[i] = r.nextDouble() < Calibration.sigmoid(trueLogOdds);
            // the image sees a noisy version of the risk that ignores age
            pImage[i] = Calibration.sigmoid(-1.5 + 0.8 * r.nextGaussian() + (y[i] ? 1 : 0));
        }
        MetadataFusion fusion = MetadataFusion.fit(pImage, ages, sexes, y);
        assertTrue(fusion.agePerDecade() > 0.3, "age raises the risk: " + fusion);
        assertTrue(fusion.imageLogOdds() > 0.3, "the image still counts: " + fusion);
        assertTrue(fusion.apply(0.2, 80, PatientSex.FEMALE) > fusion.apply(0.2, 30, PatientSex.FEMALE));
        assertEquals(0.2, fusion.apply(0.2, null, PatientSex.MALE), 0, "without an age the image-only probability stands");
    }

    @Test
    void logisticRegressionRecoversKnownCoefficients() {
        Random r = new Random(3);
        int n = 20000;
        double[][] x = new double[n][];
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i++) {
            x[i] = new double[] {1, r.nextGaussian(), r.nextGaussian()};
            y[i] = r.nextDouble() < Calibration.sigmoid(-0.5 + 1.5 * x[i][1] - 1.0 * x[i][2]);
        }
        double[] w = LogisticRegression.fit(x, y, 1e-6);
        assertEquals(-0.5, w[0], 0.08);
        assertEquals(1.5, w[1], 0.08);
        assertEquals(-1.0, w[2], 0.08);
    }
}

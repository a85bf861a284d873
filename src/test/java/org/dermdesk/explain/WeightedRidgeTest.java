package org.dermdesk.explain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class WeightedRidgeTest {

    @Test
    void recoversKnownCoefficientsFromWeightedBinaryData() {
        Random r = new Random(3);
        int n = 500;
        int d = 12;
        double[] beta = new double[d];
        for (int j = 0; j < d; j++) {
            beta[j] = (j - 6) * 0.1;
        }
        double[][] x = new double[n][d];
        double[] y = new double[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = 0.3;
            for (int j = 0; j < d; j++) {
                x[i][j] = r.nextBoolean() ? 1 : 0;
                y[i] += beta[j] * x[i][j];
            }
            w[i] = 0.1 + r.nextDouble();
        }
        WeightedRidge.Fit fit = WeightedRidge.fit(x, y, w, 1e-9);
        assertArrayEquals(beta, fit.coefficients(), 1e-6);
        assertEquals(0.3, fit.intercept(), 1e-6);
        assertEquals(1.0, fit.r2(), 1e-9);
    }

    @Test
    void penaltyShrinksCoefficientsButNotTheIntercept() {
        double[][] x = {{0}, {1}, {0}, {1}};
        double[] y = {5, 7, 5, 7};
        double[] w = {1, 1, 1, 1};
        WeightedRidge.Fit exact = WeightedRidge.fit(x, y, w, 0);
        WeightedRidge.Fit shrunk = WeightedRidge.fit(x, y, w, 1);
        assertEquals(2, exact.coefficients()[0], 1e-12);
        assertEquals(5, exact.intercept(), 1e-12);
        // sum of squares of centred x is 1: beta = 2 * 1 / (1 + 1)
        assertEquals(1, shrunk.coefficients()[0], 1e-12);
        assertEquals(6 - 0.5, shrunk.intercept(), 1e-12);
        assertTrue(shrunk.r2() < 1);
    }

    @Test
    void spearmanHandlesTiesAndOrder() {
        assertEquals(1, RankStats.spearman(new double[] {1, 2, 3, 4}, new double[] {10, 20, 30, 40}), 1e-12);
        assertEquals(-1, RankStats.spearman(new double[] {1, 2, 3, 4}, new double[] {4, 3, 2, 1}), 1e-12);
        assertArrayEquals(new double[] {1.5, 1.5, 3}, RankStats.ranks(new double[] {5, 5, 7}), 1e-12);
    }
}

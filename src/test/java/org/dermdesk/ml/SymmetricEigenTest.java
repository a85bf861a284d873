package org.dermdesk.ml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SymmetricEigenTest {

    @Test
    void knownTwoByTwo() {
        SymmetricEigen e = SymmetricEigen.of(new double[][] {{2, 1}, {1, 2}});
        assertArrayEquals(new double[] {3, 1}, e.values(), 1e-12);
        double r = Math.sqrt(0.5);
        assertEquals(r, Math.abs(e.vectors()[0][0]), 1e-12);
        assertEquals(e.vectors()[0][0], e.vectors()[0][1], 1e-12, "the eigenvector of 3 is (1, 1)/sqrt 2");
        assertEquals(-e.vectors()[1][0], e.vectors()[1][1], 1e-12, "the eigenvector of 1 is (1, -1)/sqrt 2");
    }

    @Test
    void reconstructsARandomSymmetricMatrixFromOrthonormalVectors() {
        Random random = new Random(3);
        int n = 40;
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                a[i][j] = random.nextGaussian();
                a[j][i] = a[i][j];
            }
        }
        SymmetricEigen e = SymmetricEigen.of(a);
        for (int k = 1; k < n; k++) {
            assertTrue(e.values()[k - 1] >= e.values()[k], "eigenvalues descend");
        }
        for (int p = 0; p < n; p++) {
            for (int q = 0; q < n; q++) {
                double dot = 0;
                double rebuilt = 0;
                for (int k = 0; k < n; k++) {
                    dot += e.vectors()[p][k] * e.vectors()[q][k];
                    rebuilt += e.values()[k] * e.vectors()[k][p] * e.vectors()[k][q];
                }
                assertEquals(p == q ? 1 : 0, dot, 1e-10, "vectors " + p + " and " + q + " orthonormal");
                assertEquals(a[p][q], rebuilt, 1e-9, "entry " + p + "," + q + " rebuilt");
            }
        }
    }
}

package org.dermdesk.ml;

import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Eigenvalues and eigenvectors of a symmetric matrix (OpenCV's {@code eigen}), largest eigenvalue first.
 *
 * @param values  n eigenvalues, descending
 * @param vectors n rows, row k the unit eigenvector of values[k]
 */
record SymmetricEigen(double[] values, double[][] vectors) {

    static SymmetricEigen of(double[][] symmetric) {
        int n = symmetric.length;
        try (Mat a = new Mat(n, n, opencv_core.CV_64F); Mat values = new Mat(); Mat vectors = new Mat()) {
            try (DoubleIndexer in = a.createIndexer()) {
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        in.put(i, j, (symmetric[i][j] + symmetric[j][i]) / 2);
                    }
                }
            }
            if (!opencv_core.eigen(a, values, vectors)) {
                throw new IllegalArgumentException("no eigen-decomposition of a " + n + "x" + n + " matrix");
            }
            double[] v = new double[n];
            double[][] e = new double[n][n];
            try (DoubleIndexer vi = values.createIndexer(); DoubleIndexer ei = vectors.createIndexer()) {
                for (int k = 0; k < n; k++) {
                    v[k] = vi.get(k);
                    for (int j = 0; j < n; j++) {
                        e[k][j] = ei.get(k, j);
                    }
                }
            }
            return new SymmetricEigen(v, e);
        }
    }
}

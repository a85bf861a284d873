package org.dermdesk.ml;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * Squared Mahalanobis distance from a set of feature vectors: (x - mean)' S^-1 (x - mean), with the
 * covariance S shrunk towards its diagonal, (1 - a) S + a diag(S), so that it stays invertible with
 * fewer images than a rich feature space needs. Kept as the Cholesky factor L of S (S = L L'): the
 * distance is |z|^2 where L z = x - mean, one triangular solve per image.
 */
final class Mahalanobis {

    private final float[] mean;
    /** Lower triangle of L, row by row: row i holds i + 1 entries. */
    private final float[] cholesky;

    private Mahalanobis(float[] mean, float[] cholesky) {
        this.mean = mean;
        this.cholesky = cholesky;
    }

    static Mahalanobis fit(float[][] rows, double shrinkage) {
        int d = rows[0].length;
        double[] mean = new double[d];
        for (float[] r : rows) {
            for (int j = 0; j < d; j++) {
                mean[j] += r[j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= rows.length;
        }
        double[][] cov = new double[d][d];
        double[] centred = new double[d];
        for (float[] r : rows) {
            for (int j = 0; j < d; j++) {
                centred[j] = r[j] - mean[j];
            }
            for (int i = 0; i < d; i++) {
                double ci = centred[i];
                double[] row = cov[i];
                for (int j = 0; j <= i; j++) {
                    row[j] += ci * centred[j];
                }
            }
        }
        double[] packed = new double[d * (d + 1) / 2];
        for (int i = 0, k = 0; i < d; i++) {
            for (int j = 0; j <= i; j++, k++) {
                double c = cov[i][j] / (rows.length - 1);
                packed[k] = i == j ? c + 1e-6 : (1 - shrinkage) * c;
            }
        }
        float[] l = choleskyOf(packed, d);
        float[] m = new float[d];
        for (int j = 0; j < d; j++) {
            m[j] = (float) mean[j];
        }
        return new Mahalanobis(m, l);
    }

    /** In-place Cholesky of a packed lower-triangular symmetric positive definite matrix. */
    private static float[] choleskyOf(double[] a, int d) {
        for (int i = 0; i < d; i++) {
            int ri = i * (i + 1) / 2;
            for (int j = 0; j <= i; j++) {
                int rj = j * (j + 1) / 2;
                double s = a[ri + j];
                for (int k = 0; k < j; k++) {
                    s -= a[ri + k] * a[rj + k];
                }
                if (i == j) {
                    if (s <= 0) {
                        throw new IllegalArgumentException("covariance not positive definite at " + i);
                    }
                    a[ri + i] = Math.sqrt(s);
                } else {
                    a[ri + j] = s / a[rj + j];
                }
            }
        }
        float[] out = new float[a.length];
        for (int k = 0; k < a.length; k++) {
            out[k] = (float) a[k];
        }
        return out;
    }

    double squared(float[] x) {
        int d = mean.length;
        double[] z = new double[d];
        double sum = 0;
        for (int i = 0, ri = 0; i < d; ri += ++i) {
            double s = x[i] - mean[i];
            for (int k = 0; k < i; k++) {
                s -= cholesky[ri + k] * z[k];
            }
            z[i] = s / cholesky[ri + i];
            sum += z[i] * z[i];
        }
        return sum;
    }

    int dimension() {
        return mean.length;
    }

    void write(DataOutputStream out) throws IOException {
        ImageKindModel.writeFloats(out, mean);
        ImageKindModel.writeFloats(out, cholesky);
    }

    static Mahalanobis read(DataInputStream in, int d) throws IOException {
        float[] mean = ImageKindModel.floats(in, d);
        float[] l = ImageKindModel.floats(in, d * (d + 1) / 2);
        return new Mahalanobis(mean, l);
    }
}

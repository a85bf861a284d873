package org.dermdesk.ml;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * Squared Mahalanobis distance from a set of feature vectors: (x - mean)' S^-1 (x - mean), with the
 * covariance S shrunk towards its diagonal, (1 - a) S + a diag(S), so that it stays invertible with
 * fewer images than a rich feature space needs. Kept as the Cholesky factor L of S (S = L L'): the
 * distance is |z|^2 where L z = x - mean, one triangular solve per image.
 *
 * <p>With groups (for example source by benign/malignant) the vectors keep one mean per group and share
 * the pooled within-group covariance; the distance is the one to the nearest group mean. Training images
 * form clusters (one per collection and class), and a single mean between them calls an image from a
 * well-represented cluster farther away than one lying between clusters.
 */
final class Mahalanobis {

    /** One row per group. */
    private final float[][] means;
    /** Lower triangle of L, row by row: row i holds i + 1 entries. */
    private final float[] cholesky;
    /** L^-1 mean per group, so that an image needs one triangular solve whatever the number of groups. */
    private final double[][] whitenedMeans;

    private Mahalanobis(float[][] means, float[] cholesky) {
        this.means = means;
        this.cholesky = cholesky;
        this.whitenedMeans = new double[means.length][];
        for (int g = 0; g < means.length; g++) {
            whitenedMeans[g] = whiten(means[g]);
        }
    }

    static Mahalanobis fit(float[][] rows, double shrinkage) {
        return fit(rows, new int[rows.length], shrinkage);
    }

    /** Fits one mean per group (groups numbered from 0) and the pooled within-group covariance. */
    static Mahalanobis fit(float[][] rows, int[] group, double shrinkage) {
        int d = rows[0].length;
        int groups = 0;
        for (int g : group) {
            groups = Math.max(groups, g + 1);
        }
        double[][] mean = new double[groups][d];
        int[] count = new int[groups];
        for (int r = 0; r < rows.length; r++) {
            count[group[r]]++;
            for (int j = 0; j < d; j++) {
                mean[group[r]][j] += rows[r][j];
            }
        }
        for (int g = 0; g < groups; g++) {
            if (count[g] == 0) {
                throw new IllegalArgumentException("group " + g + " has no rows");
            }
            for (int j = 0; j < d; j++) {
                mean[g][j] /= count[g];
            }
        }
        double[][] cov = new double[d][d];
        double[] centred = new double[d];
        for (int r = 0; r < rows.length; r++) {
            double[] m = mean[group[r]];
            for (int j = 0; j < d; j++) {
                centred[j] = rows[r][j] - m[j];
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
        int degreesOfFreedom = rows.length - groups;
        for (int i = 0, k = 0; i < d; i++) {
            for (int j = 0; j <= i; j++, k++) {
                double c = cov[i][j] / degreesOfFreedom;
                packed[k] = i == j ? c + 1e-6 : (1 - shrinkage) * c;
            }
        }
        float[] l = choleskyOf(packed, d);
        float[][] m = new float[groups][d];
        for (int g = 0; g < groups; g++) {
            for (int j = 0; j < d; j++) {
                m[g][j] = (float) mean[g][j];
            }
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

    /** z with L z = x (forward substitution). */
    private double[] whiten(float[] x) {
        int d = x.length;
        double[] z = new double[d];
        for (int i = 0, ri = 0; i < d; ri += ++i) {
            double s = x[i];
            for (int k = 0; k < i; k++) {
                s -= cholesky[ri + k] * z[k];
            }
            z[i] = s / cholesky[ri + i];
        }
        return z;
    }

    /** The squared distance to the nearest group mean. */
    double squared(float[] x) {
        double[] z = whiten(x);
        double nearest = Double.POSITIVE_INFINITY;
        for (double[] w : whitenedMeans) {
            double sum = 0;
            for (int i = 0; i < z.length; i++) {
                double e = z[i] - w[i];
                sum += e * e;
            }
            nearest = Math.min(nearest, sum);
        }
        return nearest;
    }

    int dimension() {
        return means[0].length;
    }

    int groups() {
        return means.length;
    }

    /** Writes the means and the factor; the caller writes the dimension and the number of groups first. */
    void write(DataOutputStream out) throws IOException {
        for (float[] m : means) {
            ImageKindModel.writeFloats(out, m);
        }
        ImageKindModel.writeFloats(out, cholesky);
    }

    /** Reads what {@link #write} wrote. */
    static Mahalanobis read(DataInputStream in, int d, int groups) throws IOException {
        if (groups < 1 || groups > 1000) {
            throw new IOException("implausible number of feature groups " + groups);
        }
        float[][] means = new float[groups][];
        for (int g = 0; g < groups; g++) {
            means[g] = ImageKindModel.floats(in, d);
        }
        return new Mahalanobis(means, ImageKindModel.floats(in, d * (d + 1) / 2));
    }
}

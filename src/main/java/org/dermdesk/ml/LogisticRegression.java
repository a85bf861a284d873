package org.dermdesk.ml;

/**
 * Maximum-likelihood logistic regression by Newton's method (iteratively reweighted least squares)
 * with a small ridge penalty on every coefficient but the intercept (column 0 of each row is 1).
 * Meant for a handful of features and a few thousand rows.
 */
public final class LogisticRegression {

    private LogisticRegression() {
    }

    public static double[] fit(double[][] x, boolean[] y, double ridge) {
        int d = x[0].length;
        double[] w = new double[d];
        for (int iter = 0; iter < 100; iter++) {
            double[] gradient = new double[d];
            double[][] hessian = new double[d][d];
            for (int n = 0; n < x.length; n++) {
                double p = Calibration.sigmoid(dot(w, x[n]));
                double r = p - (y[n] ? 1 : 0);
                double v = p * (1 - p);
                for (int j = 0; j < d; j++) {
                    gradient[j] += r * x[n][j];
                    for (int k = 0; k < d; k++) {
                        hessian[j][k] += v * x[n][j] * x[n][k];
                    }
                }
            }
            for (int j = 0; j < d; j++) {
                gradient[j] += j == 0 ? 0 : ridge * w[j];
                hessian[j][j] += j == 0 ? 1e-9 : ridge;
            }
            double[] step = solve(hessian, gradient);
            double largest = 0;
            for (int j = 0; j < d; j++) {
                w[j] -= step[j];
                largest = Math.max(largest, Math.abs(step[j]));
            }
            if (largest < 1e-10) {
                break;
            }
        }
        return w;
    }

    public static double dot(double[] w, double[] x) {
        double s = 0;
        for (int j = 0; j < w.length; j++) {
            s += w[j] * x[j];
        }
        return s;
    }

    /** Gaussian elimination with partial pivoting; the system is small and positive definite. */
    private static double[] solve(double[][] matrix, double[] rhs) {
        int n = rhs.length;
        double[][] a = new double[n][];
        for (int i = 0; i < n; i++) {
            a[i] = matrix[i].clone();
        }
        double[] b = rhs.clone();
        for (int c = 0; c < n; c++) {
            int pivot = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(a[r][c]) > Math.abs(a[pivot][c])) pivot = r;
            }
            double[] row = a[c];
            a[c] = a[pivot];
            a[pivot] = row;
            double t = b[c];
            b[c] = b[pivot];
            b[pivot] = t;
            for (int r = c + 1; r < n; r++) {
                double f = a[r][c] / a[c][c];
                for (int k = c; k < n; k++) a[r][k] -= f * a[c][k];
                b[r] -= f * b[c];
            }
        }
        double[] out = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double s = b[i];
            for (int k = i + 1; k < n; k++) s -= a[i][k] * out[k];
            out[i] = s / a[i][i];
        }
        return out;
    }
}

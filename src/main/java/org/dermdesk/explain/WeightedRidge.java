package org.dermdesk.explain;

/**
 * Weighted ridge regression with an unpenalised intercept, solved by the normal equations and a
 * Cholesky factorisation (the systems here are at most a few hundred unknowns).
 */
public final class WeightedRidge {

    /** A fitted linear model. */
    public record Fit(double[] coefficients, double intercept, double r2) {

        public double predict(double[] x) {
            double s = intercept;
            for (int j = 0; j < x.length; j++) {
                s += coefficients[j] * x[j];
            }
            return s;
        }
    }

    private WeightedRidge() {
    }

    /**
     * Minimises sum_i w_i (y_i - b - x_i.beta)^2 + alpha |beta|^2.
     *
     * @param x rows are samples, columns features
     */
    public static Fit fit(double[][] x, double[] y, double[] w, double alpha) {
        int n = x.length;
        if (n == 0 || y.length != n || w.length != n) {
            throw new IllegalArgumentException("x, y and w must have the same, non-zero number of rows");
        }
        int d = x[0].length;
        double sw = 0;
        double ybar = 0;
        double[] xbar = new double[d];
        for (int i = 0; i < n; i++) {
            sw += w[i];
            ybar += w[i] * y[i];
            for (int j = 0; j < d; j++) {
                xbar[j] += w[i] * x[i][j];
            }
        }
        if (!(sw > 0)) {
            throw new IllegalArgumentException("sample weights must sum to a positive number");
        }
        ybar /= sw;
        for (int j = 0; j < d; j++) {
            xbar[j] /= sw;
        }
        double[] a = new double[d * d];
        double[] rhs = new double[d];
        double[] xc = new double[d];
        for (int i = 0; i < n; i++) {
            double wi = w[i];
            if (wi == 0) {
                continue;
            }
            for (int j = 0; j < d; j++) {
                xc[j] = x[i][j] - xbar[j];
            }
            double yc = (y[i] - ybar) * wi;
            for (int j = 0; j < d; j++) {
                double v = xc[j] * wi;
                if (v == 0) {
                    continue;
                }
                rhs[j] += xc[j] * yc;
                int row = j * d;
                for (int k = j; k < d; k++) {
                    a[row + k] += v * xc[k];
                }
            }
        }
        for (int j = 0; j < d; j++) {
            a[j * d + j] += alpha;
            for (int k = 0; k < j; k++) {
                a[j * d + k] = a[k * d + j];
            }
        }
        double[] beta = choleskySolve(a, rhs, d);
        double intercept = ybar;
        for (int j = 0; j < d; j++) {
            intercept -= beta[j] * xbar[j];
        }
        double ssRes = 0;
        double ssTot = 0;
        for (int i = 0; i < n; i++) {
            double p = intercept;
            for (int j = 0; j < d; j++) {
                p += beta[j] * x[i][j];
            }
            ssRes += w[i] * (y[i] - p) * (y[i] - p);
            ssTot += w[i] * (y[i] - ybar) * (y[i] - ybar);
        }
        double r2 = ssTot > 0 ? 1 - ssRes / ssTot : 0;
        return new Fit(beta, intercept, r2);
    }

    /** Solves A x = b for symmetric positive definite A (row-major d x d); A is overwritten. */
    static double[] choleskySolve(double[] a, double[] b, int d) {
        for (int j = 0; j < d; j++) {
            double s = a[j * d + j];
            for (int k = 0; k < j; k++) {
                s -= a[j * d + k] * a[j * d + k];
            }
            if (!(s > 0)) {
                throw new ArithmeticException("matrix is not positive definite (column " + j + ")");
            }
            double ljj = Math.sqrt(s);
            a[j * d + j] = ljj;
            for (int i = j + 1; i < d; i++) {
                double t = a[i * d + j];
                for (int k = 0; k < j; k++) {
                    t -= a[i * d + k] * a[j * d + k];
                }
                a[i * d + j] = t / ljj;
            }
        }
        double[] z = new double[d];
        for (int i = 0; i < d; i++) {
            double t = b[i];
            for (int k = 0; k < i; k++) {
                t -= a[i * d + k] * z[k];
            }
            z[i] = t / a[i * d + i];
        }
        double[] x = new double[d];
        for (int i = d - 1; i >= 0; i--) {
            double t = z[i];
            for (int k = i + 1; k < d; k++) {
                t -= a[k * d + i] * x[k];
            }
            x[i] = t / a[i * d + i];
        }
        return x;
    }
}

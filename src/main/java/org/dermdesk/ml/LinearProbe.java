package org.dermdesk.ml;


/**
 * Logistic regression for many features (hundreds) and tens of thousands of rows: inputs standardised,
 * classes weighted to count equally, an L2 penalty, fitted by full-batch Adam (Newton's method, as
 * {@link LogisticRegression} does, would need a d x d system per step).
 *
 * @param mean    per-feature mean the weights expect subtracted
 * @param scale   per-feature standard deviation the centred features are divided by
 * @param weights one weight per standardised feature
 * @param bias    the intercept
 */
record LinearProbe(float[] mean, float[] scale, float[] weights, float bias) {

    static LinearProbe fit(float[][] x, boolean[] y, double l2, int steps) {
        int n = x.length;
        int d = x[0].length;
        float[] mean = new float[d];
        float[] scale = new float[d];
        for (float[] r : x) {
            for (int j = 0; j < d; j++) {
                mean[j] += r[j] / n;
            }
        }
        for (float[] r : x) {
            for (int j = 0; j < d; j++) {
                scale[j] += (r[j] - mean[j]) * (r[j] - mean[j]) / n;
            }
        }
        for (int j = 0; j < d; j++) {
            scale[j] = (float) Math.max(Math.sqrt(scale[j]), 1e-6);
        }
        float[][] z = new float[n][d];
        int positives = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                z[i][j] = (x[i][j] - mean[j]) / scale[j];
            }
            positives += y[i] ? 1 : 0;
        }
        // each class weighs half of the loss, whatever its count
        double wPos = positives == 0 ? 0 : 0.5 / positives;
        double wNeg = positives == n ? 0 : 0.5 / (n - positives);
        double[] w = new double[d + 1];
        double[] m = new double[d + 1];
        double[] v = new double[d + 1];
        double lr = 0.05;
        double b1 = 0.9;
        double b2 = 0.999;
        for (int t = 1; t <= steps; t++) {
            double[] g = new double[d + 1];
            for (int i = 0; i < n; i++) {
                double s = w[d];
                float[] r = z[i];
                for (int j = 0; j < d; j++) {
                    s += w[j] * r[j];
                }
                double err = (Calibration.sigmoid(s) - (y[i] ? 1 : 0)) * (y[i] ? wPos : wNeg);
                for (int j = 0; j < d; j++) {
                    g[j] += err * r[j];
                }
                g[d] += err;
            }
            for (int j = 0; j <= d; j++) {
                double gj = g[j] + (j < d ? l2 * w[j] : 0);
                m[j] = b1 * m[j] + (1 - b1) * gj;
                v[j] = b2 * v[j] + (1 - b2) * gj * gj;
                double mh = m[j] / (1 - Math.pow(b1, t));
                double vh = v[j] / (1 - Math.pow(b2, t));
                w[j] -= lr * (0.1 + 0.9 * (1 - (double) t / steps)) * mh / (Math.sqrt(vh) + 1e-8);
            }
        }
        float[] weights = new float[d];
        for (int j = 0; j < d; j++) {
            weights[j] = (float) w[j];
        }
        return new LinearProbe(mean, scale, weights, (float) w[d]);
    }

    double logit(float[] x) {
        double s = bias;
        for (int j = 0; j < weights.length; j++) {
            s += weights[j] * (x[j] - mean[j]) / scale[j];
        }
        return s;
    }

    double probability(float[] x) {
        return Calibration.sigmoid(logit(x));
    }

}

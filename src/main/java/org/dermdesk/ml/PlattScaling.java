package org.dermdesk.ml;

/**
 * Post-hoc calibration of a malignancy logit {@code z}: {@code p = sigmoid(z / temperature + bias)}.
 * The bias matters because class-weighted training shifts every logit; a temperature alone cannot
 * undo that shift (Platt 1999; Guo et al. 2017 is the bias-free special case).
 */
public record PlattScaling(double temperature, double bias) {

    public static final PlattScaling IDENTITY = new PlattScaling(1, 0);

    public double apply(double z) {
        return Calibration.sigmoid(z / temperature + bias);
    }

    /**
     * Maximum-likelihood fit on validation logits and labels (a logistic regression of the label on
     * the logit, by Newton's method from zero, where it converges). Scores that rank validation
     * backwards (only seen in few-step smoke training) keep their slope of one and get the bias alone.
     */
    public static PlattScaling fit(double[] z, boolean[] y) {
        double[][] rows = new double[z.length][];
        for (int i = 0; i < z.length; i++) {
            rows[i] = new double[] {1, z[i]};
        }
        double[] w = LogisticRegression.fit(rows, y, 0);
        double a = w[1];
        if (!(a > 1e-6)) {
            return new PlattScaling(1, fitBias(z, y));
        }
        return new PlattScaling(1 / a, w[0]);
    }

    private static double fitBias(double[] z, boolean[] y) {
        double b = 0;
        for (int iter = 0; iter < 100; iter++) {
            double g = 0;
            double h = 1e-9;
            for (int i = 0; i < z.length; i++) {
                double p = Calibration.sigmoid(z[i] + b);
                g += p - (y[i] ? 1 : 0);
                h += p * (1 - p);
            }
            b -= g / h;
            if (Math.abs(g / h) < 1e-9) {
                break;
            }
        }
        return b;
    }
}

package org.dermdesk.ml;

import org.dermdesk.core.PatientSex;

/**
 * Combines the image's calibrated probability with the patient's age and sex, when the age is known:
 * {@code p = sigmoid(intercept + imageLogOdds * logit(p_image) + agePerDecade * (age - 50) / 10
 * + male * [male] + female * [female])}, fitted on the validation split (a logistic regression
 * stacked on the network, so the network itself never sees metadata). Melanoma, BCC and actinic
 * keratosis all grow more common with age; the image alone cannot know the patient is 80.
 * Without an age the image-only probability stands unchanged.
 */
public record MetadataFusion(double intercept, double imageLogOdds, double agePerDecade, double male, double female) {

    /** Ridge penalty of the stacked regression: keeps a rare sex/age pattern from swinging the weights. */
    static final double RIDGE = 1.0;

    /** The probability for a patient of this age and sex; the image-only probability when the age is unknown. */
    public double apply(double pImage, Integer age, PatientSex sex) {
        if (age == null) {
            return pImage;
        }
        return Calibration.sigmoid(LogisticRegression.dot(coefficients(), features(pImage, age, sex)));
    }

    static MetadataFusion fit(double[] pImage, Integer[] ages, PatientSex[] sexes, boolean[] y) {
        int n = 0;
        for (Integer age : ages) if (age != null) n++;
        double[][] x = new double[n][];
        boolean[] labels = new boolean[n];
        int k = 0;
        for (int i = 0; i < pImage.length; i++) {
            if (ages[i] != null) {
                x[k] = features(pImage[i], ages[i], sexes[i]);
                labels[k++] = y[i];
            }
        }
        double[] w = LogisticRegression.fit(x, labels, RIDGE);
        return new MetadataFusion(w[0], w[1], w[2], w[3], w[4]);
    }

    private double[] coefficients() {
        return new double[] {intercept, imageLogOdds, agePerDecade, male, female};
    }

    private static double[] features(double pImage, int age, PatientSex sex) {
        double p = Math.min(1 - 1e-12, Math.max(1e-12, pImage));
        return new double[] {1, Math.log(p / (1 - p)), (age - 50) / 10.0,
                sex == PatientSex.MALE ? 1 : 0, sex == PatientSex.FEMALE ? 1 : 0};
    }
}

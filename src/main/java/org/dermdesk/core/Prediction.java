package org.dermdesk.core;

import java.util.Map;

/**
 * What the classifier says about one image.
 *
 * @param pMalignant calibrated probability that the lesion is malignant (mel, bcc or akiec), 0..1
 * @param threshold  the operating threshold the verdict was taken at
 * @param diagnoses  probabilities of the seven HAM10000 diagnoses; empty for a binary-only model
 * @param model      which model said it
 */
public record Prediction(double pMalignant, double threshold, Map<Diagnosis, Double> diagnoses, ModelInfo model) {

    public Prediction {
        if (!(pMalignant >= 0 && pMalignant <= 1)) {
            throw new IllegalArgumentException("probability out of range: " + pMalignant);
        }
        diagnoses = Map.copyOf(diagnoses);
    }

    /** True when the probability reaches the operating threshold: the image is called suspicious. */
    public boolean malignant() {
        return pMalignant >= threshold;
    }

    /** The same prediction judged at another threshold (a user preference), never silently. */
    public Prediction atThreshold(double newThreshold) {
        return new Prediction(pMalignant, newThreshold, diagnoses, model);
    }
}

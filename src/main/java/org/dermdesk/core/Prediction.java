package org.dermdesk.core;

import java.util.Map;

/**
 * What the classifier says about one image.
 *
 * @param pMalignant calibrated probability that the lesion is malignant (mel, bcc or akiec), 0..1
 * @param threshold  the operating threshold the verdict was taken at
 * @param diagnoses  probabilities of the seven HAM10000 diagnoses; empty for a binary-only model
 * @param model      which model said it
 * @param imageOnlyPMalignant the probability from the image alone when {@code pMalignant} also weighs
 *                   the patient's age and sex; null when {@code pMalignant} is the image-only probability
 * @param suitability whether the image is dermoscopic and like the training images; null when the model has
 *                    no such check
 * @param appearance  the network's pooled features of the image (for follow-up comparison); null when the
 *                    model has none
 */
public record Prediction(double pMalignant, double threshold, Map<Diagnosis, Double> diagnoses, ModelInfo model,
                         Double imageOnlyPMalignant, ImageSuitability suitability, Appearance appearance) {

    public Prediction {
        if (!(pMalignant >= 0 && pMalignant <= 1)) {
            throw new IllegalArgumentException("probability out of range: " + pMalignant);
        }
        diagnoses = Map.copyOf(diagnoses);
    }

    /** A prediction without the network's features. */
    public Prediction(double pMalignant, double threshold, Map<Diagnosis, Double> diagnoses, ModelInfo model,
                      Double imageOnlyPMalignant, ImageSuitability suitability) {
        this(pMalignant, threshold, diagnoses, model, imageOnlyPMalignant, suitability, null);
    }

    /** An image-only prediction. */
    public Prediction(double pMalignant, double threshold, Map<Diagnosis, Double> diagnoses, ModelInfo model) {
        this(pMalignant, threshold, diagnoses, model, null, null);
    }

    /** A prediction that may weigh the patient, without a suitability check. */
    public Prediction(double pMalignant, double threshold, Map<Diagnosis, Double> diagnoses, ModelInfo model,
                      Double imageOnlyPMalignant) {
        this(pMalignant, threshold, diagnoses, model, imageOnlyPMalignant, null);
    }

    /** This prediction with the model's judgement of whether the image suits it. */
    public Prediction withSuitability(ImageSuitability s) {
        return new Prediction(pMalignant, threshold, diagnoses, model, imageOnlyPMalignant, s, appearance);
    }

    /** This prediction with the network's view of the image. */
    public Prediction withAppearance(Appearance a) {
        return new Prediction(pMalignant, threshold, diagnoses, model, imageOnlyPMalignant, suitability, a);
    }

    /** False only when the image was checked and found not dermoscopic: the probability then does not apply. */
    public boolean appliesToImage() {
        return suitability == null || suitability.dermoscopic();
    }

    /**
     * True when the image is dermoscopic but unlike the training images: the probability stands, with extra caution
     * (a non-dermoscopic image has no probability to be cautious about).
     */
    public boolean unfamiliar() {
        return appliesToImage() && suitability != null && suitability.unfamiliar();
    }

    /** True when the probability weighs the patient's age and sex besides the image. */
    public boolean adjustedForPatient() {
        return imageOnlyPMalignant != null;
    }

    /** The probability from the image alone, whether or not this prediction was adjusted for the patient. */
    public double imagePMalignant() {
        return imageOnlyPMalignant == null ? pMalignant : imageOnlyPMalignant;
    }

    /** The prediction from the image alone: this one when it was not adjusted for the patient. */
    public Prediction imageOnly() {
        return adjustedForPatient() ? new Prediction(imageOnlyPMalignant, threshold, diagnoses, model, null, suitability, appearance) : this;
    }

    /** This image's prediction with a probability that also weighs the patient; the image-only figure is kept. */
    public Prediction withPatientProbability(double p) {
        return new Prediction(p, threshold, diagnoses, model, imagePMalignant(), suitability, appearance);
    }

    /** True when the probability reaches the operating threshold: the image is called suspicious. */
    public boolean malignant() {
        return pMalignant >= threshold;
    }

    /** The same prediction judged at another threshold (a user preference), never silently. */
    public Prediction atThreshold(double newThreshold) {
        return new Prediction(pMalignant, newThreshold, diagnoses, model, imageOnlyPMalignant, suitability, appearance);
    }
}

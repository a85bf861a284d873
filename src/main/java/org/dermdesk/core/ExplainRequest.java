package org.dermdesk.core;

import java.util.Objects;

/**
 * What the explainer gets: the image, the prediction to explain, the quality report (for the
 * artifact and lesion masks; null when no gate is wired), the classifier to use as the batch model
 * function (call it only from the calling thread), and the user's sample count preference.
 */
public record ExplainRequest(LesionImage image, Prediction prediction, QualityReport quality,
                             LesionClassifier classifier, int samples) {

    /**
     * Perturbation samples per explanation unless the user chooses otherwise: the fewest that keep the map
     * stable between seeds (Spearman >= 0.85) with the shipped model, so that an explanation stays quick
     * (model card of mobilenet-v2-ft-128, "Speed and memory": measured with bench-explain).
     */
    public static final int DEFAULT_SAMPLES = 500;

    public ExplainRequest {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(prediction, "prediction");
        Objects.requireNonNull(classifier, "classifier");
        if (samples < 1) {
            throw new IllegalArgumentException("samples must be positive: " + samples);
        }
    }
}

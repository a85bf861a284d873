package org.dermdesk.core;

import java.util.List;

/**
 * A benign-vs-malignant classifier. Implementations are thread-confined unless they say otherwise;
 * the explainer uses {@link #predictBatch} as its model function.
 */
public interface LesionClassifier extends AutoCloseable {

    ModelInfo info();

    /** The documented operating threshold of the model (from its model card). */
    double threshold();

    /**
     * Side of the square input the classifier resizes every whole image to by area averaging, or 0
     * when it does not say: the explainer then builds its perturbations directly at that size.
     */
    default int inputSize() {
        return 0;
    }

    /** Whether {@link #predictBatch} may be called from several threads at once. */
    default boolean isThreadSafe() {
        return false;
    }

    /** Predictions for a batch of images, in order; the batch may be of any size. */
    List<Prediction> predictBatch(List<LesionImage> images);

    /**
     * Just the calibrated probabilities of malignancy, image alone: what the explainer needs of its many
     * perturbed samples, without any per-image check a full prediction carries.
     */
    default double[] probabilities(List<LesionImage> images) {
        return predictBatch(images).stream().mapToDouble(Prediction::pMalignant).toArray();
    }

    default Prediction predict(LesionImage image) {
        return predictBatch(List.of(image)).get(0);
    }

    /**
     * The image's prediction adjusted for what is known of the patient (age, sex), where the model has a
     * fitted adjustment and the age is given; otherwise the image-only prediction. Takes an adjusted or
     * an image-only prediction alike. Cheap and thread-safe: no network pass, so it can follow every
     * edit of the case details.
     */
    default Prediction forPatient(Prediction prediction, CaseDetails details) {
        return prediction.imageOnly();
    }

    @Override
    void close();
}

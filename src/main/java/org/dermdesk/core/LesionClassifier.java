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

    /** Predictions for a batch of images, in order; the batch may be of any size. */
    List<Prediction> predictBatch(List<LesionImage> images);

    default Prediction predict(LesionImage image) {
        return predictBatch(List.of(image)).get(0);
    }

    @Override
    void close();
}

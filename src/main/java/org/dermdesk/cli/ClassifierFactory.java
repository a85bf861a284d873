package org.dermdesk.cli;

import java.nio.file.Path;
import org.dermdesk.core.LesionClassifier;
import org.dermdesk.ml.DjlLesionClassifier;
import org.dermdesk.ml.ModelLocator;

/** Opens the classifier a command explains; tests pass in a fake one. */
@FunctionalInterface
public interface ClassifierFactory {

    /** Opens the model in {@code modelDir}, or the default model when it is null. */
    LesionClassifier open(Path modelDir) throws Exception;

    /** The shipped DJL model (or the one in {@code modelDir}). */
    static ClassifierFactory djl() {
        return modelDir -> DjlLesionClassifier.open(modelDir != null ? modelDir : ModelLocator.defaultModelDir());
    }
}

package org.dermdesk.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.dermdesk.core.AnalysisResult;
import org.dermdesk.core.Analyzer;
import org.dermdesk.imaging.ImageLoader;
import org.dermdesk.ml.DjlLesionClassifier;
import org.dermdesk.ml.ModelLoadException;

/** The headless pipeline: the shipped model and the image loader wired into an {@link Analyzer}. */
final class Pipeline implements AutoCloseable {

    private final DjlLesionClassifier classifier;
    private final Analyzer analyzer;

    private Pipeline(DjlLesionClassifier classifier) {
        this.classifier = classifier;
        this.analyzer = new Analyzer(ImageLoader::load, null, classifier);
    }

    static Pipeline open(Path modelDir) throws ModelLoadException {
        return new Pipeline(DjlLesionClassifier.open(modelDir));
    }

    Analyzer analyzer() {
        return analyzer;
    }

    DjlLesionClassifier classifier() {
        return classifier;
    }

    ObjectNode toJson(AnalysisResult result) {
        return AnalysisJson.ok(result);
    }

    @Override
    public void close() {
        classifier.close();
    }
}

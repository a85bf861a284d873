package org.dermdesk.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.dermdesk.core.AnalysisResult;
import org.dermdesk.core.Analyzer;
import org.dermdesk.imaging.ArtifactQualityGate;
import org.dermdesk.imaging.ImageLoader;
import org.dermdesk.imaging.InpaintingHairRemoval;
import org.dermdesk.ml.DjlLesionClassifier;
import org.dermdesk.ml.ModelLoadException;

/**
 * The headless pipeline: image loader, quality gate, optional digital hair removal and the model wired
 * into an {@link Analyzer}.
 */
final class Pipeline implements AutoCloseable {

    private final DjlLesionClassifier classifier;
    private final Analyzer analyzer;

    private Pipeline(DjlLesionClassifier classifier, boolean removeHair) {
        this.classifier = classifier;
        this.analyzer = new Analyzer(ImageLoader::load, new ArtifactQualityGate(),
                removeHair ? new InpaintingHairRemoval() : null, classifier);
    }

    static Pipeline open(Path modelDir) throws ModelLoadException {
        return open(modelDir, false);
    }

    /** @param removeHair inpaint detected hair before classifying (off by default: measured slightly worse) */
    static Pipeline open(Path modelDir, boolean removeHair) throws ModelLoadException {
        return new Pipeline(DjlLesionClassifier.open(modelDir), removeHair);
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

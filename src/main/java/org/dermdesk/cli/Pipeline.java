package org.dermdesk.cli;

import java.nio.file.Path;
import org.dermdesk.core.AnalysisResult;
import org.dermdesk.core.Analyzer;
import org.dermdesk.core.CaseAnalyzer;
import org.dermdesk.core.Cancellation;
import org.dermdesk.core.ImageFile;
import org.dermdesk.core.ProgressListener;
import org.dermdesk.core.CaseDetails;
import org.dermdesk.core.ImageLoadException;
import org.dermdesk.core.LesionClassifier;
import org.dermdesk.core.ScaledQualityGate;
import org.dermdesk.imaging.ArtifactQualityGate;
import org.dermdesk.imaging.ImageLoader;
import org.dermdesk.imaging.InpaintingHairRemoval;
import org.dermdesk.ml.DjlLesionClassifier;
import org.dermdesk.ml.ModelCard;
import org.dermdesk.ml.ModelLoadException;

/**
 * The headless commands' wiring of the one {@link Analyzer}: the image loader, the quality gate, digital
 * hair removal (used when {@code --remove-hair} asks for it) and a model.
 */
final class Pipeline implements AutoCloseable {

    private final LesionClassifier classifier;
    private final Analyzer analyzer;
    private final boolean removeHair;
    private final ModelCard card;

    private Pipeline(LesionClassifier classifier, ModelCard card, Analyzer analyzer, boolean removeHair) {
        this.classifier = classifier;
        this.card = card;
        this.analyzer = analyzer;
        this.removeHair = removeHair;
    }

    /**
     * @param removeHair inpaint detected hair before classifying (off by default: measured slightly worse)
     * @param scale      the {@code --px-per-mm} calibration: measured by it where no ruler is found, and an
     *                   image it cannot fit fails
     */
    static Pipeline open(Path modelDir, boolean removeHair, DeviceScaleOption scale) throws ModelLoadException {
        DjlLesionClassifier classifier = DjlLesionClassifier.open(modelDir);
        Analyzer analyzer = new Analyzer(scale.checked(ImageLoader.READER),
                new ScaledQualityGate(new ArtifactQualityGate(), scale.scales()), new InpaintingHairRemoval(), classifier);
        return new Pipeline(classifier, classifier.card(), analyzer, removeHair);
    }

    /**
     * The pipeline around a classifier already open (closed with the pipeline).
     *
     * @param withGate run the quality gate (the lesion and artifact masks come from it)
     */
    static Pipeline of(LesionClassifier classifier, boolean withGate, boolean removeHair) {
        return new Pipeline(classifier, null, analyzer(classifier, withGate), removeHair);
    }

    /** The loader, the gate (if asked for), hair removal and the classifier as one analyzer. */
    static Analyzer analyzer(LesionClassifier classifier, boolean withGate) {
        return new Analyzer(ImageLoader.READER, withGate ? new ArtifactQualityGate() : null, new InpaintingHairRemoval(),
                classifier);
    }

    AnalysisResult analyze(Path file, CaseDetails details) throws ImageLoadException {
        return analyze(ImageFile.read(file), details);
    }

    AnalysisResult analyze(ImageFile file, CaseDetails details) throws ImageLoadException {
        return analyzer.analyze(file, details, removeHair, ProgressListener.NONE, Cancellation.none());
    }

    /** Hair removal (as asked for) and the classifier over an image read and checked without a model. */
    AnalysisResult reclassify(AnalysisResult read) {
        return analyzer.reclassify(read, removeHair, ProgressListener.NONE, Cancellation.none());
    }

    CaseAnalyzer caseAnalyzer() {
        return CaseAnalyzer.of(analyzer, removeHair);
    }

    /** The model card of a model opened from its folder, or null. */
    ModelCard card() {
        return card;
    }

    LesionClassifier classifier() {
        return classifier;
    }

    @Override
    public void close() {
        classifier.close();
    }
}

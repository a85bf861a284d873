package org.dermdesk.core;

import java.nio.file.Path;

/**
 * The whole analysis of one image file (load, quality gate, classify, optionally explain), as the batch
 * command and the GUI's save actions see it. The application wires the real pipeline; tests use a fake.
 * Implementations need not be thread-safe: callers analyse one image at a time.
 */
@FunctionalInterface
public interface CaseAnalyzer {

    /**
     * @param details what is known of the patient: the prediction weighs age and sex where the model can
     * @throws ImageLoadException when the file cannot be assessed; its message names the file and the problem
     */
    AnalyzedImage analyze(Path image, CaseDetails details) throws ImageLoadException;

    /** The shared {@link Analyzer} pipeline (no explanation, no heatmap) as a case analyzer. */
    static CaseAnalyzer of(Analyzer analyzer) {
        return (file, details) -> {
            AnalysisResult r = analyzer.analyze(file);
            Prediction prediction = analyzer.classifier().forPatient(r.prediction(), details);
            return new AnalyzedImage(r.image(), prediction, r.quality(), null, null, r.hairRemoved());
        };
    }
}

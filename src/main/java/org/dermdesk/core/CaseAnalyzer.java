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
     * @throws ImageLoadException when the file cannot be assessed; its message names the file and the problem
     */
    AnalyzedImage analyze(Path image) throws ImageLoadException;

    /** The shared {@link Analyzer} pipeline (no explanation, no heatmap) as a case analyzer. */
    static CaseAnalyzer of(Analyzer analyzer) {
        return file -> {
            AnalysisResult r = analyzer.analyze(file);
            return new AnalyzedImage(r.image(), r.prediction(), r.quality(), null, null);
        };
    }
}

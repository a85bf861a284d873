package org.dermdesk.core;

/**
 * The analysis of one image file as the batch command sees it: the application wires the
 * {@link Analyzer}; tests use a fake. Implementations need not be thread-safe: callers analyse one
 * image at a time.
 */
@FunctionalInterface
public interface CaseAnalyzer {

    /**
     * @param file    the file as read once (the batch has already checked its checksum against the case log)
     * @param details what is known of the patient: the prediction weighs age and sex where the model can
     * @throws ImageLoadException when the file cannot be assessed; its message names the file and the problem
     */
    AnalysisResult analyze(ImageFile file, CaseDetails details) throws ImageLoadException;

    /** The shared pipeline as a case analyzer. */
    static CaseAnalyzer of(Analyzer analyzer, boolean removeHair) {
        return (file, details) -> analyzer.analyze(file, details, removeHair, ProgressListener.NONE, Cancellation.none());
    }
}

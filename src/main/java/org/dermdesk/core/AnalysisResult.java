package org.dermdesk.core;

import java.nio.file.Path;
import java.util.Map;

/**
 * One analysed image: what was read, what the quality gate found and what the model said.
 *
 * @param quality   the quality gate's report, or null when no gate ran
 * @param timingsMs named stage timings in milliseconds, including "total"
 */
public record AnalysisResult(Path file, String sha256, LesionImage image, QualityReport quality,
                             Prediction prediction, Map<String, Long> timingsMs) {

    public AnalysisResult {
        timingsMs = Map.copyOf(timingsMs);
    }

    /** The same analysis with another prediction (e.g. adjusted for the patient's age and sex). */
    public AnalysisResult withPrediction(Prediction newPrediction) {
        return new AnalysisResult(file, sha256, image, quality, newPrediction, timingsMs);
    }

    /** Whether the gate asked for a retake (the prediction is then shown as unreliable). */
    public boolean retake() {
        return quality != null && quality.retake();
    }
}

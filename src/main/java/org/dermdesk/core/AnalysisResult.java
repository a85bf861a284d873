package org.dermdesk.core;

import java.nio.file.Path;
import java.util.Map;

/**
 * One analysed image: what was read, what the quality gate found and what the model said.
 *
 * @param image      the image as read: what people see
 * @param quality    the quality gate's report, or null when no gate ran
 * @param timingsMs  named stage timings in milliseconds, including "total"
 * @param classified the image the model saw: {@code image} itself unless digital hair removal changed it
 */
public record AnalysisResult(Path file, String sha256, LesionImage image, QualityReport quality,
                             Prediction prediction, Map<String, Long> timingsMs, LesionImage classified) {

    public AnalysisResult {
        timingsMs = Map.copyOf(timingsMs);
        classified = classified == null ? image : classified;
    }

    /** An analysis of the image as read (no hair removal). */
    public AnalysisResult(Path file, String sha256, LesionImage image, QualityReport quality,
                          Prediction prediction, Map<String, Long> timingsMs) {
        this(file, sha256, image, quality, prediction, timingsMs, image);
    }

    /** The same analysis with another prediction (e.g. adjusted for the patient's age and sex). */
    public AnalysisResult withPrediction(Prediction newPrediction) {
        return new AnalysisResult(file, sha256, image, quality, newPrediction, timingsMs, classified);
    }

    /** Whether the model saw a hair-removed image rather than the image as read. */
    public boolean hairRemoved() {
        return classified != image;
    }

    /** Whether the gate asked for a retake (the prediction is then shown as unreliable). */
    public boolean retake() {
        return quality != null && quality.retake();
    }
}

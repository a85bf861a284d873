package org.dermdesk.core;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The one record of an analysed image, as every front end (window, {@code analyze}, {@code explain},
 * {@code batch}) gets it from the {@link Analyzer}.
 *
 * @param file       the analysed file as the user named it
 * @param sha256     SHA-256 of the bytes that were decoded, lower-case hex
 * @param image      the image as read: what people see
 * @param quality    the quality gate's report, or null when no gate ran
 * @param classified the image the model saw: {@code image} itself unless digital hair removal changed it
 * @param hairStep   whether digital hair removal ran before the model (it may have found no hair)
 * @param prediction the model's result, weighing {@code details} where the model can; null without a model
 * @param details    what the prediction weighs of the patient (age, sex); {@link CaseDetails#none()} for nothing
 * @param timingsMs  named stage timings in milliseconds, including "total"
 */
public record AnalysisResult(Path file, String sha256, LesionImage image, QualityReport quality,
                             LesionImage classified, boolean hairStep, Prediction prediction,
                             CaseDetails details, Map<String, Long> timingsMs) {

    public AnalysisResult {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(image, "image");
        classified = classified == null ? image : classified;
        details = details == null ? CaseDetails.none() : details;
        timingsMs = Collections.unmodifiableMap(new LinkedHashMap<>(timingsMs)); // in the order of the stages
    }

    /** An analysis of the image as read (no hair removal), weighing nothing of the patient. */
    public static AnalysisResult of(ImageFile file, LesionImage image, QualityReport quality, Prediction prediction) {
        return new AnalysisResult(file.path(), file.sha256(), image, quality, image, false, prediction,
                CaseDetails.none(), Map.of());
    }

    /** The same analysis with another prediction, weighing {@code newDetails} (see {@link Analyzer#forPatient}). */
    public AnalysisResult withPrediction(Prediction newPrediction, CaseDetails newDetails) {
        return new AnalysisResult(file, sha256, image, quality, classified, hairStep, newPrediction, newDetails, timingsMs);
    }

    /** Whether a model classified the image (it had been loaded). */
    public boolean classifiedByModel() {
        return prediction != null;
    }

    /** Whether the model saw a hair-removed image rather than the image as read. */
    public boolean hairRemoved() {
        return classified != image;
    }

    /** Whether the gate asked for a retake (the prediction is then shown as unreliable). */
    public boolean retake() {
        return quality != null && quality.retake();
    }

    /** Patient data stays out of logs: only the checksum and the probability are printed. */
    @Override
    public String toString() {
        return "AnalysisResult[" + sha256.substring(0, Math.min(12, sha256.length())) + "..., p="
                + (prediction == null ? "none" : prediction.pMalignant()) + "]";
    }
}

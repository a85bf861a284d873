package org.dermdesk.core;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/**
 * One saved analysis: what goes into a case-log row and onto the PDF summary.
 *
 * @param timestamp   when the analysis was saved
 * @param caseId      the user's case identifier (a chart or lesion number, or the image's file name)
 * @param imagePath   the analysed file (kept absolute)
 * @param imageSha256 SHA-256 of the file's bytes, lower-case hex (identifies the image in the log)
 * @param details     patient/lesion details and reviewer notes; never logged
 * @param prediction  the classifier's result
 * @param quality     the quality gate's report, or null when the gate did not run
 * @param explanation the explanation, or null when none was computed
 * @param image       the analysed pixels (for the PDF)
 * @param heatmap     the explanation overlay as people see it (for the PDF), or null
 * @param hairRemoved whether the model saw the image after digital hair removal ({@code image} is the original)
 */
public record CaseRecord(Instant timestamp, String caseId, Path imagePath, String imageSha256,
                         CaseDetails details, Prediction prediction, QualityReport quality,
                         Explanation explanation, LesionImage image, LesionImage heatmap, boolean hairRemoved) {

    public CaseRecord {
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(imagePath, "imagePath");
        Objects.requireNonNull(imageSha256, "imageSha256");
        Objects.requireNonNull(prediction, "prediction");
        Objects.requireNonNull(image, "image");
        if (!imageSha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("imageSha256 must be 64 lower-case hex digits");
        }
        details = details == null ? CaseDetails.none() : details;
        // the log and the follow-up list must find the file again from any working folder
        imagePath = imagePath.toAbsolutePath().normalize();
    }

    /** A record of an image classified as loaded (no hair removal). */
    public CaseRecord(Instant timestamp, String caseId, Path imagePath, String imageSha256,
                      CaseDetails details, Prediction prediction, QualityReport quality,
                      Explanation explanation, LesionImage image, LesionImage heatmap) {
        this(timestamp, caseId, imagePath, imageSha256, details, prediction, quality, explanation, image, heatmap, false);
    }

    /**
     * A record of one pipeline result as it stands (its prediction and the patient details it weighs),
     * without an explanation.
     */
    public static CaseRecord of(Instant timestamp, String caseId, Path imagePath, AnalysisResult analysis) {
        return new CaseRecord(timestamp, caseId, imagePath, analysis.sha256(), analysis.details(), analysis.prediction(),
                analysis.quality(), null, analysis.image(), null, analysis.hairRemoved());
    }

    /** Patient data stays out of logs: only the case id and image checksum are printed. */
    @Override
    public String toString() {
        return "CaseRecord[" + caseId + ", " + imageSha256.substring(0, 12) + "..., p=" + prediction.pMalignant() + "]";
    }
}

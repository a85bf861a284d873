package org.dermdesk.ui;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.dermdesk.core.Explanation;
import org.dermdesk.core.LesionImage;
import org.dermdesk.core.Prediction;
import org.dermdesk.core.QualityReport;

/**
 * The case as the reviewer sees it at the moment of export or saving.
 *
 * @param prediction judged at the threshold shown on screen (the user's preference, if set)
 * @param quality    null when no quality gate is wired
 * @param explanation null when no explanation was computed
 */
public record CaseSnapshot(Path file, LesionImage image, Prediction prediction, QualityReport quality,
                           Explanation explanation, CaseDetails details) {

    public CaseSnapshot {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(prediction, "prediction");
        Objects.requireNonNull(details, "details");
    }

    public Optional<QualityReport> qualityIfAny() {
        return Optional.ofNullable(quality);
    }

    public Optional<Explanation> explanationIfAny() {
        return Optional.ofNullable(explanation);
    }
}

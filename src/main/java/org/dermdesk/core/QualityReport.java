package org.dermdesk.core;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The image-quality gate's result: every detector's finding, the lesion, and whether to retake.
 *
 * @param retakeReasons plain sentences a clinician understands, empty when {@code retake} is false
 */
public record QualityReport(Map<ArtifactKind, ArtifactFinding> findings, LesionRegion lesion,
                            boolean retake, List<String> retakeReasons) {

    public QualityReport {
        findings = Map.copyOf(findings);
        retakeReasons = List.copyOf(retakeReasons);
    }

    public Optional<ArtifactFinding> finding(ArtifactKind kind) {
        return Optional.ofNullable(findings.get(kind));
    }
}

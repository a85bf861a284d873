package org.dermdesk.core;

import java.util.ArrayList;
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

    /** The lesion's mask, or null when no lesion was found. */
    public Mask lesionMask() {
        return lesion == null ? null : lesion.mask();
    }

    /** Masks of the artifacts found that an explanation must not rest on: hair, ruler, ink, dark corners. */
    public List<Mask> shortcutMasks() {
        List<Mask> masks = new ArrayList<>();
        for (ArtifactKind kind : List.of(ArtifactKind.HAIR, ArtifactKind.RULER, ArtifactKind.INK, ArtifactKind.DARK_CORNER)) {
            finding(kind).filter(ArtifactFinding::present).flatMap(ArtifactFinding::maskIfAny).ifPresent(masks::add);
        }
        return masks;
    }
}

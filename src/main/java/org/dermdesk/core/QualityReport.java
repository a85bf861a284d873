package org.dermdesk.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The image-quality gate's result: every detector's finding, the lesion, whether to retake, and the
 * lesion's classical measurement (the gate has the outline and the ruler at hand, so every front end
 * gets the measurement from the same place).
 *
 * @param retakeReasons plain sentences a clinician understands, empty when {@code retake} is false
 * @param measurements  size, asymmetry, border, colours and scale of the lesion; null when no lesion was found
 */
public record QualityReport(Map<ArtifactKind, ArtifactFinding> findings, LesionRegion lesion,
                            boolean retake, List<String> retakeReasons, LesionMeasurements measurements) {

    public QualityReport {
        findings = Map.copyOf(findings);
        retakeReasons = List.copyOf(retakeReasons);
    }

    /** A report without a measurement. */
    public QualityReport(Map<ArtifactKind, ArtifactFinding> findings, LesionRegion lesion,
                         boolean retake, List<String> retakeReasons) {
        this(findings, lesion, retake, retakeReasons, null);
    }

    /** The same report with another measurement (e.g. rescaled by the user's device calibration). */
    public QualityReport withMeasurements(LesionMeasurements m) {
        return new QualityReport(findings, lesion, retake, retakeReasons, m);
    }

    public Optional<LesionMeasurements> measurementsIfAny() {
        return Optional.ofNullable(measurements);
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

package org.dermdesk.core;

import java.util.Objects;
import java.util.Optional;

/**
 * One detector's verdict on one image.
 *
 * @param present        whether the artifact is judged present
 * @param score          the detector's evidence, 0..1 (higher = more of the artifact); its own threshold makes {@code present}
 * @param coverageImage  fraction of the image the artifact covers; NaN where it has no location (blur, exposure)
 * @param coverageLesion fraction of the lesion the artifact covers; NaN where not meaningful
 * @param mask           where the artifact is, or null where it has no location
 */
public record ArtifactFinding(ArtifactKind kind, boolean present, double score,
                              double coverageImage, double coverageLesion, Mask mask) {

    public ArtifactFinding {
        Objects.requireNonNull(kind, "kind");
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException(kind.key() + " score out of range: " + score);
        }
    }

    public Optional<Mask> maskIfAny() {
        return Optional.ofNullable(mask);
    }
}

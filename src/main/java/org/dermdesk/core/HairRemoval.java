package org.dermdesk.core;

/**
 * Optional digital hair removal between the quality gate and the classifier. Off by default: on the
 * shipped model it was measured slightly worse (test AUC 0.8764 without, 0.8733 with;
 * src/site/markdown/validation.md, quality gate). The image people look at stays the original; only the model sees the result.
 */
@FunctionalInterface
public interface HairRemoval {

    /**
     * @param quality the gate's report for {@code image} (its hair mask is reused where it carries one),
     *                or null when no gate ran
     * @return the image with hair removed, or {@code image} itself when there was no hair to remove
     */
    LesionImage apply(LesionImage image, QualityReport quality);
}

package org.dermdesk.core;

import java.util.Objects;

/**
 * What the analysis pipeline produced for one image file, before the user adds case details.
 *
 * @param image       the decoded upright image that was analysed
 * @param prediction  the classifier's calibrated result
 * @param quality     the quality gate's report, or null when the gate did not run
 * @param explanation the LIME explanation, or null when none was computed
 * @param heatmap     the explanation overlay rendered by the caller for people to look at (same
 *                    aspect as {@code image}; colours chosen to stay readable in greyscale), or null
 * @param hairRemoved whether the model saw the image after digital hair removal ({@code image} stays the original)
 */
public record AnalyzedImage(LesionImage image, Prediction prediction, QualityReport quality,
                            Explanation explanation, LesionImage heatmap, boolean hairRemoved) {

    public AnalyzedImage {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(prediction, "prediction");
    }

    /** An analysis of the image as loaded (no hair removal). */
    public AnalyzedImage(LesionImage image, Prediction prediction, QualityReport quality,
                         Explanation explanation, LesionImage heatmap) {
        this(image, prediction, quality, explanation, heatmap, false);
    }
}

package org.dermdesk.core;

import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * An immutable LIME explanation of one prediction on one image.
 *
 * @param segmentLabels   per-pixel superpixel index 0..segmentCount-1, row-major, image-sized (do not modify)
 * @param weights         per-segment weight of the local linear model (positive = pushes towards malignant)
 * @param intercept       intercept of the local model
 * @param r2              weighted R² of the local model on its samples
 * @param localPrediction the local model's prediction for the unperturbed image
 * @param modelPrediction the classifier's own p_malignant for the unperturbed image
 * @param deletionAuc     area under the deletion curve (segments removed in order of weight)
 * @param insertionAuc    area under the insertion curve (segments added in order of weight)
 * @param randomDeletionAuc  the same for a random segment order (the baseline faithfulness is compared with)
 * @param randomInsertionAuc the same for a random segment order
 * @param stability       Spearman correlation of weights between two seeds, when computed
 * @param artifactShare   share of positive weight on artifact masks (hair, ruler, ink, dark corners), 0..1
 * @param outsideLesionShare share of positive weight outside the lesion mask, 0..1
 * @param samples         number of perturbation samples
 * @param seed            random seed used
 * @param timingsMs       named stage timings in milliseconds, including "total"
 */
public record Explanation(int width, int height, int segmentCount, int[] segmentLabels, double[] weights,
                          double intercept, double r2, double localPrediction, double modelPrediction,
                          double deletionAuc, double insertionAuc, double randomDeletionAuc, double randomInsertionAuc,
                          OptionalDouble stability, double artifactShare, double outsideLesionShare,
                          int samples, long seed, Map<String, Long> timingsMs) {

    /** At or above this share of positive weight on artifact masks the explanation raises the shortcut alarm. */
    public static final double ARTIFACT_ALARM_SHARE = 0.30;
    /** At or above this share of positive weight outside the lesion mask it does too. */
    public static final double OUTSIDE_LESION_ALARM_SHARE = 0.50;

    public Explanation {
        Objects.requireNonNull(segmentLabels, "segmentLabels");
        Objects.requireNonNull(weights, "weights");
        if (segmentLabels.length != width * height) {
            throw new IllegalArgumentException("segment labels do not match the image size");
        }
        if (weights.length != segmentCount) {
            throw new IllegalArgumentException("one weight per segment expected");
        }
        weights = weights.clone();
        timingsMs = Map.copyOf(timingsMs);
    }

    @Override
    public double[] weights() {
        return weights.clone();
    }

    /** Insertion minus deletion area: higher means the ranking tracks what the model uses. */
    public double faithfulness() {
        return insertionAuc - deletionAuc;
    }

    /** The same for a random ranking, the baseline an explanation must beat. */
    public double randomFaithfulness() {
        return randomInsertionAuc - randomDeletionAuc;
    }

    /** The segment weight under pixel (x, y). */
    public double weightAt(int x, int y) {
        return weights[segmentLabels[y * width + x]];
    }

    /** Whether the evidence rests on hair, ruler, ink or dark corners. */
    public boolean restsOnArtifacts() {
        return artifactShare >= ARTIFACT_ALARM_SHARE;
    }

    /** Whether the evidence rests on skin outside the lesion. */
    public boolean restsOutsideLesion() {
        return outsideLesionShare >= OUTSIDE_LESION_ALARM_SHARE;
    }

    /** The shortcut alarm: the model may be reacting to something other than the lesion. */
    public boolean shortcutSuspected() {
        return restsOnArtifacts() || restsOutsideLesion();
    }
}

package org.dermdesk.core;

/**
 * How likely two registered images show one lesion, from three measures that each alone overlap between
 * re-takes and different lesions: the network's appearance similarity, the registered outlines' overlap and
 * the correlation of the pattern inside them. A logistic model, so that a high value of one can make up for
 * a middling value of another.
 *
 * <p>Fitted by {@code dermdesk fit-same-lesion} on the tuning sample of {@code evaluate-compare --seed 17}
 * (200 HAM10000 re-takes against 200 pairs of different lesions, the pairs whose registration check passed;
 * src/site/markdown/validation.md). The sample is balanced, so the natural cut of 0.5 is used.
 */
public final class SameLesionScore {

    /** Below this the two images are taken for two lesions. */
    public static final double MIN_SAME = 0.5;

    static final double INTERCEPT = -63.801;
    static final double PER_OUTLINE_OVERLAP = 4.888;
    static final double PER_PATTERN = 8.360;
    static final double PER_APPEARANCE = 57.497;

    /** What a pattern correlation that cannot be measured (outlines that do not overlap) counts as. */
    static final double NO_PATTERN = -1;

    private SameLesionScore() {
    }

    /**
     * The probability (0..1) that the images show one lesion.
     *
     * @param outlineOverlap     Jaccard of the registered outlines
     * @param patternCorrelation correlation inside the outlines; NaN when it could not be measured
     * @param appearance         cosine similarity of the network's pooled features
     */
    public static double of(double outlineOverlap, double patternCorrelation, double appearance) {
        double[] x = inputs(outlineOverlap, patternCorrelation, appearance);
        double logit = INTERCEPT * x[0] + PER_OUTLINE_OVERLAP * x[1] + PER_PATTERN * x[2] + PER_APPEARANCE * x[3];
        return 1 / (1 + Math.exp(-logit));
    }

    /** The model's inputs in the order of its coefficients, a leading 1 for the intercept (what the fit reads too). */
    public static double[] inputs(double outlineOverlap, double patternCorrelation, double appearance) {
        return new double[] {1, outlineOverlap, Double.isNaN(patternCorrelation) ? NO_PATTERN : patternCorrelation, appearance};
    }
}

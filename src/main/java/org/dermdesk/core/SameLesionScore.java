package org.dermdesk.core;

/**
 * How likely two registered images show one lesion, from four measures that each alone overlap between
 * re-takes and different lesions: the network's evidence ({@link Appearance#sameLesionEvidence}, learned from
 * re-takes of the model's train-split lesions), the registered outlines' overlap, the correlation of the
 * pattern inside them, and how well the skin around the lesion aligns (two lesions lie on two patches of skin:
 * the skin residual alone ranks validation re-takes above pairs of two lesions with AUC 0.92). A logistic model,
 * so that a high value of one can make up for a middling value of another.
 *
 * <p>Fitted by {@code dermdesk fit-same-lesion} on {@code evaluate-compare --part validation --pairs 300 --seed 17}
 * (the 270 HAM10000 re-takes of the model's validation lesions against 300 pairs of two of them, the pairs whose
 * registration check passed; src/site/markdown/validation.md), so neither the identity space nor this score saw
 * the test lesions that measure them. The sample is nearly balanced, so the natural cut of 0.5 is used.
 */
public final class SameLesionScore {

    /** Below this the two images are taken for two lesions. */
    public static final double MIN_SAME = 0.5;

    static final double INTERCEPT = -3.890;
    static final double PER_OUTLINE_OVERLAP = 4.349;
    static final double PER_PATTERN = 8.462;
    static final double PER_APPEARANCE = 0.286;
    static final double PER_SKIN_RESIDUAL = -7.640;

    /** What a pattern correlation that cannot be measured (outlines that do not overlap) counts as. */
    static final double NO_PATTERN = -1;
    /**
     * What a skin residual that cannot be measured (too little skin in view) counts as: halfway between skin that
     * aligns (0) and skin that does not correlate at all (1), so that it speaks neither for nor against one lesion.
     */
    static final double NO_SKIN = 0.5;
    /** Skin that correlates worse than not at all is no less a match than uncorrelated skin. */
    static final double MAX_SKIN_RESIDUAL = 1;

    private SameLesionScore() {
    }

    /**
     * The probability (0..1) that the images show one lesion.
     *
     * @param outlineOverlap     Jaccard of the registered outlines
     * @param patternCorrelation correlation inside the outlines; NaN when it could not be measured
     * @param appearance         the network's evidence for one lesion (log-likelihood ratio)
     * @param skinResidual       the registration's grey-level residual on the skin alone; NaN when not measurable
     */
    public static double of(double outlineOverlap, double patternCorrelation, double appearance, double skinResidual) {
        return probability(inputs(outlineOverlap, patternCorrelation, appearance, skinResidual));
    }

    /** The probability for inputs as {@link #inputs} gives them. */
    public static double probability(double[] x) {
        double logit = INTERCEPT * x[0] + PER_OUTLINE_OVERLAP * x[1] + PER_PATTERN * x[2] + PER_APPEARANCE * x[3]
                + PER_SKIN_RESIDUAL * x[4];
        return 1 / (1 + Math.exp(-logit));
    }

    /** The model's inputs in the order of its coefficients, a leading 1 for the intercept (what the fit reads too). */
    public static double[] inputs(double outlineOverlap, double patternCorrelation, double appearance, double skinResidual) {
        double skin = Double.isNaN(skinResidual) ? NO_SKIN : Math.min(MAX_SKIN_RESIDUAL, skinResidual);
        return new double[] {1, outlineOverlap, Double.isNaN(patternCorrelation) ? NO_PATTERN : patternCorrelation, appearance, skin};
    }
}

package org.dermdesk.core;

import java.util.Objects;

/** Compares two analysed images of a lesion: registers them and applies the {@link ChangeRule}. */
public final class LesionComparer {

    private final LesionRegistrar registrar;
    private final ChangeRule rule;

    public LesionComparer(LesionRegistrar registrar, ChangeRule rule) {
        this.registrar = Objects.requireNonNull(registrar, "registrar");
        this.rule = Objects.requireNonNull(rule, "rule");
    }

    /**
     * @param before the earlier image's analysis (it must have run the quality gate, which outlines and measures the lesion)
     * @param after  the later image's analysis
     * @throws ComparisonException when either image has no lesion outline to compare
     */
    public LesionComparison compare(AnalysisResult before, AnalysisResult after) throws ComparisonException {
        FollowUpImage b = followUpImage(before);
        FollowUpImage a = followUpImage(after);
        Registration r = registrar.register(b.image(), b.mask(), a.image(), a.mask());
        return rule.compare(b, a, r);
    }

    /** The follow-up view of one analysis. */
    static FollowUpImage followUpImage(AnalysisResult result) throws ComparisonException {
        String name = result.file() == null ? result.image().source() : String.valueOf(result.file().getFileName());
        QualityReport q = result.quality();
        if (q == null || q.lesionMask() == null || q.measurements() == null) {
            throw new ComparisonException(name + ": no lesion was found to compare (the outline is empty);"
                    + " retake the image with the lesion in the middle of the field.");
        }
        Prediction p = result.prediction();
        Double pm = p != null && p.appliesToImage() ? p.pMalignant() : null;
        return new FollowUpImage(name, result.image(), q.lesionMask(), q.measurements(), pm,
                LesionContrast.of(result.image(), q.lesionMask()), p == null ? null : p.appearance());
    }
}

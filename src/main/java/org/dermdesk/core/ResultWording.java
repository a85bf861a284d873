package org.dermdesk.core;

import java.util.Locale;

/** The words DermDesk uses for a classification result, shared by the window, the PDF, the case log and the terminal. */
public final class ResultWording {

    /** Verdict when the probability reaches the threshold. */
    public static final String SUSPICIOUS = "Suspicious \u2014 consider excision/biopsy";
    /** Verdict below the threshold. */
    public static final String NOT_SUSPICIOUS = "No suspicious features found by the model";
    /** Shown with every result and printed on every report. */
    public static final String DISCLAIMER = "Decision support only \u2014 not a diagnosis.";
    /** Said of a result when the model saw the image after digital hair removal. */
    public static final String HAIR_REMOVED = "Classified after digital hair removal";
    /** Said when hair removal was asked for but found nothing to remove. */
    public static final String NO_HAIR_FOUND = "Digital hair removal is on, but no hair was found: classified as loaded.";
    /** Said of a result whose image failed the quality gate. */
    public static final String UNRELIABLE = "Unreliable: the image failed the quality check \u2014 retake it before relying on this result.";

    /** Short verdict codes for the case log's {@code verdict} column and the terminal table. */
    public static final String CODE_SUSPICIOUS = "suspicious";
    public static final String CODE_NOT_SUSPICIOUS = "not suspicious";

    private ResultWording() {
    }

    public static String verdict(Prediction p) {
        return p.malignant() ? SUSPICIOUS : NOT_SUSPICIOUS;
    }

    public static String verdictCode(Prediction p) {
        return verdictCode(p.malignant());
    }

    public static String verdictCode(boolean malignant) {
        return malignant ? CODE_SUSPICIOUS : CODE_NOT_SUSPICIOUS;
    }

    /** A probability as a percentage with one decimal, e.g. "73.1 %". */
    public static String percent(double p) {
        return String.format(Locale.ROOT, "%.1f %%", p * 100);
    }
}

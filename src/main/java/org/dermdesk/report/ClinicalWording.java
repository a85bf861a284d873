package org.dermdesk.report;

import java.util.Locale;
import org.dermdesk.core.Prediction;

/** The words DermDesk uses for its results, shared by the PDF, the case log and the terminal. */
public final class ClinicalWording {

    /** Verdict when the probability reaches the threshold. */
    public static final String SUSPICIOUS = "Suspicious \u2014 consider excision/biopsy";
    /** Verdict below the threshold. */
    public static final String NOT_SUSPICIOUS = "No suspicious features found by the model";
    /** Printed on every report. */
    public static final String DISCLAIMER = "Decision support only \u2014 not a diagnosis.";

    /** Short verdict codes written to the case log's {@code verdict} column. */
    public static final String CODE_SUSPICIOUS = "suspicious";
    public static final String CODE_NOT_SUSPICIOUS = "not suspicious";

    private ClinicalWording() {
    }

    public static String verdict(Prediction p) {
        return p.malignant() ? SUSPICIOUS : NOT_SUSPICIOUS;
    }

    public static String verdictCode(Prediction p) {
        return p.malignant() ? CODE_SUSPICIOUS : CODE_NOT_SUSPICIOUS;
    }

    /** A probability as a percentage with one decimal, e.g. "73.1 %". */
    public static String percent(double p) {
        return String.format(Locale.ROOT, "%.1f %%", p * 100);
    }
}

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

    /** Said, prominently, of an image the model judges not dermoscopic; its probability is then withheld. */
    public static final String NOT_DERMOSCOPIC = "This does not look like a dermoscopic image \u2014 DermDesk is made for dermoscopic images only.";
    /** The verdict line for such an image. */
    public static final String NO_VERDICT_NOT_DERMOSCOPIC = "No verdict: not a dermoscopic image";
    /** Shown where the probability would be, until the user asks to see it. */
    public static final String PROBABILITY_WITHHELD = "The probability is withheld: it does not apply to an image that is not dermoscopic.";
    /** The button that reveals it. */
    public static final String SHOW_PROBABILITY_ANYWAY = "Show the probability anyway";
    /** Label of a revealed (or printed) probability of a non-dermoscopic image. */
    public static final String NOT_VALID_FOR_IMAGE = "not valid: not a dermoscopic image";
    /** The amber note beside a result for an image unlike the training images. */
    public static final String UNFAMILIAR = "This image looks unlike the images the model was trained on; treat the probability with extra caution.";

    /** A batch run's summary: the heading over the images given no verdict, and over the unfamiliar ones. */
    public static final String BATCH_NOT_DERMOSCOPIC = "Images that do not look dermoscopic (no verdict given; DermDesk is made for dermoscopic images only):";
    public static final String BATCH_UNFAMILIAR = "Images unlike the images the model was trained on (treat their probability with extra caution):";

    /** Short verdict codes for the case log's {@code verdict} column and the terminal table. */
    public static final String CODE_SUSPICIOUS = "suspicious";
    public static final String CODE_NOT_SUSPICIOUS = "not suspicious";
    public static final String CODE_NOT_DERMOSCOPIC = "not dermoscopic";

    private ResultWording() {
    }

    public static String verdict(Prediction p) {
        if (!p.appliesToImage()) {
            return NO_VERDICT_NOT_DERMOSCOPIC;
        }
        return p.malignant() ? SUSPICIOUS : NOT_SUSPICIOUS;
    }

    public static String verdictCode(Prediction p) {
        return p.appliesToImage() ? verdictCode(p.malignant()) : CODE_NOT_DERMOSCOPIC;
    }

    /** The caution a result carries because of the image itself: not dermoscopic, unfamiliar, or none (empty). */
    public static String suitabilityNote(Prediction p) {
        return !p.appliesToImage() ? NOT_DERMOSCOPIC : p.unfamiliar() ? UNFAMILIAR : "";
    }

    public static String verdictCode(boolean malignant) {
        return malignant ? CODE_SUSPICIOUS : CODE_NOT_SUSPICIOUS;
    }

    /** A probability as a percentage with one decimal, e.g. "73.1 %". */
    public static String percent(double p) {
        return String.format(Locale.ROOT, "%.1f %%", p * 100);
    }
}

package org.dermdesk.core;

import java.util.List;

/**
 * The words of the image-quality gate: the retake reasons (what is wrong and what to do) and the
 * headlines the window and the PDF show above them.
 */
public final class RetakeWording {

    /** Headline when the gate asks for a new image. */
    public static final String RETAKE_RECOMMENDED = "Retake recommended";
    /** Headline when it does not. */
    public static final String ACCEPTABLE = "Image quality acceptable \u2014 no retake needed";
    /** Printed where the gate did not run. */
    public static final String NOT_CHECKED = "The quality gate was not run for this image.";

    private RetakeWording() {
    }

    /** The window's retake banner: what to do, then why. */
    public static String banner(List<String> reasons) {
        return "Retake the image: " + (reasons.isEmpty() ? "its quality is too poor to assess." : String.join(" ", reasons));
    }

    public static String noLesion() {
        return "No lesion could be found \u2014 centre the lesion in the field of view and retake.";
    }

    public static String lesionCutOff() {
        return "The lesion is cut off by the image border \u2014 centre the whole lesion with a margin of skin and retake.";
    }

    public static String hairOnLesion(double lesionFraction) {
        return "Hair covers about " + about(lesionFraction) + " of the lesion \u2014 shave or use immersion fluid and retake.";
    }

    public static String rulerOnLesion() {
        return "A ruler or scale bar crosses the lesion \u2014 move it off the lesion and retake.";
    }

    public static String inkOnLesion(double lesionFraction) {
        return "Ink marking lies over about " + about(lesionFraction)
                + " of the lesion \u2014 mark around the lesion, not on it, and retake.";
    }

    public static String darkRim(double imageFraction) {
        return "The scope's dark rim covers about " + about(imageFraction)
                + " of the image \u2014 zoom in or hold the dermatoscope flat on the skin and retake.";
    }

    public static String blurred() {
        return "The image is blurred \u2014 hold the dermatoscope still, refocus and retake.";
    }

    public static String badlyExposed() {
        return "The image is badly exposed (too dark or with glare) \u2014 adjust the lighting and retake.";
    }

    /** "about 30%" style: rounded to the nearest 5%, never below 5% (a detector's extent is not more precise). */
    public static String about(double fraction) {
        long p = Math.max(5, Math.round(fraction * 20) * 5);
        return p + "%";
    }
}

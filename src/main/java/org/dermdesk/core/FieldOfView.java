package org.dermdesk.core;

import java.util.Locale;

/**
 * How much skin a dermoscopic image can plausibly show: its long side covers between {@link #MIN_MM}
 * and {@link #MAX_MM}. A scale that would make the image cover more or less is no scale of the skin
 * (a row of 5 mm ticks read as 1 mm, or a file's print resolution).
 */
public final class FieldOfView {

    /** Field of view (long side, mm) a dermoscopic image can plausibly cover. */
    public static final double MIN_MM = 5;
    public static final double MAX_MM = 50;

    private FieldOfView() {
    }

    /** The millimetres the image's long side covers at {@code pxPerMm}. */
    public static double longSideMm(int width, int height, double pxPerMm) {
        return Math.max(width, height) / pxPerMm;
    }

    /** Whether an image of this size at {@code pxPerMm} covers a plausible field of view. */
    public static boolean plausible(int width, int height, double pxPerMm) {
        double field = longSideMm(width, height, pxPerMm);
        return field >= MIN_MM && field <= MAX_MM;
    }

    /** Why this scale cannot be the skin's: how wide the picture would be and what a dermatoscope shows. */
    public static String implausibleWords(int width, int height, double pxPerMm) {
        double field = longSideMm(width, height, pxPerMm);
        // a decimal near the lower limit: "5 mm across" would read as inside "5 to 50 mm"
        return String.format(Locale.ROOT, "at this scale the picture would be " + (field < 10 ? "%.1f" : "%.0f")
                + " mm across, and a dermatoscope shows %.0f to %.0f mm", field, MIN_MM, MAX_MM);
    }
}

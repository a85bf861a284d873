package org.dermdesk.core;

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
}

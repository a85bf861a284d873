package org.dermdesk.ui;

import java.util.Locale;
import org.dermdesk.core.LesionMeasurements;

/**
 * What the measurement overlay says: a scale bar of a round length that stays a readable size on
 * screen at any zoom, and the largest diameter's label, in millimetres only with a known scale.
 */
final class ScaleBar {

    /** The round lengths a scale bar may show, in millimetres. */
    static final double[] LENGTHS_MM = {0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50};
    /** The on-screen length a scale bar aims at, in scene pixels. */
    static final double TARGET_PX = 120;

    private ScaleBar() {
    }

    /**
     * The round length whose bar comes closest to {@link #TARGET_PX} on screen at {@code screenPxPerMm}
     * (screen pixels per millimetre: the image's pixels per millimetre times the zoom); NaN without a scale.
     */
    static double lengthMm(double screenPxPerMm) {
        if (!(screenPxPerMm > 0) || !Double.isFinite(screenPxPerMm)) {
            return Double.NaN;
        }
        double best = LENGTHS_MM[0];
        for (double mm : LENGTHS_MM) {
            if (Math.abs(Math.log(mm * screenPxPerMm / TARGET_PX)) < Math.abs(Math.log(best * screenPxPerMm / TARGET_PX))) {
                best = mm;
            }
        }
        return best;
    }

    /** "5 mm", "0.5 mm". */
    static String label(double mm) {
        return (mm == Math.rint(mm) ? String.format(Locale.ROOT, "%.0f", mm) : String.format(Locale.ROOT, "%.1f", mm)) + " mm";
    }

    /** "8.4 mm" with a scale; "412 px (scale unknown)" without one: never a guessed millimetre. */
    static String diameterLabel(LesionMeasurements m) {
        return m.scale().known() ? String.format(Locale.ROOT, "%.1f mm", m.diameterMm())
                : String.format(Locale.ROOT, "%.0f px (scale unknown)", m.diameterPx());
    }
}

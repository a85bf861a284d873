package org.dermdesk.core;

import java.util.Locale;

/**
 * The one rule for the scale bar drawn with a measurement, in the window and in the PDF: a bar of a round
 * length close to a target length on the page or screen, in the corner of the visible image that hides
 * the least of a ruler found in it; and the largest diameter's label, in millimetres only with a known
 * scale ("scale unknown" and pixels otherwise: never a guessed millimetre).
 */
public final class ScaleBar {

    /** The round lengths a scale bar may show, in millimetres. */
    private static final double[] LENGTHS_MM = {0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50};

    /** A corner of the image; the bar sits inside it. In order of preference where none hides less ruler. */
    public enum Corner {
        LOWER_LEFT(false, true), LOWER_RIGHT(true, true), UPPER_LEFT(false, false), UPPER_RIGHT(true, false);

        private final boolean right;
        private final boolean lower;

        Corner(boolean right, boolean lower) {
            this.right = right;
            this.lower = lower;
        }

        public boolean right() {
            return right;
        }

        public boolean lower() {
            return lower;
        }
    }

    private ScaleBar() {
    }

    /**
     * The round length whose bar comes closest to {@code targetPx} where it is drawn at {@code shownPxPerMm}
     * (drawn pixels or points per millimetre: the image's pixels per millimetre times the zoom); NaN without a scale.
     */
    public static double lengthMm(double shownPxPerMm, double targetPx) {
        if (!(shownPxPerMm > 0) || !Double.isFinite(shownPxPerMm)) {
            return Double.NaN;
        }
        double best = LENGTHS_MM[0];
        for (double mm : LENGTHS_MM) {
            if (Math.abs(Math.log(mm * shownPxPerMm / targetPx)) < Math.abs(Math.log(best * shownPxPerMm / targetPx))) {
                best = mm;
            }
        }
        return best;
    }

    /**
     * The corner of the visible part of the image ({@code x0, y0} to {@code x1, y1}, image pixels) where a box
     * of {@code boxW x boxH} image pixels, {@code inset} from the edges, covers the fewest ruler pixels; lower
     * left (where a scale bar is looked for) unless another corner hides less.
     *
     * @param ruler the ruler's mask (any size: it is mapped onto the image), or null where none was found
     */
    public static Corner corner(int imageW, int imageH, double x0, double y0, double x1, double y1,
                                double boxW, double boxH, double inset, Mask ruler) {
        Corner best = Corner.LOWER_LEFT;
        if (ruler == null) {
            return best;
        }
        long fewest = Long.MAX_VALUE;
        for (Corner c : Corner.values()) {
            double left = c.right() ? x1 - inset - boxW : x0 + inset;
            double top = c.lower() ? y1 - inset - boxH : y0 + inset;
            long hidden = rulerPixels(ruler, imageW, imageH, left, top, left + boxW, top + boxH);
            if (hidden < fewest) {
                fewest = hidden;
                best = c;
            }
        }
        return best;
    }

    /** The ruler's mask among the findings, or null. */
    public static Mask rulerMask(QualityReport q) {
        if (q == null) {
            return null;
        }
        ArtifactFinding f = q.findings().get(ArtifactKind.RULER);
        return f != null && f.present() ? f.mask() : null;
    }

    /** Ruler pixels in a box given in image pixels, counted on the mask's own grid. */
    private static long rulerPixels(Mask ruler, int imageW, int imageH, double left, double top, double right, double bottom) {
        double sx = (double) ruler.width() / imageW;
        double sy = (double) ruler.height() / imageH;
        int mx0 = clamp((int) Math.floor(left * sx), ruler.width());
        int mx1 = clamp((int) Math.ceil(right * sx), ruler.width());
        int my0 = clamp((int) Math.floor(top * sy), ruler.height());
        int my1 = clamp((int) Math.ceil(bottom * sy), ruler.height());
        long n = 0;
        for (int y = my0; y < my1; y++) {
            for (int x = mx0; x < mx1; x++) {
                if (ruler.contains(x, y)) {
                    n++;
                }
            }
        }
        return n;
    }

    private static int clamp(int v, int size) {
        return Math.max(0, Math.min(size, v));
    }

    /** "5 mm", "0.5 mm". */
    public static String label(double mm) {
        return (mm == Math.rint(mm) ? String.format(Locale.ROOT, "%.0f", mm) : String.format(Locale.ROOT, "%.1f", mm)) + " mm";
    }

    /** "8.4 mm" with a scale; "412 px (scale unknown)" without one: never a guessed millimetre. */
    public static String diameterLabel(LesionMeasurements m) {
        return m.scale().known() ? String.format(Locale.ROOT, "%.1f mm", m.diameterMm())
                : String.format(Locale.ROOT, "%.0f px (scale unknown)", m.diameterPx());
    }
}

package org.dermdesk.imaging;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.dermdesk.core.DermoscopicColour;

/**
 * The ABCD rule's colours, judged in CIELAB relative to the patient's own skin (the median of a ring just
 * outside the lesion) rather than against fixed prototypes, so lighting and skin type shift the skin and
 * the lesion alike. Each lesion pixel (hair left out) that differs from the skin goes to one colour, tried
 * in this order: white (lighter than the skin and no more saturated), black (dark whatever the skin),
 * blue-grey (darker than the skin with no yellow in it), red (redder than the skin, of a red hue, not
 * much darker) and brown (darker than the skin: dark brown well darker, light brown otherwise). A colour
 * is present when at least {@link DermoscopicColour#MIN_SHARE} of the lesion has it.
 *
 * <p>The thresholds were tuned on 30 HAM10000 images labelled by eye
 * ({@code colour-labels-by-eye.csv}) and checked on 30 more labelled before the detector saw them
 * ({@code colour-labels-by-eye-heldout.csv}); {@code ColourAgreement} prints the figures.
 */
final class DermoscopicColours {

    /** Width of the skin ring around the lesion, pixels at long side 512. */
    static final int SKIN_RING_512 = 21;

    // CIELAB thresholds (L* 0-100, a*, b*, chroma C*), differences are lesion pixel minus skin
    /** Within this lightness and this a*b* distance of the skin a pixel is skin: no colour. */
    static final double SKIN_DL = 6;
    static final double SKIN_DAB = 8;
    /** White: at least this much lighter than the skin, with no more chroma than the skin. */
    static final double WHITE_DL = 8;
    /** Black: L* below this, whatever the skin. */
    static final double BLACK_L = 20;
    /** Blue-grey: b* below this (no yellow), at least this much darker than the skin, chroma below this. */
    static final double BLUE_B = 3;
    static final double BLUE_DL = -6;
    static final double BLUE_C = 28;
    /** Red: hue angle below this (degrees from +a*), a* this much above the skin's, and not darker than this. */
    static final double RED_HUE = 32;
    static final double RED_DA = 10;
    static final double RED_DL = -20;
    /** Brown darker than the skin by more than this is dark brown; less, light brown. */
    static final double DARK_BROWN_DL = -20;

    private DermoscopicColours() {
    }

    /** Fraction of the lesion (hair left out) that has each colour; pixels like the skin count for none. */
    static Map<DermoscopicColour, Double> fractions(WorkingCopy wc, byte[] mask) {
        int[] skin8 = skinLab(wc, mask);
        double[] skin = skin8 == null ? null : lab(skin8[0], skin8[1], skin8[2]);
        DermoscopicColour[] colours = DermoscopicColour.values();
        int[] count = new int[colours.length];
        int total = 0;
        byte[] hair = wc.hairMask();
        for (int i = 0; i < mask.length; i++) {
            if (mask[i] == 0 || hair[i] != 0) continue;
            total++;
            if (skin == null) continue;
            double[] p = lab(wc.lab[i * 3] & 0xFF, wc.lab[i * 3 + 1] & 0xFF, wc.lab[i * 3 + 2] & 0xFF);
            DermoscopicColour c = classify(p, skin);
            if (c != null) count[c.ordinal()]++;
        }
        Map<DermoscopicColour, Double> out = new EnumMap<>(DermoscopicColour.class);
        for (int c = 0; c < colours.length; c++) out.put(colours[c], total == 0 ? 0 : (double) count[c] / total);
        return out;
    }

    /** The colour of one pixel given the skin's, both {L*, a*, b*}; null where it reads as skin or as no colour. */
    static DermoscopicColour classify(double[] p, double[] skin) {
        double dL = p[0] - skin[0];
        double chroma = Math.hypot(p[1], p[2]);
        if (Math.abs(dL) < SKIN_DL && Math.hypot(p[1] - skin[1], p[2] - skin[2]) < SKIN_DAB) return null;
        if (dL > WHITE_DL && chroma < Math.hypot(skin[1], skin[2])) return DermoscopicColour.WHITE;
        if (p[0] < BLACK_L) return DermoscopicColour.BLACK;
        if (p[2] < BLUE_B && dL < BLUE_DL && chroma < BLUE_C) return DermoscopicColour.BLUE_GRAY;
        if (Math.toDegrees(Math.atan2(p[2], p[1])) < RED_HUE && p[1] - skin[1] > RED_DA && dL > RED_DL) {
            return DermoscopicColour.RED;
        }
        if (dL < 0) return dL < DARK_BROWN_DL ? DermoscopicColour.DARK_BROWN : DermoscopicColour.LIGHT_BROWN;
        return null;
    }

    /** OpenCV's 8-bit Lab as CIELAB {L* 0-100, a*, b*}. */
    static double[] lab(int l8, int a8, int b8) {
        return new double[] {l8 / 2.55, a8 - 128, b8 - 128};
    }

    static Set<DermoscopicColour> present(WorkingCopy wc, byte[] mask) {
        Set<DermoscopicColour> out = EnumSet.noneOf(DermoscopicColour.class);
        fractions(wc, mask).forEach((c, f) -> {
            if (f >= DermoscopicColour.MIN_SHARE) out.add(c);
        });
        return out;
    }

    /** Median OpenCV 8-bit Lab of the skin ring just outside the lesion (field of view, no hair); null when there is none. */
    static int[] skinLab(WorkingCopy wc, byte[] mask) {
        byte[] wide = wc.dilated(mask, SKIN_RING_512);
        byte[] hair = wc.hairMask();
        int n = 0;
        int[][] hist = new int[3][256];
        for (int i = 0; i < mask.length; i++) {
            if (wide[i] == 0 || mask[i] != 0 || hair[i] != 0 || wc.vignette[i] != 0) continue;
            for (int c = 0; c < 3; c++) hist[c][wc.lab[i * 3 + c] & 0xFF]++;
            n++;
        }
        if (n == 0) return null;
        int[] lab = new int[3];
        for (int c = 0; c < 3; c++) {
            int acc = 0;
            int v = 0;
            while (acc + hist[c][v] <= n / 2 && v < 255) acc += hist[c][v++];
            lab[c] = v;
        }
        return lab;
    }
}

package org.dermdesk.imaging;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.dermdesk.core.DermoscopicColour;

/**
 * The ABCD rule's colours: every lesion pixel (hair left out) goes to the nearest of six colour
 * prototypes in RGB, or to the patient's own skin colour (the median of a ring around the lesion), which
 * counts as none; a colour is present when at least {@link #MIN_FRACTION} of the lesion has it.
 * Prototypes after Kasmi and Mokrani, "Classification of malignant melanoma and benign skin lesions:
 * implementation of automatic ABCD rule", IET Image Processing 10(6), 2016.
 */
final class DermoscopicColours {

    static final double MIN_FRACTION = 0.05;
    /** Width of the skin ring around the lesion, pixels at long side 512. */
    static final int SKIN_RING_512 = 21;

    private static final Map<DermoscopicColour, int[]> PROTOTYPES = new EnumMap<>(Map.of(
            DermoscopicColour.WHITE, new int[] {255, 255, 255},
            DermoscopicColour.RED, new int[] {204, 51, 51},
            DermoscopicColour.LIGHT_BROWN, new int[] {153, 102, 51},
            DermoscopicColour.DARK_BROWN, new int[] {51, 0, 0},
            DermoscopicColour.BLUE_GRAY, new int[] {51, 153, 153},
            DermoscopicColour.BLACK, new int[] {0, 0, 0}));

    private DermoscopicColours() {
    }

    /** Fraction of the lesion (hair left out) nearest each colour; skin-coloured pixels count for none. */
    static Map<DermoscopicColour, Double> fractions(WorkingCopy wc, byte[] mask) {
        int[] skin = skinColour(wc, mask);
        DermoscopicColour[] colours = DermoscopicColour.values();
        int[] count = new int[colours.length];
        int total = 0;
        byte[] hair = wc.hairMask();
        for (int i = 0; i < mask.length; i++) {
            if (mask[i] == 0 || hair[i] != 0) continue;
            int b = wc.bgrPx[i * 3] & 0xFF;
            int g = wc.bgrPx[i * 3 + 1] & 0xFF;
            int r = wc.bgrPx[i * 3 + 2] & 0xFF;
            total++;
            int best = -1;
            long bestD = skin == null ? Long.MAX_VALUE : distance(r, g, b, skin);
            for (int c = 0; c < colours.length; c++) {
                long d = distance(r, g, b, PROTOTYPES.get(colours[c]));
                if (d < bestD) {
                    bestD = d;
                    best = c;
                }
            }
            if (best >= 0) count[best]++;
        }
        Map<DermoscopicColour, Double> out = new EnumMap<>(DermoscopicColour.class);
        for (int c = 0; c < colours.length; c++) out.put(colours[c], total == 0 ? 0 : (double) count[c] / total);
        return out;
    }

    static Set<DermoscopicColour> present(WorkingCopy wc, byte[] mask) {
        Set<DermoscopicColour> out = EnumSet.noneOf(DermoscopicColour.class);
        fractions(wc, mask).forEach((c, f) -> {
            if (f >= MIN_FRACTION) out.add(c);
        });
        return out;
    }

    /** Median RGB of the skin ring just outside the lesion (field of view, no hair); null when there is none. */
    static int[] skinColour(WorkingCopy wc, byte[] mask) {
        byte[] wide = wc.dilated(mask, SKIN_RING_512);
        byte[] hair = wc.hairMask();
        int n = 0;
        int[][] hist = new int[3][256];
        for (int i = 0; i < mask.length; i++) {
            if (wide[i] == 0 || mask[i] != 0 || hair[i] != 0 || wc.vignette[i] != 0) continue;
            hist[0][wc.bgrPx[i * 3 + 2] & 0xFF]++;
            hist[1][wc.bgrPx[i * 3 + 1] & 0xFF]++;
            hist[2][wc.bgrPx[i * 3] & 0xFF]++;
            n++;
        }
        if (n == 0) return null;
        int[] rgb = new int[3];
        for (int c = 0; c < 3; c++) {
            int acc = 0;
            int v = 0;
            while (acc + hist[c][v] <= n / 2 && v < 255) acc += hist[c][v++];
            rgb[c] = v;
        }
        return rgb;
    }

    private static long distance(int r, int g, int b, int[] p) {
        long dr = r - p[0];
        long dg = g - p[1];
        long db = b - p[2];
        return dr * dr + dg * dg + db * db;
    }

}

package org.dermdesk.imaging;

/** Small plain-Java helpers on 0/255 byte masks. */
final class Masks {

    private Masks() {
    }

    static int area(byte[] m) {
        int n = 0;
        for (byte b : m) {
            if (b != 0) n++;
        }
        return n;
    }

    /** Fraction of {@code region} also in {@code m}; NaN when the region is empty. */
    static double fractionOf(byte[] m, byte[] region) {
        int in = 0;
        int both = 0;
        for (int i = 0; i < m.length; i++) {
            if (region[i] != 0) {
                in++;
                if (m[i] != 0) both++;
            }
        }
        return in == 0 ? Double.NaN : (double) both / in;
    }

    /** m AND NOT exclude, in place; returns m. */
    static byte[] minus(byte[] m, byte[] exclude) {
        for (int i = 0; i < m.length; i++) {
            if (exclude[i] != 0) m[i] = 0;
        }
        return m;
    }

    /** Number of pixels not in the exclusion mask (at least 1). */
    static int countOutside(byte[] exclude) {
        return Math.max(1, exclude.length - area(exclude));
    }
}

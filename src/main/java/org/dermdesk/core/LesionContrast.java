package org.dermdesk.core;

/**
 * The lesion's mean colour against the skin around it, in CIE L*a*b*: the lesion's linear RGB divided
 * channel by channel by the skin's (a von Kries adaptation that makes the skin white), then taken to
 * L*a*b* and compared with white. Dividing by the skin takes out the exposure and the white balance,
 * which differ between dermatoscopes and visits far more than the lesion does; the skin is taken from
 * a box around the lesion (half its size on each side), so that a change of zoom brings in no more of
 * the scope's vignetted rim.
 */
public record LesionContrast(double dL, double da, double db) {

    /** Pixels darker than this lightness are the scope's aperture, not skin. */
    private static final double APERTURE_L = 20;
    /** Skin box: the lesion's bounding box widened by this share of its size on each side. */
    private static final double SKIN_BOX = 0.5;

    /** The contrast of a lesion; NaN components when the outline or the skin is empty. */
    public static LesionContrast of(LesionImage image, Mask mask) {
        if (mask.width() != image.width() || mask.height() != image.height()) {
            throw new IllegalArgumentException("outline and image sizes differ for " + image.source());
        }
        int w = mask.width();
        byte[] m = mask.pixels();
        int x0 = Integer.MAX_VALUE;
        int y0 = Integer.MAX_VALUE;
        int x1 = -1;
        int y1 = -1;
        for (int i = 0; i < m.length; i++) {
            if (m[i] == 0) continue;
            x0 = Math.min(x0, i % w);
            x1 = Math.max(x1, i % w);
            y0 = Math.min(y0, i / w);
            y1 = Math.max(y1, i / w);
        }
        if (x1 < 0) return new LesionContrast(Double.NaN, Double.NaN, Double.NaN);
        int mx = (int) Math.ceil(SKIN_BOX * (x1 - x0 + 1));
        int my = (int) Math.ceil(SKIN_BOX * (y1 - y0 + 1));
        int bx0 = Math.max(0, x0 - mx);
        int bx1 = Math.min(w - 1, x1 + mx);
        int by0 = Math.max(0, y0 - my);
        int by1 = Math.min(mask.height() - 1, y1 + my);
        double[] in = new double[3];
        double[] out = new double[3];
        int nIn = 0;
        int nOut = 0;
        byte[] rgb = image.rgb();
        double[] lab = new double[3];
        for (int y = by0; y <= by1; y++) {
            for (int x = bx0; x <= bx1; x++) {
                int i = y * w + x;
                int r = rgb[i * 3] & 0xFF;
                int g = rgb[i * 3 + 1] & 0xFF;
                int b = rgb[i * 3 + 2] & 0xFF;
                double[] acc;
                if (m[i] != 0) {
                    acc = in;
                    nIn++;
                } else {
                    toLab(r, g, b, lab);
                    if (lab[0] < APERTURE_L) continue;
                    acc = out;
                    nOut++;
                }
                acc[0] += linear(r);
                acc[1] += linear(g);
                acc[2] += linear(b);
            }
        }
        if (nIn == 0 || nOut == 0) return new LesionContrast(Double.NaN, Double.NaN, Double.NaN);
        toLab(in[0] / nIn / (out[0] / nOut), in[1] / nIn / (out[1] / nOut), in[2] / nIn / (out[2] / nOut), lab);
        return new LesionContrast(lab[0] - 100, lab[1], lab[2]);
    }

    /** Euclidean distance of two contrasts (a CIE76 colour difference of the differences). */
    public double distance(LesionContrast o) {
        return Math.sqrt((dL - o.dL) * (dL - o.dL) + (da - o.da) * (da - o.da) + (db - o.db) * (db - o.db));
    }

    /** sRGB (D65) to CIE L*a*b*. */
    static void toLab(int r, int g, int b, double[] lab) {
        toLab(linear(r), linear(g), linear(b), lab);
    }

    /** Linear RGB (1 = white) to CIE L*a*b*. */
    static void toLab(double rl, double gl, double bl, double[] lab) {
        double x = (0.4124 * rl + 0.3576 * gl + 0.1805 * bl) / 0.95047;
        double y = 0.2126 * rl + 0.7152 * gl + 0.0722 * bl;
        double z = (0.0193 * rl + 0.1192 * gl + 0.9505 * bl) / 1.08883;
        double fx = f(x);
        double fy = f(y);
        double fz = f(z);
        lab[0] = 116 * fy - 16;
        lab[1] = 500 * (fx - fy);
        lab[2] = 200 * (fy - fz);
    }

    private static final double[] LINEAR = new double[256];

    static {
        for (int c = 0; c < 256; c++) {
            double v = c / 255.0;
            LINEAR[c] = v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        }
    }

    private static double linear(int c) {
        return LINEAR[c];
    }

    private static double f(double t) {
        return t > 216.0 / 24389 ? Math.cbrt(t) : (24389.0 / 27 * t + 16) / 116;
    }
}

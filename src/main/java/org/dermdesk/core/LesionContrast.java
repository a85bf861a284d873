package org.dermdesk.core;

/**
 * The lesion's mean colour against the skin around it, in CIE L*a*b* differences (lesion minus skin).
 * Taking the difference keeps most of an exposure or white-balance change out of it, so two images of
 * one lesion agree much better than two lesions do.
 */
public record LesionContrast(double dL, double da, double db) {

    /** Pixels darker than this lightness are the scope's aperture, not skin. */
    private static final double APERTURE_L = 20;

    /** The contrast of a lesion; NaN components when the outline or the skin is empty. */
    public static LesionContrast of(LesionImage image, Mask mask) {
        if (mask.width() != image.width() || mask.height() != image.height()) {
            throw new IllegalArgumentException("outline and image sizes differ for " + image.source());
        }
        double[] in = new double[3];
        double[] out = new double[3];
        int nIn = 0;
        int nOut = 0;
        byte[] rgb = image.rgb();
        byte[] m = mask.pixels();
        double[] lab = new double[3];
        for (int i = 0; i < m.length; i++) {
            toLab(rgb[i * 3] & 0xFF, rgb[i * 3 + 1] & 0xFF, rgb[i * 3 + 2] & 0xFF, lab);
            if (m[i] != 0) {
                for (int k = 0; k < 3; k++) in[k] += lab[k];
                nIn++;
            } else if (lab[0] >= APERTURE_L) {
                for (int k = 0; k < 3; k++) out[k] += lab[k];
                nOut++;
            }
        }
        if (nIn == 0 || nOut == 0) return new LesionContrast(Double.NaN, Double.NaN, Double.NaN);
        return new LesionContrast(in[0] / nIn - out[0] / nOut, in[1] / nIn - out[1] / nOut, in[2] / nIn - out[2] / nOut);
    }

    /** Euclidean distance of two contrasts (a CIE76 colour difference of the differences). */
    public double distance(LesionContrast o) {
        return Math.sqrt((dL - o.dL) * (dL - o.dL) + (da - o.da) * (da - o.da) + (db - o.db) * (db - o.db));
    }

    /** sRGB (D65) to CIE L*a*b*. */
    static void toLab(int r, int g, int b, double[] lab) {
        double rl = linear(r);
        double gl = linear(g);
        double bl = linear(b);
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

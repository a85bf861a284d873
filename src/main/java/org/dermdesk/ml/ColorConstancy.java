package org.dermdesk.ml;

/**
 * Shades-of-Grey colour constancy (Finlayson and Trezzi 2004), the normalisation that helped most
 * across ISIC clinics (Barata et al. 2015): estimate the illuminant as the Minkowski p-norm mean of
 * each channel and rescale channels so that it becomes neutral grey.
 */
final class ColorConstancy {

    static final int P = 6;

    private ColorConstancy() {
    }

    static byte[] shadesOfGrey(byte[] rgb) {
        double[] norm = new double[3];
        int pixels = rgb.length / 3;
        for (int i = 0; i < rgb.length; i++) {
            double v = (rgb[i] & 0xFF) / 255.0;
            double v2 = v * v;
            norm[i % 3] += v2 * v2 * v2;
        }
        double[] illuminant = new double[3];
        double length = 0;
        for (int c = 0; c < 3; c++) {
            illuminant[c] = Math.pow(norm[c] / pixels, 1.0 / P);
            length += illuminant[c] * illuminant[c];
        }
        length = Math.sqrt(length);
        float[] gain = new float[3];
        for (int c = 0; c < 3; c++) {
            // a neutral illuminant has each component 1/sqrt(3) of its length
            gain[c] = illuminant[c] <= 1e-6 ? 1f : (float) (length / (Math.sqrt(3) * illuminant[c]));
        }
        byte[] out = new byte[rgb.length];
        for (int i = 0; i < rgb.length; i++) {
            out[i] = (byte) Math.min(255, Math.round((rgb[i] & 0xFF) * gain[i % 3]));
        }
        return out;
    }
}

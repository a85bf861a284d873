package org.dermdesk.ml;

import org.dermdesk.core.LesionImage;
import org.dermdesk.core.Rasters;

/**
 * The single definition of the network input, used by training and by inference alike (a test
 * proves they agree). Split in two steps so that training can cache the resized pixels once and
 * still run the very same normalisation on every batch.
 */
public final class Preprocessing {

    private Preprocessing() {
    }

    /** Step 1: the image resized to the network's square input, RGB bytes. */
    public static byte[] resize(LesionImage image, InputSpec spec) {
        byte[] small = Rasters.resizeArea(image.rgb(), image.width(), image.height(), spec.size(), spec.size());
        return spec.colorConstancy() ? ColorConstancy.shadesOfGrey(small) : small;
    }

    /** Step 2: RGB bytes to normalised planar floats (C,H,W), written into {@code out} at {@code offset}. */
    public static void normalise(byte[] rgb, InputSpec spec, float[] out, int offset) {
        int plane = spec.size() * spec.size();
        for (int c = 0; c < 3; c++) {
            float mean = spec.mean()[c];
            float scale = 1f / (255f * spec.std()[c]);
            float shift = mean / spec.std()[c];
            int base = offset + c * plane;
            for (int i = 0; i < plane; i++) {
                out[base + i] = (rgb[i * 3 + c] & 0xFF) * scale - shift;
            }
        }
    }

    /** Both steps: what the network sees for this image. */
    public static float[] toInput(LesionImage image, InputSpec spec) {
        float[] out = new float[3 * spec.size() * spec.size()];
        normalise(resize(image, spec), spec, out, 0);
        return out;
    }
}

package org.dermdesk.ml;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How an image becomes a network input: the whole image resized by area averaging to
 * {@code size x size} (aspect not kept, as in training), optionally colour-normalised, scaled to
 * 0..1, then normalised per channel.
 *
 * @param colorConstancy apply Shades-of-Grey colour constancy (p = 6) after resizing: removes the
 *                       colour cast of each clinic's dermatoscope and camera
 */
public record InputSpec(@JsonProperty("size") int size, @JsonProperty("mean") float[] mean,
                        @JsonProperty("std") float[] std, @JsonProperty("color_constancy") boolean colorConstancy) {

    /** The seed network's input: 64x64, pixel values scaled to 0..1 and nothing else. */
    public static InputSpec unitScaled(int size) {
        return new InputSpec(size, new float[] {0, 0, 0}, new float[] {1, 1, 1}, false);
    }

    /** The input of the stronger networks: colour-normalised, standardised around typical skin values. */
    public static InputSpec standardised(int size) {
        return new InputSpec(size, new float[] {0.60f, 0.50f, 0.47f}, new float[] {0.20f, 0.20f, 0.20f}, true);
    }

    /** The same input at another size (training caches a larger copy to crop from). */
    public InputSpec withSize(int newSize) {
        return new InputSpec(newSize, mean, std, colorConstancy);
    }
}

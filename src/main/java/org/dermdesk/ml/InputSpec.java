package org.dermdesk.ml;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How an image becomes a network input: the whole image resized by area averaging to
 * {@code size x size} (aspect not kept, as in training), scaled to 0..1, then normalised per channel.
 */
public record InputSpec(@JsonProperty("size") int size, @JsonProperty("mean") float[] mean, @JsonProperty("std") float[] std) {

    /** The seed network's input: 64x64, pixel values scaled to 0..1 and nothing else. */
    public static InputSpec unitScaled(int size) {
        return new InputSpec(size, new float[] {0, 0, 0}, new float[] {1, 1, 1});
    }
}

package org.dermdesk.core;

import java.util.Objects;

/**
 * A binary pixel mask the size of its image: a byte per pixel, 0 = outside, anything else = inside.
 * The array is owned by the mask and never modified; do not modify the array returned by {@link #pixels()}.
 */
public record Mask(int width, int height, byte[] pixels) {

    public Mask {
        Objects.requireNonNull(pixels, "pixels");
        if (pixels.length != width * height) {
            throw new IllegalArgumentException("expected " + width * height + " mask bytes, got " + pixels.length);
        }
    }

    public boolean contains(int x, int y) {
        return pixels[y * width + x] != 0;
    }

    /** Number of pixels inside the mask. */
    public int area() {
        int n = 0;
        for (byte p : pixels) {
            if (p != 0) {
                n++;
            }
        }
        return n;
    }

    /** Fraction 0..1 of the image covered. */
    public double coverage() {
        return (double) area() / pixels.length;
    }

    /** Fraction 0..1 of {@code region} that this mask also covers; 0 when the region is empty. */
    public double coverageOf(Mask region) {
        if (region.width != width || region.height != height) {
            throw new IllegalArgumentException("mask sizes differ");
        }
        int inRegion = 0;
        int both = 0;
        for (int i = 0; i < pixels.length; i++) {
            if (region.pixels[i] != 0) {
                inRegion++;
                if (pixels[i] != 0) {
                    both++;
                }
            }
        }
        return inRegion == 0 ? 0 : (double) both / inRegion;
    }
}

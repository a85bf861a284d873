package org.dermdesk.ui;

/** A premultiplication-free ARGB raster, row-major, ready for a PixelWriter; never modified once built. */
public record ArgbRaster(int width, int height, int[] pixels) {

    public ArgbRaster {
        if (pixels.length != width * height) {
            throw new IllegalArgumentException("expected " + width * height + " pixels, got " + pixels.length);
        }
    }

    public int at(int x, int y) {
        return pixels[y * width + x];
    }
}

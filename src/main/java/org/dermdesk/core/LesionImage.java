package org.dermdesk.core;

import java.util.Objects;

/**
 * A decoded, upright RGB image of one lesion: 8 bits per channel, interleaved R,G,B, row-major.
 *
 * <p>The pixel array is owned by this record and is never modified after construction; callers
 * must not modify the array returned by {@link #rgb()} (it is not copied, for speed).
 *
 * @param source        a short display name of where the image came from (a file name, never patient data)
 * @param metadataScale the scale the file's own resolution metadata gives at this raster's size
 *                      ({@link ScaleSource#FILE_METADATA}), or {@link Scale#unknown()}
 */
public record LesionImage(String source, int width, int height, byte[] rgb, Scale metadataScale) {

    public LesionImage {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(rgb, "rgb");
        Objects.requireNonNull(metadataScale, "metadataScale");
        if (metadataScale.known() && metadataScale.source() != ScaleSource.FILE_METADATA) {
            throw new IllegalArgumentException("an image's own scale comes from its file's metadata: " + metadataScale.source());
        }
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image size must be positive: " + width + "x" + height);
        }
        if (rgb.length != width * height * 3) {
            throw new IllegalArgumentException("expected " + (width * height * 3) + " bytes, got " + rgb.length);
        }
    }

    /** An image whose file says nothing about its scale. */
    public LesionImage(String source, int width, int height, byte[] rgb) {
        this(source, width, height, rgb, Scale.unknown());
    }

    /** Channel value 0..255 of pixel (x, y); channel 0 = red, 1 = green, 2 = blue. */
    public int channel(int x, int y, int c) {
        return rgb[(y * width + x) * 3 + c] & 0xFF;
    }

    /** A copy of this image with other pixels of the same size (for example after hair removal). */
    public LesionImage withPixels(byte[] newRgb) {
        return new LesionImage(source, width, height, newRgb, metadataScale);
    }
}

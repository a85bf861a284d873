package org.dermdesk.imaging;

/**
 * An image's size as its file header declares it, read without decoding, so that a file declaring an
 * absurd size is refused before a decoder allocates memory for it.
 */
record ImageHeader(int width, int height) {

    long pixels() {
        return (long) width * height;
    }

    /** The header of a file of the given format, or null when it cannot be read (a damaged header). */
    static ImageHeader read(ImageFormat format, byte[] b) {
        ImageHeader h = switch (format) {
            case JPEG -> jpeg(b);
            case PNG -> png(b);
            case BMP -> bmp(b);
            case TIFF -> tiff(b);
        };
        return h != null && h.width > 0 && h.height > 0 ? h : null;
    }

    private static ImageHeader jpeg(byte[] b) {
        JpegMarkers.Walk walk = JpegMarkers.walk(b);
        return new ImageHeader(walk.width(), walk.height());
    }

    /** IHDR is the first chunk: width and height are big-endian 32-bit at 16 and 20. */
    private static ImageHeader png(byte[] b) {
        if (b.length < 24 || b[12] != 'I' || b[13] != 'H' || b[14] != 'D' || b[15] != 'R') {
            return null;
        }
        return of(s32(b, 16, false), s32(b, 20, false));
    }

    /** BITMAPCOREHEADER (12 bytes) has 16-bit sizes, later headers 32-bit; a negative height means top-down. */
    private static ImageHeader bmp(byte[] b) {
        if (b.length < 26) {
            return null;
        }
        long headerSize = s32(b, 14, true);
        if (headerSize == 12) {
            return of(u16(b, 18, true), u16(b, 20, true));
        }
        return of(s32(b, 18, true), Math.abs(s32(b, 22, true)));
    }

    /** ImageWidth (256) and ImageLength (257) in the first image file directory. */
    private static ImageHeader tiff(byte[] b) {
        boolean little = b[0] == 'I';
        long ifd = s32(b, 4, little) & 0xFFFFFFFFL;
        if (ifd + 2 > b.length) {
            return null;
        }
        int entries = u16(b, (int) ifd, little);
        long width = -1;
        long height = -1;
        for (int k = 0; k < entries; k++) {
            int e = (int) ifd + 2 + 12 * k;
            if (e + 12 > b.length) {
                return null;
            }
            int tag = u16(b, e, little);
            int type = u16(b, e + 2, little);
            long value = type == 3 ? u16(b, e + 8, little) : type == 4 ? s32(b, e + 8, little) & 0xFFFFFFFFL : -1;
            if (tag == 256) {
                width = value;
            } else if (tag == 257) {
                height = value;
            }
        }
        return of(width, height);
    }

    private static ImageHeader of(long width, long height) {
        return width > 0 && height > 0 && width <= Integer.MAX_VALUE && height <= Integer.MAX_VALUE
                ? new ImageHeader((int) width, (int) height) : null;
    }

    private static int u16(byte[] b, int i, boolean little) {
        int x = b[i] & 0xFF;
        int y = b[i + 1] & 0xFF;
        return little ? x | y << 8 : x << 8 | y;
    }

    private static int s32(byte[] b, int i, boolean little) {
        return little ? u16(b, i, true) | u16(b, i + 2, true) << 16 : u16(b, i, false) << 16 | u16(b, i + 2, false);
    }
}

package org.dermdesk.imaging;

import java.util.Arrays;

/** The image formats DermDesk accepts, recognised by their magic bytes rather than their file names. */
enum ImageFormat {
    JPEG("JPEG"),
    PNG("PNG"),
    BMP("BMP"),
    TIFF("TIFF");

    private static final byte[] PNG_IEND = {'I', 'E', 'N', 'D'};

    private final String displayName;

    ImageFormat(String displayName) {
        this.displayName = displayName;
    }

    String displayName() {
        return displayName;
    }

    static ImageFormat sniff(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
            return JPEG;
        }
        if (b.length >= 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return PNG;
        }
        if (b.length >= 2 && b[0] == 'B' && b[1] == 'M') {
            return BMP;
        }
        if (b.length >= 4 && ((b[0] == 'I' && b[1] == 'I' && b[2] == 42 && b[3] == 0)
                || (b[0] == 'M' && b[1] == 'M' && b[2] == 0 && b[3] == 42))) {
            return TIFF;
        }
        return null;
    }

    /**
     * Whether the file holds its end marker. Decoders silently fill a truncated JPEG with grey, which
     * would then be classified; a missing end marker is the reliable sign of a cut-off transfer. For a
     * JPEG the marker may be followed by other bytes (padding, a second image), or it may close data that is
     * damaged in the middle (a stray marker stops the walk): {@link JpegDamage} then tells.
     */
    boolean isComplete(byte[] b) {
        switch (this) {
            case JPEG:
                return JpegMarkers.walk(b).reachesEnd() || endsWithEndMarker(b);
            case PNG:
                return pngReachesEnd(b);
            default:
                return true;
        }
    }

    /** EOI (FF D9) at the end, allowing for trailing padding some cameras add. */
    private static boolean endsWithEndMarker(byte[] b) {
        for (int i = b.length - 2; i >= Math.max(2, b.length - 1024); i--) {
            if ((b[i] & 0xFF) == 0xFF && (b[i + 1] & 0xFF) == 0xD9) {
                return true;
            }
        }
        return false;
    }

    /** Walks the chunks (length, type, data, CRC) after the signature until IEND; bytes after it are ignored. */
    private static boolean pngReachesEnd(byte[] b) {
        long i = 8;
        while (i + 8 <= b.length) {
            long length = ((b[(int) i] & 0xFFL) << 24) | ((b[(int) i + 1] & 0xFF) << 16) | ((b[(int) i + 2] & 0xFF) << 8) | (b[(int) i + 3] & 0xFF);
            if (Arrays.equals(b, (int) i + 4, (int) i + 8, PNG_IEND, 0, 4)) {
                return true;
            }
            i += 12 + length;
        }
        return false;
    }
}

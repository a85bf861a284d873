package org.dermdesk.imaging;

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
     * would then be classified; a missing end marker is the reliable sign of a cut-off transfer.
     */
    boolean isComplete(byte[] b) {
        switch (this) {
            case JPEG:
                // EOI (FF D9) at the end, allowing for trailing padding some cameras add
                for (int i = b.length - 2; i >= Math.max(2, b.length - 1024); i--) {
                    if ((b[i] & 0xFF) == 0xFF && (b[i + 1] & 0xFF) == 0xD9) {
                        return true;
                    }
                }
                return false;
            case PNG:
                return b.length >= 12 && indexOf(b, PNG_IEND, b.length - 12) >= 0;
            default:
                return true;
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = Math.max(0, from); i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}

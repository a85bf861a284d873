package org.dermdesk.imaging;

/**
 * Walks a JPEG file's marker segments from the start, without decoding: the frame size from the first
 * start-of-frame segment, and whether the end-of-image marker follows the image data. Bytes after the
 * end marker (padding, a second image some cameras append) are not part of the image and are ignored.
 */
final class JpegMarkers {

    private static final int SOS = 0xDA;
    private static final int EOI = 0xD9;

    /** Width and height from the start-of-frame segment (-1 when none was found), and whether EOI was reached. */
    record Walk(int width, int height, boolean reachesEnd) {
    }

    private JpegMarkers() {
    }

    static Walk walk(byte[] b) {
        int width = -1;
        int height = -1;
        int n = b.length;
        int i = 2; // after SOI
        while (i < n) {
            while (i < n && (b[i] & 0xFF) != 0xFF) {
                i++; // stray bytes between segments: libjpeg skips them too (with a warning)
            }
            while (i < n && (b[i] & 0xFF) == 0xFF) {
                i++; // fill bytes
            }
            if (i >= n) {
                break;
            }
            int marker = b[i++] & 0xFF;
            if (marker == EOI) {
                return new Walk(width, height, true);
            }
            if (marker == 0x00 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                continue; // no length: stuffing, TEM, restart markers
            }
            if (i + 2 > n) {
                break;
            }
            int length = u16(b, i);
            if (length < 2 || i + length > n) {
                break; // the segment runs past the end of the file
            }
            if (isStartOfFrame(marker) && width < 0 && length >= 7) {
                height = u16(b, i + 3);
                width = u16(b, i + 5);
            }
            i += length;
            if (marker == SOS) {
                i = afterEntropyCodedData(b, i);
            }
        }
        return new Walk(width, height, false);
    }

    /** The index of the first marker after a scan's entropy-coded data (where FF is followed by 00 or a restart marker). */
    private static int afterEntropyCodedData(byte[] b, int i) {
        int n = b.length;
        while (i + 1 < n) {
            if ((b[i] & 0xFF) == 0xFF) {
                int next = b[i + 1] & 0xFF;
                if (next == 0x00 || (next >= 0xD0 && next <= 0xD7)) {
                    i += 2;
                    continue;
                }
                if (next != 0xFF) {
                    return i;
                }
            }
            i++;
        }
        return n;
    }

    private static boolean isStartOfFrame(int marker) {
        return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    }

    private static int u16(byte[] b, int i) {
        return ((b[i] & 0xFF) << 8) | (b[i + 1] & 0xFF);
    }
}

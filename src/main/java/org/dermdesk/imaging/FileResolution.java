package org.dermdesk.imaging;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.dermdesk.core.FieldOfView;
import org.dermdesk.core.Scale;

/**
 * The scale an image file's own resolution metadata states, read from the bytes the loader already
 * holds: JPEG EXIF XResolution/YResolution with ResolutionUnit (or the JFIF header's densities), TIFF
 * the same tags, PNG pHYs (pixels per metre) and BMP's pixels-per-metre fields.
 *
 * <p>Most files' resolution is not a scale of the skin: it says how large to print the picture or show
 * it on screen, and cameras and editors write a default. It is taken as a scale only where it can be
 * one physically:
 * <ul>
 *   <li>its unit is a length (inch, centimetre, metre): "no unit" (an aspect ratio) says nothing of size,
 *       and a TIFF/EXIF value without an explicit ResolutionUnit is left alone rather than read in the
 *       specification's default inch;</li>
 *   <li>horizontal and vertical resolution agree (square pixels), so one number is the scale;</li>
 *   <li>it is not a generic screen default ({@link #GENERIC_DPI}: 72 or 96 dpi, as written by cameras and
 *       image editors that know nothing of the object);</li>
 *   <li>at that scale the image covers a plausible dermoscopic {@link FieldOfView}: a print resolution
 *       (say 300 dpi, 11.8 px/mm) makes a 1024-pixel image 87 mm wide, which no dermatoscope shows. Only a
 *       device that writes the resolution at the skin (thousands of dots per inch) passes.</li>
 * </ul>
 */
final class FileResolution {

    /** Screen defaults that say nothing of the object: 72 dpi (Mac, most cameras) and 96 dpi (Windows). */
    static final double[] GENERIC_DPI = {72, 96};
    /** Resolutions within this many dots per inch of a generic one count as it (pixels per metre are rounded). */
    static final double GENERIC_TOLERANCE_DPI = 0.5;
    /** Horizontal and vertical resolution may differ by this fraction and still be one scale. */
    static final double SQUARE_TOLERANCE = 0.01;

    private static final double MM_PER_INCH = 25.4;
    private static final int TAG_X_RESOLUTION = 282;
    private static final int TAG_Y_RESOLUTION = 283;
    private static final int TAG_RESOLUTION_UNIT = 296;
    private static final int UNIT_INCH = 2;
    private static final int UNIT_CM = 3;
    private static final byte[] EXIF = {'E', 'x', 'i', 'f', 0, 0};
    private static final byte[] JFIF = {'J', 'F', 'I', 'F', 0};

    /** Stated resolution in pixels per millimetre, horizontally and vertically. */
    record Stated(double xPerMm, double yPerMm) {
    }

    private FileResolution() {
    }

    /**
     * The file's scale at its full size {@code width} x {@code height}, or {@link Scale#unknown()} when it
     * states none that is physically meaningful (see the class comment). A damaged metadata block counts
     * as none: it never stops the image from loading.
     */
    static Scale read(ImageFormat format, byte[] b, int width, int height) {
        Stated s;
        try {
            s = stated(format, b);
        } catch (IndexOutOfBoundsException e) {
            s = null; // metadata that points past the file's end: no scale
        }
        if (s == null || !(s.xPerMm() > 0) || !(s.yPerMm() > 0) || !Double.isFinite(s.xPerMm()) || !Double.isFinite(s.yPerMm())) {
            return Scale.unknown();
        }
        if (Math.abs(s.xPerMm() - s.yPerMm()) > SQUARE_TOLERANCE * Math.max(s.xPerMm(), s.yPerMm())) {
            return Scale.unknown();
        }
        double pxPerMm = (s.xPerMm() + s.yPerMm()) / 2;
        if (isGeneric(pxPerMm) || !FieldOfView.plausible(width, height, pxPerMm)) {
            return Scale.unknown();
        }
        return Scale.fileMetadata(pxPerMm);
    }

    static boolean isGeneric(double pxPerMm) {
        double dpi = pxPerMm * MM_PER_INCH;
        return Arrays.stream(GENERIC_DPI).anyMatch(g -> Math.abs(dpi - g) <= GENERIC_TOLERANCE_DPI);
    }

    /** The resolution the file states in a length unit, or null when it states none. */
    static Stated stated(ImageFormat format, byte[] b) {
        return switch (format) {
            case JPEG -> jpeg(b);
            case PNG -> png(b);
            case BMP -> bmp(b);
            case TIFF -> tiff(b, 0);
        };
    }

    /** EXIF (APP1) where it states a resolution, else JFIF (APP0); segments before the first scan only. */
    private static Stated jpeg(byte[] b) {
        Stated jfif = null;
        int i = 2;
        while (i + 4 <= b.length && (b[i] & 0xFF) == 0xFF) {
            int marker = b[i + 1] & 0xFF;
            if (marker == 0xDA || marker == 0xD9) {
                break; // start of scan: metadata segments come before it
            }
            int length = u16(b, i + 2, false);
            int data = i + 4;
            if (length < 2 || i + 2 + length > b.length) {
                break;
            }
            if (marker == 0xE1 && startsWith(b, data, EXIF)) {
                Stated exif = tiff(b, data + EXIF.length);
                if (exif != null) {
                    return exif;
                }
            } else if (marker == 0xE0 && startsWith(b, data, JFIF) && length >= 16 && jfif == null) {
                jfif = jfif(b[data + 7] & 0xFF, u16(b, data + 8, false), u16(b, data + 10, false));
            }
            i += 2 + length;
        }
        return jfif;
    }

    /** JFIF density units: 1 dots per inch, 2 dots per centimetre; 0 is an aspect ratio only. */
    private static Stated jfif(int units, int x, int y) {
        return switch (units) {
            case 1 -> new Stated(x / MM_PER_INCH, y / MM_PER_INCH);
            case 2 -> new Stated(x / 10.0, y / 10.0);
            default -> null;
        };
    }

    /** XResolution, YResolution and ResolutionUnit of the first IFD of a TIFF structure starting at {@code start}. */
    private static Stated tiff(byte[] b, int start) {
        if (start + 8 > b.length) {
            return null;
        }
        boolean little = b[start] == 'I' && b[start + 1] == 'I';
        if (!little && !(b[start] == 'M' && b[start + 1] == 'M')) {
            return null;
        }
        long ifd = start + (s32(b, start + 4, little) & 0xFFFFFFFFL);
        if (ifd + 2 > b.length) {
            return null;
        }
        int entries = u16(b, (int) ifd, little);
        double x = Double.NaN;
        double y = Double.NaN;
        int unit = -1; // absent: the specification's default (inch) is not trusted as a statement of size
        for (int k = 0; k < entries; k++) {
            int e = (int) ifd + 2 + 12 * k;
            if (e + 12 > b.length) {
                return null;
            }
            int tag = u16(b, e, little);
            int type = u16(b, e + 2, little);
            if ((tag == TAG_X_RESOLUTION || tag == TAG_Y_RESOLUTION) && type == 5) { // RATIONAL, stored at an offset
                long at = start + (s32(b, e + 8, little) & 0xFFFFFFFFL);
                double v = at + 8 > b.length ? Double.NaN : rational(b, (int) at, little);
                if (tag == TAG_X_RESOLUTION) {
                    x = v;
                } else {
                    y = v;
                }
            } else if (tag == TAG_RESOLUTION_UNIT && type == 3) { // SHORT, in the entry itself
                unit = u16(b, e + 8, little);
            }
        }
        double perMm = switch (unit) {
            case UNIT_INCH -> 1 / MM_PER_INCH;
            case UNIT_CM -> 0.1;
            default -> Double.NaN;
        };
        return Double.isNaN(perMm) || Double.isNaN(x) || Double.isNaN(y) ? null : new Stated(x * perMm, y * perMm);
    }

    private static double rational(byte[] b, int at, boolean little) {
        long num = s32(b, at, little) & 0xFFFFFFFFL;
        long den = s32(b, at + 4, little) & 0xFFFFFFFFL;
        return den == 0 ? Double.NaN : (double) num / den;
    }

    /** pHYs: pixels per unit in x and y, and the unit (1 = metre, 0 = aspect ratio only); it precedes IDAT. */
    private static Stated png(byte[] b) {
        long i = 8;
        while (i + 8 <= b.length) {
            long length = s32(b, (int) i, false) & 0xFFFFFFFFL;
            String type = new String(b, (int) i + 4, 4, StandardCharsets.US_ASCII);
            if (type.equals("IDAT") || type.equals("IEND")) {
                return null;
            }
            if (type.equals("pHYs") && length == 9 && i + 17 <= b.length) {
                int d = (int) i + 8;
                if ((b[d + 8] & 0xFF) != 1) {
                    return null;
                }
                return new Stated((s32(b, d, false) & 0xFFFFFFFFL) / 1000.0, (s32(b, d + 4, false) & 0xFFFFFFFFL) / 1000.0);
            }
            i += 12 + length;
        }
        return null;
    }

    /** BITMAPINFOHEADER and later (40 bytes or more): signed pixels per metre at 38 and 42; 0 means unstated. */
    private static Stated bmp(byte[] b) {
        if (b.length < 46 || (s32(b, 14, true) & 0xFFFFFFFFL) < 40) {
            return null;
        }
        int x = s32(b, 38, true);
        int y = s32(b, 42, true);
        return x <= 0 || y <= 0 ? null : new Stated(x / 1000.0, y / 1000.0);
    }

    private static boolean startsWith(byte[] b, int at, byte[] prefix) {
        return at + prefix.length <= b.length && Arrays.equals(b, at, at + prefix.length, prefix, 0, prefix.length);
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

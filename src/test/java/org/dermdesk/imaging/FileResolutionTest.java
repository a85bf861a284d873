package org.dermdesk.imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.dermdesk.core.LesionImage;
import org.dermdesk.core.Scale;
import org.dermdesk.core.ScaleSource;
import org.dermdesk.testsupport.SyntheticLesions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file's own resolution as a scale, from files this test writes: only where it can be a scale of the skin. */
class FileResolutionTest {

    private static final int W = 600;
    private static final int H = 400;

    @TempDir
    Path dir;

    @Test
    void readsExifResolutionInInchesFromAJpeg() throws Exception {
        // 762 dpi = 30 px/mm: the 600-pixel image covers 20 mm, a dermoscopic field
        LesionImage img = load("exif.jpg", withExif(jpeg(), 762, 762, 2));
        assertEquals(ScaleSource.FILE_METADATA, img.metadataScale().source());
        assertEquals(30.0, img.metadataScale().pxPerMm(), 1e-6);
        assertEquals(Scale.FILE_METADATA_CONFIDENCE, img.metadataScale().confidence());
    }

    @Test
    void readsExifResolutionInCentimetres() throws Exception {
        assertEquals(25.0, load("cm.jpg", withExif(jpeg(), 250, 250, 3)).metadataScale().pxPerMm(), 1e-6);
    }

    @Test
    void takesNoScaleFromTheGenericSeventyTwoOrNinetySixDpi() throws Exception {
        assertFalse(load("72.jpg", withExif(jpeg(), 72, 72, 2)).metadataScale().known());
        assertFalse(load("96.jpg", withExif(jpeg(), 96, 96, 2)).metadataScale().known());
        assertFalse(load("72.png", withPhys(png(), 2835, 2835, 1)).metadataScale().known(), "72 dpi in pixels per metre");
        assertFalse(load("96.png", withPhys(png(), 3780, 3780, 1)).metadataScale().known(), "96 dpi in pixels per metre");
    }

    @Test
    void takesNoScaleFromAPrintResolution() throws Exception {
        // 300 dpi makes the 600-pixel image 51 mm wide: more than a dermatoscope shows
        assertFalse(load("300.jpg", withExif(jpeg(), 300, 300, 2)).metadataScale().known());
    }

    @Test
    void takesNoScaleWithoutALengthUnit() throws Exception {
        assertFalse(load("nounit.jpg", withExif(jpeg(), 762, 762, 1)).metadataScale().known(), "unit 1: none");
        assertFalse(load("absent.jpg", withExif(jpeg(), 762, 762, -1)).metadataScale().known(),
                "no ResolutionUnit tag: the specification's default inch is not trusted");
        assertFalse(load("aspect.png", withPhys(png(), 30000, 30000, 0)).metadataScale().known(), "pHYs unit 0: aspect ratio");
    }

    @Test
    void takesNoScaleFromNonSquarePixels() throws Exception {
        assertFalse(load("rect.jpg", withExif(jpeg(), 762, 900, 2)).metadataScale().known());
    }

    @Test
    void aLargeImageDecodedAtHalfSizeHasHalfThePixelsPerMillimetre() throws Exception {
        // 4200 x 3000 = 12.6 MP is decoded at half size; 5080 dpi = 200 px/mm makes it a 21 mm field
        BufferedImage big = new BufferedImage(4200, 3000, BufferedImage.TYPE_INT_RGB);
        LesionImage img = load("big.jpg", withExif(encode(big, "jpg"), 5080, 5080, 2));
        assertEquals(2100, img.width());
        assertEquals(100.0, img.metadataScale().pxPerMm(), 1e-6);
    }

    @Test
    void readsJfifDensityInDotsPerCentimetre() throws Exception {
        byte[] b = jpeg();
        // ImageIO writes a JFIF APP0 right after SOI: units at 13, X density at 14, Y density at 16
        assertEquals('J', b[6]);
        b[13] = 2;
        b[14] = 0x01;
        b[15] = 0x2C; // 300 dots per cm
        b[16] = 0x01;
        b[17] = 0x2C;
        assertEquals(30.0, load("jfif.jpg", b).metadataScale().pxPerMm(), 1e-6);
    }

    @Test
    void readsPngPhysInPixelsPerMetre() throws Exception {
        LesionImage img = load("phys.png", withPhys(png(), 30000, 30000, 1));
        assertEquals(30.0, img.metadataScale().pxPerMm(), 1e-6);
    }

    @Test
    void theGateMeasuresWithTheFilesScaleWhereTheImageHasNoRuler() throws Exception {
        LesionImage img = load("gate.png", withPhys(png(), 30000, 30000, 1));
        org.dermdesk.core.LesionMeasurements m = new ArtifactQualityGate().assess(img).measurements();
        assertEquals(ScaleSource.FILE_METADATA, m.scale().source());
        assertEquals(m.diameterPx() / 30, m.diameterMm(), 1e-9);
    }

    @Test
    void readsTiffResolutionTags() {
        byte[] tiff = tiff(true, 5080, 2); // 5080 dpi = 200 px/mm
        assertEquals(200.0, FileResolution.read(ImageFormat.TIFF, tiff, 4000, 3000).pxPerMm(), 1e-6);
        assertEquals(200.0, FileResolution.read(ImageFormat.TIFF, tiff(false, 5080, 2), 4000, 3000).pxPerMm(), 1e-6);
        assertFalse(FileResolution.read(ImageFormat.TIFF, tiff(true, 72, 2), 4000, 3000).known());
    }

    @Test
    void readsBmpPixelsPerMetre() throws Exception {
        byte[] b = encode(SyntheticLesions.draw(W, H, 3), "bmp");
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(38, 30000).putInt(42, 30000);
        assertEquals(30.0, load("ppm.bmp", b).metadataScale().pxPerMm(), 1e-6);
    }

    @Test
    void anImageWithoutResolutionOrWithDamagedMetadataLoadsWithoutAScale() throws Exception {
        assertFalse(load("plain.png", png()).metadataScale().known());
        byte[] damaged = withExif(jpeg(), 762, 762, 2);
        // the XResolution value's offset (first entry, big-endian) now points far past the file's end
        int entry = 2 + 4 + 6 + 8 + 2 + 8; // SOI, APP1 marker and length, Exif id, TIFF header, count, tag/type/count
        damaged[entry] = 0x7F;
        LesionImage img = load("damaged.jpg", damaged);
        assertFalse(img.metadataScale().known());
        assertEquals(W, img.width());
    }

    private LesionImage load(String name, byte[] bytes) throws Exception {
        Path f = dir.resolve(name);
        Files.write(f, bytes);
        return ImageLoader.load(f);
    }

    private static byte[] jpeg() throws IOException {
        return encode(SyntheticLesions.draw(W, H, 3), "jpg");
    }

    private static byte[] png() throws IOException {
        return encode(SyntheticLesions.draw(W, H, 3), "png");
    }

    private static byte[] encode(BufferedImage img, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, format, out);
        return out.toByteArray();
    }

    /** A TIFF structure with XResolution, YResolution (rationals x/1, y/1) and, unless -1, ResolutionUnit. */
    private static byte[] exifTiff(long x, long y, int unit, boolean little, int ifdEntriesExtra) {
        int n = unit < 0 ? 2 : 3;
        int valuesAt = 8 + 2 + 12 * (n + ifdEntriesExtra) + 4;
        ByteBuffer t = ByteBuffer.allocate(valuesAt + 16).order(little ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        t.put(little ? (byte) 'I' : (byte) 'M').put(little ? (byte) 'I' : (byte) 'M').putShort((short) 42).putInt(8);
        t.putShort((short) (n + ifdEntriesExtra));
        t.putShort((short) 282).putShort((short) 5).putInt(1).putInt(valuesAt);
        t.putShort((short) 283).putShort((short) 5).putInt(1).putInt(valuesAt + 8);
        if (unit >= 0) {
            t.putShort((short) 296).putShort((short) 3).putInt(1).putShort((short) unit).putShort((short) 0);
        }
        for (int k = 0; k < ifdEntriesExtra; k++) {
            t.putShort((short) 256).putShort((short) 3).putInt(1).putShort((short) 4000).putShort((short) 0);
        }
        t.putInt(0);
        t.putInt((int) x).putInt(1).putInt((int) y).putInt(1);
        return t.array();
    }

    /** A TIFF's first IFD with the resolution tags and an ImageWidth entry. */
    private static byte[] tiff(boolean little, long dpi, int unit) {
        return exifTiff(dpi, dpi, unit, little, 1);
    }

    /** Inserts an APP1 EXIF segment holding the resolution tags right after SOI. */
    static byte[] withExif(byte[] jpeg, long x, long y, int unit) {
        byte[] tiff = exifTiff(x, y, unit, false, 0);
        int length = 2 + 6 + tiff.length;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.write(0xFF);
        out.write(0xE1);
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.writeBytes(new byte[] {'E', 'x', 'i', 'f', 0, 0});
        out.writeBytes(tiff);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /** Inserts a pHYs chunk (with its CRC) after IHDR. */
    static byte[] withPhys(byte[] png, int x, int y, int unit) {
        ByteBuffer chunk = ByteBuffer.allocate(21);
        chunk.putInt(9).put(new byte[] {'p', 'H', 'Y', 's'}).putInt(x).putInt(y).put((byte) unit);
        CRC32 crc = new CRC32();
        crc.update(chunk.array(), 4, 13);
        chunk.putInt((int) crc.getValue());
        int afterIhdr = 8 + 25;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(png, 0, afterIhdr);
        out.writeBytes(chunk.array());
        out.write(png, afterIhdr, png.length - afterIhdr);
        return out.toByteArray();
    }
}

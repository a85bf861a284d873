package org.dermdesk.imaging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import javax.imageio.ImageIO;
import org.dermdesk.core.ArtifactKind;
import org.dermdesk.core.ImageLoadException;
import org.dermdesk.core.LesionImage;
import org.dermdesk.core.QualityReport;
import org.dermdesk.testsupport.SharedData;
import org.dermdesk.testsupport.SyntheticLesions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageLoaderTest {

    @TempDir
    Path dir;

    @Test
    void loadsJpegAsRgb() throws Exception {
        Path file = write("red.jpg", solid(200, 150, 0xC82814, BufferedImage.TYPE_INT_RGB), "jpg");
        LesionImage image = ImageLoader.load(file);
        assertEquals(200, image.width());
        assertEquals(150, image.height());
        assertEquals("red.jpg", image.source());
        assertTrue(Math.abs(image.channel(100, 75, 0) - 0xC8) < 6, "red channel first");
        assertTrue(Math.abs(image.channel(100, 75, 2) - 0x14) < 6, "blue channel last");
    }

    @Test
    void convertsGreyAndAlphaToRgb() throws Exception {
        BufferedImage grey = new BufferedImage(120, 120, BufferedImage.TYPE_BYTE_GRAY);
        grey.getRaster().setSample(10, 10, 0, 77);
        LesionImage g = ImageLoader.load(write("grey.png", grey, "png"));
        assertEquals(77, g.channel(10, 10, 0));
        assertEquals(77, g.channel(10, 10, 2));

        LesionImage a = ImageLoader.load(write("alpha.png", solid(120, 120, 0x80102030, BufferedImage.TYPE_INT_ARGB), "png"));
        assertEquals(120 * 120 * 3, a.rgb().length);
    }

    @Test
    void rejectsMissingFile() {
        ImageLoadException e = assertThrows(ImageLoadException.class, () -> ImageLoader.load(dir.resolve("nope.jpg")));
        assertEquals("nope.jpg: file not found", e.getMessage());
    }

    @Test
    void rejectsTextFile() throws IOException {
        Path file = dir.resolve("notes.jpg");
        Files.writeString(file, "this is not an image");
        ImageLoadException e = assertThrows(ImageLoadException.class, () -> ImageLoader.load(file));
        assertTrue(e.getMessage().startsWith("notes.jpg: not an image"), e.getMessage());
    }

    @Test
    void rejectsEmptyFile() throws IOException {
        Path file = Files.createFile(dir.resolve("empty.png"));
        ImageLoadException e = assertThrows(ImageLoadException.class, () -> ImageLoader.load(file));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
    }

    @Test
    void rejectsTruncatedJpeg() throws Exception {
        byte[] full = encode(solid(300, 200, 0x336699, BufferedImage.TYPE_INT_RGB), "jpg");
        Path file = dir.resolve("cut.jpg");
        Files.write(file, Arrays.copyOf(full, full.length / 2));
        ImageLoadException e = assertThrows(ImageLoadException.class, () -> ImageLoader.load(file));
        assertTrue(e.getMessage().startsWith("cut.jpg: the JPEG file is truncated"), e.getMessage());
    }

    @Test
    void rejectsTruncatedPng() throws Exception {
        byte[] full = encode(solid(300, 200, 0x336699, BufferedImage.TYPE_INT_RGB), "png");
        Path file = dir.resolve("cut.png");
        Files.write(file, Arrays.copyOf(full, full.length - 20));
        ImageLoadException e = assertThrows(ImageLoadException.class, () -> ImageLoader.load(file));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void rejectsCorruptJpegBody() throws Exception {
        byte[] bytes = encode(solid(300, 200, 0x336699, BufferedImage.TYPE_INT_RGB), "jpg");
        // keep the SOI and EOI markers but destroy every header in between
        Arrays.fill(bytes, 2, bytes.length - 2, (byte) 0x00);
        Path file = dir.resolve("corrupt.jpg");
        Files.write(file, bytes);
        ImageLoadException e = assertThrows(ImageLoadException.class, () -> ImageLoader.load(file));
        assertTrue(e.getMessage().contains("corrupt"), e.getMessage());
    }

    @Test
    void rejectsTooSmallImage() throws Exception {
        Path file = write("tiny.png", solid(64, 48, 0x808080, BufferedImage.TYPE_INT_RGB), "png");
        ImageLoadException e = assertThrows(ImageLoadException.class, () -> ImageLoader.load(file));
        assertTrue(e.getMessage().contains("too small"), e.getMessage());
    }

    @Test
    void rejectsFolder() {
        ImageLoadException e = assertThrows(ImageLoadException.class, () -> ImageLoader.load(dir));
        assertTrue(e.getMessage().contains("folder"), e.getMessage());
    }

    @Test
    void appliesExifOrientation() throws Exception {
        // 200x120 landscape with a marker in the top-left corner; EXIF orientation 6 = rotate 90° clockwise
        BufferedImage img = solid(200, 120, 0xFFFFFF, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 30; y++) {
            for (int x = 0; x < 30; x++) {
                img.setRGB(x, y, 0x000000);
            }
        }
        byte[] jpeg = ExifTestImages.withOrientation(encode(img, "jpg"), 6);
        Path file = dir.resolve("rotated.jpg");
        Files.write(file, jpeg);
        LesionImage upright = ImageLoader.load(file);
        assertEquals(120, upright.width());
        assertEquals(200, upright.height());
        // after a clockwise turn the marker sits in the top-right corner
        assertTrue(upright.channel(upright.width() - 5, 5, 0) < 60, "marker moved to top right");
        assertTrue(upright.channel(5, 5, 0) > 200, "top left is white");
    }

    @Test
    void sameFileGivesSamePixels() throws Exception {
        Path file = write("same.png", solid(128, 128, 0x123456, BufferedImage.TYPE_INT_RGB), "png");
        assertArrayEquals(ImageLoader.load(file).rgb(), ImageLoader.load(file).rgb());
    }

    // ---------------------------------------------------------------- damaged JPEGs (issue 18, item 2)

    @Test
    void rejectsJpegWithOverwrittenImageData() throws Exception {
        byte[] bytes = lesionJpeg();
        byte[] noise = new byte[3000];
        new Random(1).nextBytes(noise);
        System.arraycopy(noise, 0, bytes, bytes.length / 2, noise.length);
        assertDamaged("overwritten.jpg", bytes);
        byte[] zeros = lesionJpeg();
        Arrays.fill(zeros, zeros.length / 2, zeros.length / 2 + 3000, (byte) 0);
        assertDamaged("zeros.jpg", zeros);
    }

    @Test
    void rejectsJpegCutShortWithAnEndMarkerAppended() throws Exception {
        byte[] full = lesionJpeg();
        byte[] cut = Arrays.copyOf(full, full.length / 3 + 2);
        cut[cut.length - 2] = (byte) 0xFF;
        cut[cut.length - 1] = (byte) 0xD9;
        assertDamaged("cut-with-eoi.jpg", cut);
    }

    @Test
    void rejectsARealJpegWithOverwrittenImageData() throws Exception {
        Path real = SharedData.dir().resolve("ham10000/full/ISIC_0024306.jpg");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(real), "no " + real + ": test skipped");
        byte[] bytes = Files.readAllBytes(real);
        ImageLoader.load(real);
        byte[] noise = new byte[3000];
        new Random(2).nextBytes(noise);
        System.arraycopy(noise, 0, bytes, bytes.length / 2, noise.length);
        assertDamaged("ISIC_damaged.jpg", bytes);
    }

    @Test
    void acceptsImagesWithDataAfterTheirEndMarker() throws Exception {
        for (String format : new String[] {"jpg", "png"}) {
            byte[] image = encode(SyntheticLesions.draw(300, 200, 3), format);
            byte[] padded = Arrays.copyOf(image, image.length + 4096);
            for (int i = image.length; i < padded.length; i++) {
                padded[i] = (byte) (i * 31 + 7);
            }
            Path plain = Files.write(dir.resolve("plain." + format), image);
            Path trailing = Files.write(dir.resolve("trailing." + format), padded);
            assertArrayEquals(ImageLoader.load(plain).rgb(), ImageLoader.load(trailing).rgb(), format);
        }
    }

    private byte[] lesionJpeg() throws IOException {
        return Files.readAllBytes(SyntheticLesions.writeJpeg(dir.resolve("lesion-" + System.nanoTime() + ".jpg"), 600, 450, 5));
    }

    private void assertDamaged(String name, byte[] bytes) throws IOException {
        Path file = Files.write(dir.resolve(name), bytes);
        ImageLoadException e = assertThrows(ImageLoadException.class, () -> ImageLoader.load(file));
        assertTrue(e.getMessage().startsWith(name + ": the JPEG image data is damaged"), e.getMessage());
    }

    // ---------------------------------------------------------------- sizes from the header (items 4 and 5)

    @Test
    void refusesAbsurdSizesFromTheHeaderBeforeDecoding() throws Exception {
        for (int side : new int[] {30_000, 100_000}) {
            Path file = Files.write(dir.resolve("huge" + side + ".png"), pngDeclaring(side, side));
            ImageLoadException e = assertThrows(ImageLoadException.class, () -> ImageLoader.load(file));
            assertEquals("huge" + side + ".png: the image is too large (" + side + "x" + side
                    + " pixels; at most 40 megapixels can be assessed)", e.getMessage());
        }
    }

    @Test
    void readsTheSizeOfEveryFormatFromItsHeader() throws Exception {
        BufferedImage img = solid(321, 123, 0x336699, BufferedImage.TYPE_INT_RGB);
        for (String format : new String[] {"jpg", "png", "bmp", "tiff"}) {
            byte[] bytes = encode(img, format);
            ImageHeader h = ImageHeader.read(ImageFormat.sniff(bytes), bytes);
            assertEquals(new ImageHeader(321, 123), h, format);
        }
    }

    @Test
    void decodesLargeImagesAtReducedSize() throws Exception {
        Path jpeg = write("large.jpg", SyntheticLesions.draw(4800, 3000, 4), "jpg");
        LesionImage j = ImageLoader.load(jpeg);
        assertEquals(2400, j.width());
        assertEquals(1500, j.height());
        Path png = write("large.png", solid(4400, 3000, 0x8040C0, BufferedImage.TYPE_INT_RGB), "png");
        LesionImage p = ImageLoader.load(png);
        assertEquals(2200, p.width());
        assertEquals(1500, p.height());
        assertEquals(0x80, p.channel(1000, 700, 0));
        assertEquals(1, ImageLoader.reduction(ImageLoader.MAX_DECODED_PIXELS));
        assertEquals(2, ImageLoader.reduction(ImageLoader.MAX_PIXELS));
    }

    @Test
    void refusesExtremeAspectRatiosWithAPlainMessage() throws Exception {
        for (int[] size : new int[][] {{40_000, 100}, {100, 40_000}}) {
            String name = size[0] + "x" + size[1] + ".png";
            Path file = write(name, solid(size[0], size[1], 0xA06050, BufferedImage.TYPE_INT_RGB), "png");
            ImageLoadException e = assertThrows(ImageLoadException.class, () -> ImageLoader.load(file));
            assertEquals(name + ": the image is a narrow strip (" + size[0] + "x" + size[1] + " pixels); a dermoscopic"
                    + " image can be at most 4 times as long as it is wide", e.getMessage());
        }
    }

    /** The most elongated images the loader accepts go through the whole quality gate. */
    @Test
    void theQualityGateAssessesTheMostElongatedAcceptedImages() throws Exception {
        ArtifactQualityGate gate = new ArtifactQualityGate();
        for (int[] size : new int[][] {{400, 100}, {100, 400}, {2400, 600}, {600, 2400}}) {
            Path file = write(size[0] + "x" + size[1] + ".jpg", SyntheticLesions.draw(size[0], size[1], 6), "jpg");
            LesionImage image = ImageLoader.load(file);
            QualityReport report = assertDoesNotThrow(() -> gate.assess(image), file.getFileName().toString());
            assertEquals(ArtifactKind.values().length, report.findings().size());
        }
    }

    /** A PNG signature and an IHDR chunk declaring the size, then a token IDAT and IEND: tiny on disk. */
    private static byte[] pngDeclaring(int w, int h) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        java.nio.ByteBuffer ihdr = java.nio.ByteBuffer.allocate(13).putInt(w).putInt(h).put((byte) 8).put((byte) 2)
                .put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(out, "IHDR", ihdr.array());
        chunk(out, "IDAT", new byte[110_000]);
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws IOException {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        byte[] t = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        crc.update(t);
        crc.update(data);
        out.write(java.nio.ByteBuffer.allocate(4).putInt(data.length).array());
        out.write(t);
        out.write(data);
        out.write(java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    private static BufferedImage solid(int w, int h, int argb, int type) {
        BufferedImage img = new BufferedImage(w, h, type);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, argb);
            }
        }
        return img;
    }

    private static byte[] encode(BufferedImage img, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertTrue(ImageIO.write(img, format, out));
        return out.toByteArray();
    }

    private Path write(String name, BufferedImage img, String format) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, encode(img, format));
        return file;
    }
}

package org.dermdesk.imaging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.dermdesk.core.ImageLoadException;
import org.dermdesk.core.LesionImage;
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

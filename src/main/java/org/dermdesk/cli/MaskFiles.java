package org.dermdesk.cli;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.dermdesk.core.LesionImage;
import org.dermdesk.core.Mask;

/** Reads and writes the PNG files the explain commands use (masks in, heatmaps out). */
public final class MaskFiles {

    private MaskFiles() {
    }

    /** A mask from a grey or colour image: a pixel is inside when its brightest channel is over 127. */
    public static Mask read(Path file) throws IOException {
        BufferedImage img = ImageIO.read(file.toFile());
        if (img == null) {
            throw new IOException(file + ": not a readable mask image (expected PNG, BMP or JPEG)");
        }
        int w = img.getWidth();
        int h = img.getHeight();
        byte[] px = new byte[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = img.getRGB(x, y);
                int v = Math.max((rgb >> 16) & 0xFF, Math.max((rgb >> 8) & 0xFF, rgb & 0xFF));
                px[y * w + x] = (byte) (v > 127 ? 255 : 0);
            }
        }
        return new Mask(w, h, px);
    }

    /** Writes an RGB image as PNG. */
    public static void writePng(LesionImage image, Path out) throws IOException {
        int w = image.width();
        int h = image.height();
        byte[] rgb = image.rgb();
        int[] argb = new int[w * h];
        for (int i = 0; i < argb.length; i++) {
            argb[i] = 0xFF000000 | (rgb[3 * i] & 0xFF) << 16 | (rgb[3 * i + 1] & 0xFF) << 8 | (rgb[3 * i + 2] & 0xFF);
        }
        writePng(argb, w, h, out);
    }

    static void writePng(int[] argb, int w, int h, Path out) throws IOException {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, w, h, argb, 0, w);
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (!ImageIO.write(img, "png", out.toFile())) {
            throw new IOException("no PNG writer available");
        }
    }
}

package org.dermdesk.ui;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;
import org.dermdesk.core.LesionImage;

/** Draws synthetic dermoscopy-like images (a brown blob on skin tone), never real patient data. */
final class SyntheticImages {

    private SyntheticImages() {
    }

    /**
     * @param darkness 0..1, how dark the lesion is (the fake classifier calls darker lesions suspicious)
     * @param hairs    number of dark hair strands drawn across
     * @param corners  whether to add dark vignette corners
     */
    static LesionImage lesion(int w, int h, double darkness, int hairs, boolean corners, long seed) {
        byte[] rgb = new byte[w * h * 3];
        Random random = new Random(seed);
        double cx = w * 0.5;
        double cy = h * 0.5;
        double r0 = Math.min(w, h) * 0.28;
        double[] wobble = new double[6];
        for (int i = 0; i < wobble.length; i++) {
            wobble[i] = random.nextDouble() * 0.12;
        }
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double dx = x - cx;
                double dy = (y - cy) * 1.15;
                double angle = Math.atan2(dy, dx);
                double radius = r0 * (1 + wobble[0] * Math.sin(3 * angle) + wobble[1] * Math.cos(5 * angle) + wobble[2] * Math.sin(7 * angle + 1));
                double d = Math.sqrt(dx * dx + dy * dy) / radius;
                // skin with a little shading
                double shade = 1 - 0.08 * ((double) y / h);
                double r = 228 * shade, g = 186 * shade, b = 160 * shade;
                if (d < 1.15) {
                    double t = d < 0.85 ? 1 : (1.15 - d) / 0.3; // soft border
                    double core = 1 - 0.35 * Math.max(0, 1 - d / 0.5) * (0.5 + darkness); // darker centre
                    double lr = (150 - 90 * darkness) * core, lg = (98 - 62 * darkness) * core, lb = (70 - 45 * darkness) * core;
                    double dots = (Math.sin(x * 0.35) * Math.sin(y * 0.31) > 0.75) ? 0.8 : 1;
                    r = r * (1 - t) + lr * dots * t;
                    g = g * (1 - t) + lg * dots * t;
                    b = b * (1 - t) + lb * dots * t;
                }
                if (corners) {
                    double cd = Math.hypot((x - cx) / (w * 0.5), (y - cy) / (h * 0.5));
                    if (cd > 1.15) {
                        r = g = b = 8;
                    }
                }
                int i = (y * w + x) * 3;
                rgb[i] = (byte) clamp(r + random.nextGaussian() * 3);
                rgb[i + 1] = (byte) clamp(g + random.nextGaussian() * 3);
                rgb[i + 2] = (byte) clamp(b + random.nextGaussian() * 3);
            }
        }
        for (int k = 0; k < hairs; k++) {
            double x0 = random.nextDouble() * w;
            double slope = random.nextDouble() * 1.6 - 0.8;
            double bend = random.nextDouble() * 0.002 - 0.001;
            for (int y = 0; y < h; y++) {
                double xc = x0 + slope * (y - h / 2.0) + bend * (y - h / 2.0) * (y - h / 2.0);
                for (int x = (int) xc - 1; x <= (int) xc + 1; x++) {
                    if (x >= 0 && x < w) {
                        int i = (y * w + x) * 3;
                        rgb[i] = 28;
                        rgb[i + 1] = 20;
                        rgb[i + 2] = 16;
                    }
                }
            }
        }
        return new LesionImage("synthetic", w, h, rgb);
    }

    static Path writePng(LesionImage image, Path file) throws IOException {
        BufferedImage out = new BufferedImage(image.width(), image.height(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) {
                out.setRGB(x, y, image.channel(x, y, 0) << 16 | image.channel(x, y, 1) << 8 | image.channel(x, y, 2));
            }
        }
        ImageIO.write(out, "png", file.toFile());
        return file;
    }

    /** A PNG cut off in the middle of its image data. */
    static Path writeCorrupt(Path file) throws IOException {
        Path tmp = Files.createTempFile("whole", ".png");
        writePng(lesion(200, 150, 0.5, 0, false, 1), tmp);
        byte[] bytes = Files.readAllBytes(tmp);
        Files.delete(tmp);
        byte[] cut = java.util.Arrays.copyOf(bytes, bytes.length / 3);
        Files.write(file, cut);
        return file;
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }
}

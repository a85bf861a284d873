package org.dermdesk.testsupport;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Draws dermoscopy-like test images in code (skin background, brown lesion), so no real image is committed. */
public final class SyntheticLesions {

    private SyntheticLesions() {
    }

    public static BufferedImage draw(int width, int height, long seed) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(224, 178, 150));
        g.fillRect(0, 0, width, height);
        java.util.Random r = new java.util.Random(seed);
        int cx = width / 2 + r.nextInt(width / 10 + 1) - width / 20;
        int cy = height / 2 + r.nextInt(height / 10 + 1) - height / 20;
        for (int ring = 0; ring < 6; ring++) {
            int rx = (int) (width * (0.28 - ring * 0.04));
            int ry = (int) (height * (0.26 - ring * 0.035));
            int shade = 120 - ring * 15;
            g.setColor(new Color(shade + 30, Math.max(0, shade - 30), Math.max(0, shade - 60)));
            g.fillOval(cx - rx, cy - ry, 2 * rx, 2 * ry);
        }
        g.dispose();
        return img;
    }

    public static Path writeJpeg(Path file, int width, int height, long seed) throws IOException {
        ImageIO.write(draw(width, height, seed), "jpg", file.toFile());
        return file;
    }
}

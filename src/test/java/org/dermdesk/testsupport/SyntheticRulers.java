package org.dermdesk.testsupport;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** A drawn brown ellipse of known size in millimetres beside a drawn millimetre ruler (every 5th tick longer). */
public final class SyntheticRulers {

    private SyntheticRulers() {
    }

    /** 1024x768 PNG: an ellipse of {@code lengthMm} x {@code widthMm}, a ruler at the bottom at {@code pxPerMm}. */
    public static Path writePng(Path file, double pxPerMm, double lengthMm, double widthMm) throws IOException {
        return writePng(file, pxPerMm, lengthMm, widthMm, true);
    }

    /** The same lesion, with or without the ruler beside it. */
    public static Path writePng(Path file, double pxPerMm, double lengthMm, double widthMm, boolean ruler) throws IOException {
        int w = 1024;
        int h = 768;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(222, 172, 150));
        g.fillRect(0, 0, w, h);
        g.setColor(new Color(130, 85, 55));
        double a = lengthMm * pxPerMm;
        double b = widthMm * pxPerMm;
        g.fill(new Ellipse2D.Double(w / 2.0 - a / 2, h / 2.0 - 20 - b / 2, a, b));
        if (!ruler) {
            g.dispose();
            ImageIO.write(img, "png", file.toFile());
            return file;
        }
        g.setColor(new Color(30, 30, 30));
        g.setStroke(new BasicStroke(2));
        int y = h - 12;
        g.drawLine((int) (w * 0.08), y, (int) (w * 0.92), y);
        int i = 0;
        for (double x = w * 0.08; x <= w * 0.92; x += pxPerMm, i++) {
            double len = (i % 5 == 0 ? 1.7 : 1) * Math.max(8, 0.8 * pxPerMm);
            g.draw(new java.awt.geom.Line2D.Double(x, y, x, y - len));
        }
        g.dispose();
        ImageIO.write(img, "png", file.toFile());
        return file;
    }
}

package org.dermdesk.ml;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RadialGradientPaint;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Random;

/**
 * Pictures that are plainly not dermoscopic, drawn from a seed, for training and testing the image-kind
 * check beside real clinical photographs: pages of text, application screenshots, charts, flat colours,
 * gradients and noise, in sizes and aspect ratios a user might open.
 */
final class DrawnNonDermoscopicImages {

    static final String[] KINDS = {"document", "screenshot", "chart", "flat", "gradient", "noise"};
    private static final String[] WORDS = {"patient", "report", "lesion", "the", "and", "of", "clinic", "date", "result",
        "image", "total", "page", "summary", "invoice", "name", "file", "view", "help", "settings", "open"};

    private DrawnNonDermoscopicImages() {
    }

    /** The kind of picture number {@code index} is. */
    static String kind(int index) {
        return KINDS[index % KINDS.length];
    }

    static BufferedImage draw(int index, long seed) {
        Random r = new Random(seed * 1_000_003L + index);
        int w = 240 + r.nextInt(760);
        int h = Math.max(120, (int) (w * (0.5 + r.nextDouble())));
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        switch (kind(index)) {
            case "document" -> document(g, w, h, r);
            case "screenshot" -> screenshot(g, w, h, r);
            case "chart" -> chart(g, w, h, r);
            case "flat" -> flat(g, w, h, r);
            case "gradient" -> gradient(g, w, h, r);
            default -> noise(img, r);
        }
        g.dispose();
        return img;
    }

    private static Color colour(Random r) {
        return new Color(r.nextInt(256), r.nextInt(256), r.nextInt(256));
    }

    private static void text(Graphics2D g, int x, int y, int width, Random r) {
        StringBuilder line = new StringBuilder();
        while (g.getFontMetrics().stringWidth(line.toString()) < width) {
            line.append(WORDS[r.nextInt(WORDS.length)]).append(' ');
        }
        g.drawString(line.toString(), x, y);
    }

    private static void document(Graphics2D g, int w, int h, Random r) {
        int paper = 235 + r.nextInt(21);
        g.setColor(new Color(paper, paper, paper - r.nextInt(15)));
        g.fillRect(0, 0, w, h);
        g.setColor(new Color(20, 20, 20 + r.nextInt(60)));
        int size = 9 + r.nextInt(8);
        g.setFont(new Font(r.nextBoolean() ? Font.SERIF : Font.SANS_SERIF, Font.PLAIN, size));
        int margin = w / 12;
        for (int y = margin + size; y < h - margin; y += size + 4 + r.nextInt(3)) {
            if (r.nextInt(8) > 0) {
                text(g, margin, y, w - 2 * margin - r.nextInt(w / 4 + 1), r);
            }
        }
    }

    private static void screenshot(Graphics2D g, int w, int h, Random r) {
        g.setColor(new Color(200 + r.nextInt(56), 200 + r.nextInt(56), 200 + r.nextInt(56)));
        g.fillRect(0, 0, w, h);
        g.setColor(colour(r).darker());
        g.fillRect(0, 0, w, 24);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        for (int i = 0, n = 3 + r.nextInt(8); i < n; i++) {
            int x = r.nextInt(w);
            int y = 30 + r.nextInt(Math.max(1, h - 30));
            int pw = 40 + r.nextInt(Math.max(1, w / 2));
            int ph = 20 + r.nextInt(Math.max(1, h / 3));
            g.setColor(r.nextBoolean() ? Color.WHITE : colour(r));
            g.fillRect(x, y, pw, ph);
            g.setColor(Color.DARK_GRAY);
            g.drawRect(x, y, pw, ph);
            text(g, x + 4, y + 14, Math.max(10, pw - 8), r);
        }
    }

    private static void chart(Graphics2D g, int w, int h, Random r) {
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(2));
        g.drawLine(40, h - 30, w - 10, h - 30);
        g.drawLine(40, 10, 40, h - 30);
        int bars = 4 + r.nextInt(12);
        int bw = Math.max(2, (w - 60) / bars);
        for (int i = 0; i < bars; i++) {
            g.setColor(r.nextBoolean() ? colour(r) : new Color(60, 110, 190));
            int bh = r.nextInt(Math.max(1, h - 50));
            g.fillRect(45 + i * bw, h - 30 - bh, Math.max(1, bw - 4), bh);
        }
    }

    private static void flat(Graphics2D g, int w, int h, Random r) {
        g.setColor(colour(r));
        g.fillRect(0, 0, w, h);
    }

    private static void gradient(Graphics2D g, int w, int h, Random r) {
        if (r.nextBoolean()) {
            g.setPaint(new GradientPaint(0, 0, colour(r), w, h, colour(r)));
        } else {
            g.setPaint(new RadialGradientPaint(w / 2f, h / 2f, Math.max(w, h) / 2f, new float[] {0f, 1f},
                    new Color[] {colour(r), colour(r)}));
        }
        g.fillRect(0, 0, w, h);
    }

    private static void noise(BufferedImage img, Random r) {
        int grey = r.nextInt(3);
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int v = r.nextInt(256);
                img.setRGB(x, y, grey == 0 ? (v << 16 | v << 8 | v) : r.nextInt(1 << 24));
            }
        }
    }
}

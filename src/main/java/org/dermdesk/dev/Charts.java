package org.dermdesk.dev;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/** Small PNG charts for evaluation: ROC curve and reliability diagram (plain Java2D, headless). */
final class Charts {

    private static final int SIZE = 480;
    private static final int MARGIN = 56;

    private Charts() {
    }

    static void roc(List<double[]> points, double auc, Path png) throws IOException {
        BufferedImage img = canvas("ROC curve (AUC " + String.format(Locale.ROOT, "%.3f", auc) + ")",
                "1 - specificity", "sensitivity");
        Graphics2D g = graphics(img);
        g.setColor(Color.LIGHT_GRAY);
        g.drawLine(px(0), py(0), px(1), py(1));
        g.setColor(new Color(0, 90, 181));
        g.setStroke(new BasicStroke(2.5f));
        for (int i = 1; i < points.size(); i++) {
            g.drawLine(px(points.get(i - 1)[0]), py(points.get(i - 1)[1]), px(points.get(i)[0]), py(points.get(i)[1]));
        }
        g.dispose();
        ImageIO.write(img, "png", png.toFile());
    }

    /** @param bins per bin {mean predicted, observed fraction, count} */
    static void reliability(double[][] bins, double ece, Path png) throws IOException {
        BufferedImage img = canvas("Reliability (ECE " + String.format(Locale.ROOT, "%.3f", ece) + ")",
                "predicted probability of malignancy", "observed fraction malignant");
        Graphics2D g = graphics(img);
        g.setColor(Color.LIGHT_GRAY);
        g.drawLine(px(0), py(0), px(1), py(1));
        g.setColor(new Color(220, 50, 32));
        for (double[] b : bins) {
            if (b[2] > 0) {
                int r = (int) Math.max(3, Math.min(12, Math.sqrt(b[2])));
                g.fillOval(px(b[0]) - r, py(b[1]) - r, 2 * r, 2 * r);
            }
        }
        g.dispose();
        ImageIO.write(img, "png", png.toFile());
    }

    private static BufferedImage canvas(String title, String xLabel, String yLabel) {
        BufferedImage img = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = graphics(img);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, SIZE, SIZE);
        g.setColor(Color.BLACK);
        g.drawRect(px(0), py(1), px(1) - px(0), py(0) - py(1));
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        g.drawString(title, MARGIN, 30);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawString(xLabel, MARGIN + 100, SIZE - 14);
        for (int i = 0; i <= 4; i++) {
            String t = String.format(Locale.ROOT, "%.2f", i / 4.0);
            g.drawString(t, px(i / 4.0) - 12, py(0) + 16);
            g.drawString(t, 14, py(i / 4.0) + 4);
        }
        g.rotate(-Math.PI / 2);
        g.drawString(yLabel, -SIZE + 110, 12);
        g.dispose();
        return img;
    }

    private static Graphics2D graphics(BufferedImage img) {
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        return g;
    }

    private static int px(double x) {
        return (int) Math.round(MARGIN + x * (SIZE - 2 * MARGIN));
    }

    private static int py(double y) {
        return (int) Math.round(SIZE - MARGIN - y * (SIZE - 2 * MARGIN));
    }
}

import java.awt.*;
import java.awt.geom.*;
import java.awt.image.BufferedImage;
import java.io.File;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Draws DermDesk's application icon (a dermatoscope lens over a pigmented lesion) with Java2D.
 * Run: java installer/DrawIcon.java assets/dermdesk.png [size]
 */
public class DrawIcon {
    public static void main(String[] args) throws Exception {
        String out = args.length > 0 ? args[0] : "assets/dermdesk.png";
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 256;
        BufferedImage img = new BufferedImage(n, n, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.scale(n / 256.0, n / 256.0);

        // tile: rounded square, deep clinical teal
        RoundRectangle2D tile = new RoundRectangle2D.Double(8, 8, 240, 240, 56, 56);
        g.setPaint(new GradientPaint(0, 8, new Color(0x1F7A8C), 0, 248, new Color(0x0B3C49)));
        g.fill(tile);
        g.setClip(tile);

        // handle of the dermatoscope, lower right
        g.setPaint(new GradientPaint(170, 170, new Color(0x2B2F36), 230, 230, new Color(0x14171C)));
        Shape handle = AffineTransform.getRotateInstance(Math.toRadians(-45), 190, 190)
                .createTransformedShape(new RoundRectangle2D.Double(168, 170, 44, 110, 18, 18));
        g.fill(handle);
        g.setClip(null);

        double cx = 116, cy = 116, rOuter = 92, rLens = 74;
        // drop shadow
        g.setColor(new Color(0, 0, 0, 70));
        g.fill(new Ellipse2D.Double(cx - rOuter + 4, cy - rOuter + 7, 2 * rOuter, 2 * rOuter));
        // metal bezel
        g.setPaint(new GradientPaint((float) (cx - rOuter), (float) (cy - rOuter), new Color(0xF2F4F5),
                (float) (cx + rOuter), (float) (cy + rOuter), new Color(0x7D8790)));
        g.fill(new Ellipse2D.Double(cx - rOuter, cy - rOuter, 2 * rOuter, 2 * rOuter));
        g.setColor(new Color(0x3A4148));
        g.fill(new Ellipse2D.Double(cx - rLens - 5, cy - rLens - 5, 2 * rLens + 10, 2 * rLens + 10));

        // skin seen through the lens
        Ellipse2D lens = new Ellipse2D.Double(cx - rLens, cy - rLens, 2 * rLens, 2 * rLens);
        g.setPaint(new RadialGradientPaint(new Point2D.Double(cx - 20, cy - 24), (float) rLens * 1.3f,
                new float[] {0f, 1f}, new Color[] {new Color(0xF6D3B8), new Color(0xD9A383)}));
        g.fill(lens);
        g.setClip(lens);

        // the lesion: an irregular, asymmetric blob with a darker centre and pigment dots
        Random rnd = new Random(17);
        Path2D blob = new Path2D.Double();
        int k = 24;
        double[] rad = new double[k];
        for (int i = 0; i < k; i++) {
            rad[i] = 38 + 9 * Math.sin(i * 0.9) + 6 * Math.cos(i * 2.3) + rnd.nextDouble() * 5;
        }
        for (int i = 0; i <= k; i++) {
            double a = 2 * Math.PI * i / k;
            double r = rad[i % k];
            double x = cx + 4 + r * Math.cos(a) * 1.05, y = cy + 2 + r * Math.sin(a) * 0.9;
            if (i == 0) {
                blob.moveTo(x, y);
            } else {
                double ap = 2 * Math.PI * (i - 0.5) / k, rp = (rad[(i - 1) % k] + r) / 2 + 3;
                blob.quadTo(cx + 4 + rp * Math.cos(ap) * 1.05, cy + 2 + rp * Math.sin(ap) * 0.9, x, y);
            }
        }
        blob.closePath();
        g.setPaint(new RadialGradientPaint(new Point2D.Double(cx + 2, cy + 4), 48f, new float[] {0f, 0.55f, 1f},
                new Color[] {new Color(0x3B2016), new Color(0x6B3A24), new Color(0xA8694A)}));
        g.fill(blob);
        // pigment network: a faint mesh inside the lesion
        Shape oldClip = g.getClip();
        g.clip(blob);
        g.setColor(new Color(40, 20, 12, 55));
        g.setStroke(new BasicStroke(1.6f));
        for (int i = -6; i <= 6; i++) {
            g.draw(new Line2D.Double(cx - 60 + i * 10, cy - 60, cx + 60 + i * 10, cy + 60));
            g.draw(new Line2D.Double(cx + 60 + i * 10, cy - 60, cx - 60 + i * 10, cy + 60));
        }
        g.setClip(oldClip);
        g.setColor(new Color(0x24120B));
        for (int i = 0; i < 9; i++) {
            double a = rnd.nextDouble() * 2 * Math.PI, r = 10 + rnd.nextDouble() * 22, d = 3 + rnd.nextDouble() * 3;
            g.fill(new Ellipse2D.Double(cx + r * Math.cos(a) - d / 2, cy + r * Math.sin(a) - d / 2, d, d));
        }
        // graticule: a thin measuring cross with ticks
        g.setColor(new Color(255, 255, 255, 170));
        g.setStroke(new BasicStroke(1.5f));
        g.draw(new Line2D.Double(cx - rLens, cy, cx + rLens, cy));
        g.draw(new Line2D.Double(cx, cy - rLens, cx, cy + rLens));
        for (int t = -60; t <= 60; t += 10) {
            double h = t % 30 == 0 ? 6 : 3;
            g.draw(new Line2D.Double(cx + t, cy - h, cx + t, cy + h));
            g.draw(new Line2D.Double(cx - h, cy + t, cx + h, cy + t));
        }
        // glass highlight
        g.setPaint(new GradientPaint((float) cx, (float) (cy - rLens), new Color(255, 255, 255, 120),
                (float) cx, (float) cy, new Color(255, 255, 255, 0)));
        g.fill(new Ellipse2D.Double(cx - rLens * 0.75, cy - rLens * 0.95, rLens * 1.5, rLens * 0.9));
        g.setClip(null);
        g.dispose();
        File f = new File(out);
        if (f.getParentFile() != null) {
            f.getParentFile().mkdirs();
        }
        ImageIO.write(img, "png", f);
    }
}

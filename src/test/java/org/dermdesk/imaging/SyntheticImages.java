package org.dermdesk.imaging;

import java.util.Random;
import org.dermdesk.core.LesionImage;

/** Draws synthetic dermoscopy-like test images in plain Java: skin, a brown lesion blob and artifacts. */
final class SyntheticImages {

    final int w;
    final int h;
    final byte[] rgb;
    private final Random rnd = new Random(42);

    SyntheticImages(int w, int h) {
        this.w = w;
        this.h = h;
        this.rgb = new byte[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int n = rnd.nextInt(7) - 3;
                set(x, y, 222 + n, 172 + n, 150 + n);
            }
        }
    }

    /** Skin with a brown elliptic lesion in the centre (semi-axes as fractions of width and height). */
    static SyntheticImages lesion(int w, int h) {
        SyntheticImages s = new SyntheticImages(w, h);
        s.blob(w / 2.0, h / 2.0, w * 0.18, h * 0.22, 125, 80, 55);
        return s;
    }

    /** True where the lesion blob of {@link #lesion} is. */
    static boolean inLesion(int x, int y, int w, int h) {
        double dx = (x - w / 2.0) / (w * 0.18);
        double dy = (y - h / 2.0) / (h * 0.22);
        return dx * dx + dy * dy < 1;
    }

    SyntheticImages blob(double cx, double cy, double rx, double ry, int r, int g, int b) {
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double dx = (x - cx) / rx;
                double dy = (y - cy) / ry;
                if (dx * dx + dy * dy < 1) {
                    int n = rnd.nextInt(7) - 3;
                    set(x, y, r + n, g + n, b + n);
                }
            }
        }
        return this;
    }

    /** A straight line segment of the given thickness. */
    SyntheticImages line(double x0, double y0, double x1, double y1, double thickness, int r, int g, int b) {
        int minX = (int) Math.max(0, Math.min(x0, x1) - thickness);
        int maxX = (int) Math.min(w - 1, Math.max(x0, x1) + thickness);
        int minY = (int) Math.max(0, Math.min(y0, y1) - thickness);
        int maxY = (int) Math.min(h - 1, Math.max(y0, y1) + thickness);
        double dx = x1 - x0;
        double dy = y1 - y0;
        double len2 = dx * dx + dy * dy;
        for (int y = minY; y <= maxY; y++) {
            for (int x = minX; x <= maxX; x++) {
                double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((x - x0) * dx + (y - y0) * dy) / len2));
                double d = Math.hypot(x - (x0 + t * dx), y - (y0 + t * dy));
                double alpha = Math.max(0, Math.min(1, thickness / 2 + 0.5 - d)); // anti-aliased edge
                if (alpha > 0) {
                    blend(x, y, r, g, b, alpha);
                }
            }
        }
        return this;
    }

    /** Dark hairs: long slightly slanted lines crossing the image and the lesion. */
    SyntheticImages hairs(int count, double thickness) {
        for (int i = 0; i < count; i++) {
            double x0 = w * (0.15 + 0.7 * i / Math.max(1, count - 1));
            line(x0, 0, x0 + w * 0.15, h - 1, thickness, 45, 32, 28);
        }
        return this;
    }

    /** A scale bar: a row of evenly spaced thin dark ticks near the bottom edge. */
    SyntheticImages ruler() {
        int y = h - 40;
        line(w * 0.1, y, w * 0.9, y, 2, 30, 30, 30);
        for (double x = w * 0.1; x <= w * 0.9; x += 14) {
            double len = ((int) Math.round((x - w * 0.1) / 14)) % 5 == 0 ? 26 : 16;
            line(x, y, x, y - len, 2, 30, 30, 30);
        }
        return this;
    }

    /** A few millimetre ticks at the right image border with no line joining them (a ruler mostly out of view). */
    SyntheticImages borderTicks(int count) {
        for (int i = 0; i < count; i++) {
            double y = h * 0.3 + i * 22;
            double len = i % 5 == 0 ? 40 : 26;
            line(w - 1, y, w - 1 - len, y, 3, 25, 25, 25);
        }
        return this;
    }

    /** Short dark marks at random places and angles (pigment dots and furrows, no ruler). */
    SyntheticImages scatteredMarks(int count) {
        for (int i = 0; i < count; i++) {
            double x = w * (0.05 + 0.9 * rnd.nextDouble());
            double y = h * (0.05 + 0.9 * rnd.nextDouble());
            double a = Math.PI * rnd.nextDouble();
            line(x, y, x + 20 * Math.cos(a), y + 20 * Math.sin(a), 3, 40, 30, 30);
        }
        return this;
    }

    /** Dark hairs with a specular shine along the shaft (broken into glints), which is not a gel bubble. */
    SyntheticImages shinyHairs(int count) {
        hairs(count, 6);
        for (int i = 0; i < count; i++) {
            double x0 = w * (0.15 + 0.7 * i / Math.max(1, count - 1));
            for (double t = 0.05; t < 0.95; t += 0.1) {
                double x = x0 + w * 0.15 * t;
                line(x, t * (h - 1), x + w * 0.15 * 0.04, (t + 0.04) * (h - 1), 1.5, 255, 255, 255);
            }
        }
        return this;
    }

    /** Violet surgical-marker strokes beside the lesion. */
    SyntheticImages ink() {
        line(w * 0.2, h * 0.15, w * 0.35, h * 0.2, 9, 120, 60, 170);
        line(w * 0.65, h * 0.8, w * 0.8, h * 0.75, 9, 120, 60, 170);
        return this;
    }

    /** The dark outside of a circular scope aperture. */
    SyntheticImages vignette() {
        double r = Math.min(w, h) * 0.6;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (Math.hypot(x - w / 2.0, y - h / 2.0) > r) {
                    set(x, y, 8, 6, 6);
                }
            }
        }
        return this;
    }

    /** Gel bubbles: thin bright rings with a specular dot. */
    SyntheticImages bubbles(int count) {
        for (int i = 0; i < count; i++) {
            double cx = w * (0.08 + 0.12 * (i % 8));
            double cy = h * (i < 8 ? 0.1 : 0.9);
            double r = 8 + (i % 3) * 4;
            for (int y = (int) (cy - r - 3); y <= cy + r + 3; y++) {
                for (int x = (int) (cx - r - 3); x <= cx + r + 3; x++) {
                    if (x < 0 || y < 0 || x >= w || y >= h) continue;
                    double d = Math.hypot(x - cx, y - cy);
                    if (Math.abs(d - r) < 1.5) set(x, y, 252, 252, 252);
                    if (Math.hypot(x - cx + r / 2, y - cy + r / 2) < 2.5) set(x, y, 255, 255, 255);
                }
            }
        }
        return this;
    }

    /** Immersion-fluid glints: tiny white specular dots scattered over the dark lesion. */
    SyntheticImages glintsOnLesion(int count) {
        for (int i = 0; i < count; i++) {
            double a = 2 * Math.PI * rnd.nextDouble();
            double f = 0.8 * Math.sqrt(rnd.nextDouble());
            double cx = w / 2.0 + f * w * 0.18 * Math.cos(a);
            double cy = h / 2.0 + f * h * 0.22 * Math.sin(a);
            blob(cx, cy, 2.5, 2.5, 250, 250, 248);
        }
        return this;
    }

    /** Strong box blur (radius r), applied in place. */
    SyntheticImages blur(int r) {
        byte[] src = rgb.clone();
        for (int pass = 0; pass < 2; pass++) {
            byte[] from = pass == 0 ? src : rgb.clone();
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    for (int c = 0; c < 3; c++) {
                        int sum = 0;
                        int n = 0;
                        for (int k = -r; k <= r; k++) {
                            int xx = pass == 0 ? Math.max(0, Math.min(w - 1, x + k)) : x;
                            int yy = pass == 1 ? Math.max(0, Math.min(h - 1, y + k)) : y;
                            sum += from[(yy * w + xx) * 3 + c] & 0xFF;
                            n++;
                        }
                        rgb[(y * w + x) * 3 + c] = (byte) (sum / n);
                    }
                }
            }
        }
        return this;
    }

    /** Clipped white glare over a fraction of the image (a band at the top). */
    SyntheticImages glare(double fraction) {
        for (int y = 0; y < h * fraction; y++) {
            for (int x = 0; x < w; x++) {
                set(x, y, 255, 255, 255);
            }
        }
        return this;
    }

    /** Paints a colour over the image with a per-pixel opacity 0..1 (0 leaves the pixel as it is). */
    SyntheticImages paint(java.util.function.ToDoubleBiFunction<Integer, Integer> alpha, int r, int g, int b) {
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double a = alpha.applyAsDouble(x, y);
                if (a > 0) {
                    blend(x, y, r, g, b, Math.min(1, a));
                }
            }
        }
        return this;
    }

    LesionImage image() {
        return new LesionImage("synthetic", w, h, rgb.clone());
    }

    private void blend(int x, int y, int r, int g, int b, double alpha) {
        int i = (y * w + x) * 3;
        set(x, y, (int) Math.round(alpha * r + (1 - alpha) * (rgb[i] & 0xFF)),
                (int) Math.round(alpha * g + (1 - alpha) * (rgb[i + 1] & 0xFF)),
                (int) Math.round(alpha * b + (1 - alpha) * (rgb[i + 2] & 0xFF)));
    }

    private void set(int x, int y, int r, int g, int b) {
        int i = (y * w + x) * 3;
        rgb[i] = (byte) clamp(r);
        rgb[i + 1] = (byte) clamp(g);
        rgb[i + 2] = (byte) clamp(b);
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }
}

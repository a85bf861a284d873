package org.dermdesk.testsupport;

import java.util.Random;
import org.dermdesk.core.LesionImage;
import org.dermdesk.core.Mask;

/**
 * A drawn patch of skin with one irregular two-toned lesion, photographed by a camera that can be
 * shifted, turned, zoomed and re-exposed, and a lesion that can grow while the skin stays put. Skin
 * has a seeded texture (so image content, not only the outline, can be registered). No real image is used.
 */
public final class FollowUpScenes {

    /** Lesion mean radius in scene units (the scene is 1000 x 750 units). */
    private static final double RADIUS = 190;
    private final double[][] waves;
    private final double lobe3;
    private final double lobe5;

    public FollowUpScenes(long seed) {
        Random r = new Random(seed);
        waves = new double[40][];
        for (int i = 0; i < waves.length; i++) {
            double f = 0.01 + r.nextDouble() * 0.07;
            double a = r.nextDouble() * Math.PI * 2;
            waves[i] = new double[] {f * Math.cos(a), f * Math.sin(a), r.nextDouble() * Math.PI * 2, 0.4 + r.nextDouble()};
        }
        lobe3 = 0.10 + 0.1 * r.nextDouble();
        lobe5 = 0.05 + 0.05 * r.nextDouble();
    }

    /** A camera view: a shot of the scene. */
    public record Shot(int width, int height, double shiftX, double shiftY, double rotationDeg, double zoom,
                       double exposure, double growth) {

        public static Shot plain(int width, int height) {
            return new Shot(width, height, 0, 0, 0, 1, 1, 1);
        }

        public Shot moved(double dx, double dy, double deg, double z) {
            return new Shot(width, height, dx, dy, deg, z, exposure, growth);
        }

        public Shot exposed(double e) {
            return new Shot(width, height, shiftX, shiftY, rotationDeg, zoom, e, growth);
        }

        /** The lesion grown by this factor in area (the skin and the camera unchanged). */
        public Shot grown(double areaFactor) {
            return new Shot(width, height, shiftX, shiftY, rotationDeg, zoom, exposure, Math.sqrt(areaFactor));
        }
    }

    public LesionImage image(Shot shot) {
        byte[] rgb = new byte[shot.width * shot.height * 3];
        for (int y = 0; y < shot.height; y++) {
            for (int x = 0; x < shot.width; x++) {
                double[] p = scene(shot, x, y);
                double[] c = colour(p[0], p[1], shot.growth);
                int i = (y * shot.width + x) * 3;
                for (int k = 0; k < 3; k++) {
                    rgb[i + k] = (byte) Math.max(0, Math.min(255, Math.round(c[k] * shot.exposure)));
                }
            }
        }
        return new LesionImage("scene.png", shot.width, shot.height, rgb);
    }

    public Mask mask(Shot shot) {
        byte[] m = new byte[shot.width * shot.height];
        for (int y = 0; y < shot.height; y++) {
            for (int x = 0; x < shot.width; x++) {
                double[] p = scene(shot, x, y);
                if (inside(p[0], p[1], shot.growth) > 0.5) m[y * shot.width + x] = (byte) 255;
            }
        }
        return new Mask(shot.width, shot.height, m);
    }

    /** Scene coordinates of an image pixel: the camera looks at the scene centre. */
    private static double[] scene(Shot shot, double x, double y) {
        double unit = 1000.0 / shot.width / shot.zoom;
        double u = (x - shot.width / 2.0) * unit;
        double v = (y - shot.height / 2.0) * unit;
        double a = Math.toRadians(shot.rotationDeg);
        double su = Math.cos(a) * u - Math.sin(a) * v;
        double sv = Math.sin(a) * u + Math.cos(a) * v;
        return new double[] {500 + su + shot.shiftX, 375 + sv + shot.shiftY};
    }

    /** 1 inside the lesion, 0 outside, soft over a few units. */
    private double inside(double x, double y, double growth) {
        double dx = (x - 480) / growth;
        double dy = (y - 380) / growth;
        double t = Math.atan2(dy, dx);
        double r = RADIUS * (1 + lobe3 * Math.sin(3 * t) + lobe5 * Math.cos(5 * t)) * (0.8 + 0.2 * Math.abs(Math.cos(t)));
        double d = Math.hypot(dx, dy) - r;
        return Math.max(0, Math.min(1, 0.5 - d / 6));
    }

    private double[] colour(double x, double y, double growth) {
        double tex = 0;
        for (double[] w : waves) {
            tex += w[3] * Math.sin(w[0] * x + w[1] * y + w[2]);
        }
        tex /= 4;
        double[] skin = {222 + 10 * tex, 176 + 10 * tex, 148 + 9 * tex};
        double in = inside(x, y, growth);
        if (in <= 0) return skin;
        double dx = (x - 430) / growth;
        double dy = (y - 350) / growth;
        double core = Math.max(0, 1 - Math.hypot(dx, dy) / 90);
        double[] lesion = {150 - 80 * core + 4 * tex, 95 - 60 * core + 4 * tex, 60 - 35 * core + 3 * tex};
        double[] out = new double[3];
        for (int k = 0; k < 3; k++) out[k] = skin[k] * (1 - in) + lesion[k] * in;
        return out;
    }
}

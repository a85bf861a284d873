package org.dermdesk.dev;

import org.dermdesk.imaging.ArtifactQualityGate;
import org.dermdesk.imaging.ImageLoader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import org.dermdesk.core.LesionImage;
import org.dermdesk.core.Statistics;

/**
 * Times the whole {@link ArtifactQualityGate} on one 1024x768 image: warm-up, then timed runs;
 * prints median and 90th percentile. Usage: {@code QualityGateBench [image] [runs]} (without an
 * image a synthetic 1024x768 lesion is used; a given image is resized to 1024x768).
 */
public final class QualityGateBench {

    private QualityGateBench() {
    }

    public static void main(String[] args) throws Exception {
        LesionImage image = args.length > 0 && !args[0].equals("-")
                ? to1024(ImageLoader.load(Path.of(args[0])))
                : synthetic(1024, 768);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        double[] ms = run(image, 10, runs);
        System.out.printf(Locale.ROOT, "quality gate on %dx%d (%s): runs=%d median=%.1f ms p90=%.1f ms min=%.1f ms%n",
                image.width(), image.height(), image.source(), runs, Statistics.percentile(ms, 0.5), Statistics.percentile(ms, 0.9), ms[0]);
    }

    /** Sorted run times in milliseconds after {@code warmup} untimed runs. */
    public static double[] run(LesionImage image, int warmup, int runs) {
        ArtifactQualityGate gate = new ArtifactQualityGate();
        for (int i = 0; i < warmup; i++) {
            gate.assess(image);
        }
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            gate.assess(image);
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        return ms;
    }

    private static LesionImage to1024(LesionImage img) {
        return new LesionImage(img.source(), 1024, 768,
                org.dermdesk.core.Rasters.resizeArea(img.rgb(), img.width(), img.height(), 1024, 768));
    }

    /** Skin-coloured background with a brown blob, some noise and a few dark hairs. */
    static LesionImage synthetic(int w, int h) {
        byte[] rgb = new byte[w * h * 3];
        Random rnd = new Random(1);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double dx = (x - w / 2.0) / (w * 0.18);
                double dy = (y - h / 2.0) / (h * 0.2);
                boolean lesion = dx * dx + dy * dy < 1;
                int n = rnd.nextInt(9) - 4;
                int i = (y * w + x) * 3;
                rgb[i] = (byte) ((lesion ? 120 : 225) + n);
                rgb[i + 1] = (byte) ((lesion ? 75 : 175) + n);
                rgb[i + 2] = (byte) ((lesion ? 50 : 150) + n);
            }
        }
        for (int k = 0; k < 6; k++) {
            int x0 = rnd.nextInt(w);
            for (int y = 0; y < h; y++) {
                int x = x0 + (int) (y * 0.3);
                for (int t = 0; t < 3; t++) {
                    if (x + t >= 0 && x + t < w) {
                        int i = (y * w + x + t) * 3;
                        rgb[i] = 40;
                        rgb[i + 1] = 30;
                        rgb[i + 2] = 25;
                    }
                }
            }
        }
        return new LesionImage("synthetic", w, h, rgb);
    }
}

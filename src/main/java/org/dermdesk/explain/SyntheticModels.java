package org.dermdesk.explain;

import java.util.List;
import java.util.function.Function;
import org.dermdesk.core.LesionImage;

/**
 * Cheap, deterministic stand-in classifiers whose answer depends only on a known part of the image:
 * for tests and for measuring the explainer's own overhead without a neural network.
 */
public final class SyntheticModels {

    private SyntheticModels() {
    }

    /**
     * A "model" that answers 1 - exp(-contrast / scale), where contrast is the mean absolute
     * difference between horizontally and vertically adjacent pixels inside the rectangle given in
     * fractions of the image size. Blurring or flattening segments there lowers its output; changes
     * elsewhere leave it unchanged.
     */
    public static Function<List<LesionImage>, double[]> textureIn(double x0, double y0, double x1, double y1, double scale) {
        return images -> images.stream().mapToDouble(img -> {
            int w = img.width();
            int h = img.height();
            int ax = (int) (x0 * w);
            int bx = Math.min(w - 1, (int) (x1 * w));
            int ay = (int) (y0 * h);
            int by = Math.min(h - 1, (int) (y1 * h));
            byte[] rgb = img.rgb();
            long sum = 0;
            long n = 0;
            for (int y = ay; y < by; y++) {
                for (int x = ax; x < bx; x++) {
                    int p = (y * w + x) * 3;
                    int q = p + 3;
                    int r = p + w * 3;
                    for (int c = 0; c < 3; c++) {
                        sum += Math.abs((rgb[p + c] & 0xFF) - (rgb[q + c] & 0xFF))
                                + Math.abs((rgb[p + c] & 0xFF) - (rgb[r + c] & 0xFF));
                    }
                    n += 6;
                }
            }
            double contrast = n == 0 ? 0 : (double) sum / n;
            return 1 - Math.exp(-contrast / scale);
        }).toArray();
    }

    /**
     * A "model" for real dermoscopy images: the mean darkness (1 - luma/255) in the central
     * ellipse that spans half the image in each direction, through a steep logistic.
     */
    public static Function<List<LesionImage>, double[]> centralDarkness() {
        return images -> images.stream().mapToDouble(img -> {
            int w = img.width();
            int h = img.height();
            byte[] rgb = img.rgb();
            double sum = 0;
            int n = 0;
            double cx = w / 2.0;
            double cy = h / 2.0;
            double rx = w / 4.0;
            double ry = h / 4.0;
            for (int y = (int) (cy - ry); y < cy + ry; y++) {
                for (int x = (int) (cx - rx); x < cx + rx; x++) {
                    double u = (x + 0.5 - cx) / rx;
                    double v = (y + 0.5 - cy) / ry;
                    if (u * u + v * v > 1) {
                        continue;
                    }
                    int p = (y * w + x) * 3;
                    double luma = 0.299 * (rgb[p] & 0xFF) + 0.587 * (rgb[p + 1] & 0xFF) + 0.114 * (rgb[p + 2] & 0xFF);
                    sum += 1 - luma / 255;
                    n++;
                }
            }
            double dark = n == 0 ? 0 : sum / n;
            return 1 / (1 + Math.exp(-12 * (dark - 0.45)));
        }).toArray();
    }
}

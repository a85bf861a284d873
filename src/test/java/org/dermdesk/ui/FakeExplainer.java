package org.dermdesk.ui;

import java.util.Map;
import java.util.OptionalDouble;
import org.dermdesk.core.Cancellation;
import org.dermdesk.core.ExplainRequest;
import org.dermdesk.core.Explainer;
import org.dermdesk.core.Explanation;
import org.dermdesk.core.LesionImage;
import org.dermdesk.core.ProgressListener;

/**
 * Deterministic test explainer: a grid of square segments weighted by their darkness; it works in
 * {@code steps} steps of {@code stepMillis} each, reporting progress and polling cancellation.
 */
final class FakeExplainer implements Explainer {

    final int steps;
    final long stepMillis;
    final double artifactShare;
    volatile int calls;

    FakeExplainer(int steps, long stepMillis, double artifactShare) {
        this.steps = steps;
        this.stepMillis = stepMillis;
        this.artifactShare = artifactShare;
    }

    @Override
    public Explanation explain(ExplainRequest request, ProgressListener progress, Cancellation cancellation) throws Exception {
        calls++;
        for (int s = 0; s < steps; s++) {
            cancellation.check();
            progress.progress((double) s / steps, "sample batch " + (s + 1) + " of " + steps);
            Thread.sleep(stepMillis);
        }
        cancellation.check();
        LesionImage img = request.image();
        int cols = 8;
        int rows = 6;
        int[] labels = new int[img.width() * img.height()];
        double[] sum = new double[cols * rows];
        int[] count = new int[cols * rows];
        for (int y = 0; y < img.height(); y++) {
            for (int x = 0; x < img.width(); x++) {
                int s = Math.min(rows - 1, y * rows / img.height()) * cols + Math.min(cols - 1, x * cols / img.width());
                labels[y * img.width() + x] = s;
                sum[s] += 1 - img.channel(x, y, 0) / 255.0;
                count[s]++;
            }
        }
        double[] weights = new double[cols * rows];
        for (int s = 0; s < weights.length; s++) {
            weights[s] = sum[s] / Math.max(1, count[s]) - 0.22;
        }
        double p = request.prediction().pMalignant();
        return new Explanation(img.width(), img.height(), weights.length, labels, weights, 0.1, 0.62, p * 0.95, p,
                0.21, 0.58, 0.37, 0.40, OptionalDouble.of(0.86), artifactShare, 0.12, request.samples(), 42L,
                Map.of("total", steps * stepMillis));
    }
}

package org.dermdesk.ml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.dermdesk.core.LesionImage;
import org.dermdesk.testsupport.SharedData;
import org.junit.jupiter.api.Test;

/** The DJL classifier may be called from several threads at once (the explainer does) and gives the same answers. */
class ConcurrentPredictionTest {

    static List<LesionImage> drawnImages(int count, long seed) {
        Random r = new Random(seed);
        List<LesionImage> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int w = 160;
            int h = 120;
            byte[] rgb = new byte[w * h * 3];
            int cx = 40 + r.nextInt(80);
            int cy = 30 + r.nextInt(60);
            int radius = 15 + r.nextInt(30);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    boolean lesion = (x - cx) * (x - cx) + (y - cy) * (y - cy) < radius * radius;
                    int p = (y * w + x) * 3;
                    rgb[p] = (byte) (lesion ? 90 + r.nextInt(30) : 200 + r.nextInt(20));
                    rgb[p + 1] = (byte) (lesion ? 60 + r.nextInt(30) : 150 + r.nextInt(20));
                    rgb[p + 2] = (byte) (lesion ? 50 + r.nextInt(30) : 130 + r.nextInt(20));
                }
            }
            out.add(new LesionImage("drawn-" + i, w, h, rgb));
        }
        return out;
    }

    @Test
    void concurrentCallsGiveTheSameLogitsAsOneAtATime() throws Exception {
        DjlLesionClassifier classifier = DjlLesionClassifier.open(SharedData.shippedModel(ModelLocator.DEFAULT_MODEL));
        try {
            assertTrue(classifier.isThreadSafe());
            List<List<LesionImage>> batches = new ArrayList<>();
            List<List<float[]>> serial = new ArrayList<>();
            for (int b = 0; b < 6; b++) {
                batches.add(drawnImages(8, b));
                serial.add(classifier.logits(batches.get(b)));
            }
            ExecutorService pool = Executors.newFixedThreadPool(3);
            try {
                List<Future<List<float[]>>> parallel = new ArrayList<>();
                for (List<LesionImage> batch : batches) {
                    parallel.add(pool.submit(() -> classifier.logits(batch)));
                }
                for (int b = 0; b < batches.size(); b++) {
                    List<float[]> got = parallel.get(b).get();
                    for (int i = 0; i < got.size(); i++) {
                        assertArrayEquals(serial.get(b).get(i), got.get(i), 1e-5f, "batch " + b + " image " + i);
                    }
                }
            } finally {
                pool.shutdownNow();
            }
        } finally {
            classifier.close();
        }
        assertThrows(IllegalStateException.class, () -> classifier.logits(drawnImages(8, 0)));
    }
}

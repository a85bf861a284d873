package org.dermdesk.ml;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Random;
import org.dermdesk.core.Diagnosis;

/**
 * Shuffled mini-batches of the training cache, augmented when the options say so, with the labels
 * every objective needs. Buffers are reused from batch to batch: use a batch before asking for the next.
 */
final class TrainingBatches {

    /**
     * One batch. {@code diagnosisTargets} is a weighted one-hot row per image (all zero for images
     * without a HAM10000 diagnosis); {@code malignantWeights} weighs each image's binary loss.
     */
    record Batch(int n, float[] x, float[] malignant, float[] malignantWeights, float[] diagnosisTargets) {
    }

    /** Weight of malignant images in the binary loss: about the square root of the benign:malignant ratio. */
    static final float MALIGNANT_WEIGHT = 2f;

    private final ImageCache cache;
    private final TrainingOptions options;
    private final float[] diagnosisWeights;
    private final Augmenter augmenter;

    TrainingBatches(ImageCache cache, TrainingOptions options) {
        this.cache = cache;
        this.options = options;
        this.diagnosisWeights = diagnosisWeights(cache);
        this.augmenter = options.augment() ? new Augmenter(cache.spec().size(), options.input().size()) : null;
    }

    /** Inverse square-root frequency weights of the diagnoses in the training images (rare classes count more). */
    static float[] diagnosisWeights(ImageCache cache) {
        int[] counts = new int[7];
        for (int i = 0; i < cache.size(); i++) {
            Diagnosis d = cache.image(i).diagnosis();
            if (d != null) counts[d.ordinal()]++;
        }
        int max = 0;
        for (int c : counts) max = Math.max(max, c);
        float[] w = new float[7];
        for (int c = 0; c < 7; c++) {
            w[c] = counts[c] == 0 ? 0 : (float) Math.sqrt((double) max / counts[c]);
        }
        return w;
    }

    /** The batches of one epoch in a fresh random order; each is filled when the iterator reaches it. */
    Iterable<Batch> epoch(Random random) {
        int[] order = shuffled(epochIndices(), random);
        int bs = options.batchSize();
        int stride = 3 * options.input().size() * options.input().size();
        float[] x = new float[bs * stride];
        float[] y = new float[bs];
        float[] w = new float[bs];
        float[] dx = new float[bs * 7];
        return () -> new Iterator<>() {
            private int from;

            @Override
            public boolean hasNext() {
                return from + 1 < order.length; // batch norm needs at least two images
            }

            @Override
            public Batch next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                int n = Math.min(bs, order.length - from);
                fill(order, from, n, x, y, w, dx, random);
                from += n;
                return new Batch(n, x, y, w, dx);
            }
        };
    }

    private void fill(int[] order, int from, int n, float[] x, float[] y, float[] w, float[] dx, Random random) {
        int size = options.input().size();
        int stride = 3 * size * size;
        java.util.Arrays.fill(dx, 0f);
        for (int k = 0; k < n; k++) {
            int i = order[from + k];
            byte[] pixels = augmenter == null ? cache.pixels(i) : augmenter.apply(cache.pixels(i), random);
            Preprocessing.normalise(pixels, options.input(), x, k * stride);
            LabeledImage img = cache.image(i);
            y[k] = img.malignant() ? 1f : 0f;
            w[k] = img.malignant() && options.multitask() ? MALIGNANT_WEIGHT : 1f;
            if (img.diagnosis() != null) {
                dx[k * 7 + img.diagnosis().ordinal()] = diagnosisWeights[img.diagnosis().ordinal()];
            }
        }
    }

    /** Every training image once, ISIC 2017 images {@code isicRepeats} times. */
    int[] epochIndices() {
        java.util.List<Integer> indices = new java.util.ArrayList<>();
        for (int i = 0; i < cache.size(); i++) {
            int times = cache.image(i).source() == DataSource.ISIC2017 ? Math.max(1, options.isicRepeats()) : 1;
            for (int t = 0; t < times; t++) indices.add(i);
        }
        return indices.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int[] shuffled(int[] order, Random r) {
        int n = order.length;
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }
}

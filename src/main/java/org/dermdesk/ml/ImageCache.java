package org.dermdesk.ml;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.dermdesk.core.ImageLoadException;
import org.dermdesk.core.ImageReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The development images decoded once and resized to the network input (step 1 of
 * {@link Preprocessing}), held as bytes: 12k images at 64x64 take about 150 MB, so epochs never decode.
 */
public final class ImageCache {

    private static final Logger LOG = LoggerFactory.getLogger(ImageCache.class);

    private final List<LabeledImage> images;
    private final byte[][] pixels;
    private final InputSpec spec;

    private ImageCache(List<LabeledImage> images, byte[][] pixels, InputSpec spec) {
        this.images = images;
        this.pixels = pixels;
        this.spec = spec;
    }

    public static ImageCache build(List<LabeledImage> images, ImageReader reader, InputSpec spec, int threads)
            throws ImageLoadException {
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            List<Future<byte[]>> jobs = new ArrayList<>(images.size());
            for (LabeledImage img : images) {
                jobs.add(pool.submit(() -> Preprocessing.resize(reader.read(img.file()), spec)));
            }
            byte[][] pixels = new byte[images.size()][];
            for (int i = 0; i < pixels.length; i++) {
                pixels[i] = jobs.get(i).get();
            }
            LOG.info("Decoded and resized {} images in {} ms", images.size(), (System.nanoTime() - start) / 1_000_000);
            return new ImageCache(List.copyOf(images), pixels, spec);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ImageLoadException ile) {
                throw ile;
            }
            throw new IllegalStateException("decoding the training images failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while decoding the training images", e);
        } finally {
            pool.shutdownNow();
        }
    }

    public int size() {
        return images.size();
    }

    public List<LabeledImage> images() {
        return images;
    }

    public LabeledImage image(int i) {
        return images.get(i);
    }

    public byte[] pixels(int i) {
        return pixels[i];
    }

    public InputSpec spec() {
        return spec;
    }

    /** Step 2 of {@link Preprocessing} for the given images, into a reusable planar float buffer. */
    public void fill(int[] indices, int from, int count, float[] out) {
        int stride = 3 * spec.size() * spec.size();
        for (int k = 0; k < count; k++) {
            Preprocessing.normalise(pixels[indices[from + k]], spec, out, k * stride);
        }
    }
}

package org.dermdesk.ml;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.dermdesk.core.ImageLoadException;
import org.dermdesk.core.ImageReader;
import org.dermdesk.core.LesionImage;
import org.dermdesk.core.ProgressListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pooled features of the frozen ImageNet backbone for every development image, computed once and kept on
 * disk in chunks so that an interrupted run resumes where it stopped. View 0 of an image is exactly what
 * the app's network sees ({@link Preprocessing}); training images get further augmented views (crop,
 * turn, flip, brightness/contrast/saturation, as {@link Augmenter} does), because a frozen backbone can
 * only learn invariance from what it is shown.
 */
public final class BackboneFeatures {

    private static final Logger LOG = LoggerFactory.getLogger(BackboneFeatures.class);
    private static final int CHUNK = 512;
    private static final int BATCH = 32;
    private static final int FORMAT = 1;

    /** features[image][view] */
    private final float[][][] features;

    private BackboneFeatures(float[][][] features) {
        this.features = features;
    }

    public float[] view(int image, int view) {
        return features[image][view];
    }

    public int views(int image) {
        return features[image].length;
    }

    public int size() {
        return features.length;
    }

    /**
     * @param augmented ids of the images that get {@code views - 1} augmented views besides the plain one
     */
    public static BackboneFeatures extract(List<LabeledImage> images, Set<String> augmented, int views, ai.djl.nn.Block backbone,
                                           InputSpec spec, ImageReader reader, Path cacheDir, long seed,
                                           ProgressListener progress) throws IOException, ImageLoadException {
        Files.createDirectories(cacheDir);
        float[][][] out = new float[images.size()][][];
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            ParameterStore ps = new ParameterStore(manager, false);
            for (int start = 0; start < images.size(); start += CHUNK) {
                List<LabeledImage> chunk = images.subList(start, Math.min(images.size(), start + CHUNK));
                Path file = cacheDir.resolve(String.format("chunk-%05d.bin", start / CHUNK));
                float[][][] rows = readChunk(file, chunk, augmented, views);
                if (rows == null) {
                    long t0 = System.nanoTime();
                    rows = compute(chunk, augmented, views, backbone, spec, reader, ps, manager, seed + start);
                    writeChunk(file, chunk, rows);
                    LOG.info("features {}..{} of {} in {} s", start, start + chunk.size(), images.size(), (System.nanoTime() - t0) / 1_000_000_000);
                }
                System.arraycopy(rows, 0, out, start, rows.length);
                progress.progress((double) (start + chunk.size()) / images.size(), "backbone features " + (start + chunk.size()) + "/" + images.size());
            }
        }
        return new BackboneFeatures(out);
    }

    private static float[][][] compute(List<LabeledImage> chunk, Set<String> augmented, int views, ai.djl.nn.Block backbone,
                                       InputSpec spec, ImageReader reader, ParameterStore ps, NDManager manager, long seed)
            throws ImageLoadException {
        int size = spec.size();
        int larger = size + size / 8;
        Augmenter augmenter = new Augmenter(larger, size);
        InputSpec largerSpec = spec.withSize(larger);
        List<byte[]> inputs = new ArrayList<>();
        int[] owner = new int[chunk.size() * views];
        float[][][] rows = new float[chunk.size()][][];
        for (int i = 0; i < chunk.size(); i++) {
            LabeledImage img = chunk.get(i);
            LesionImage decoded = reader.read(img.file());
            int n = augmented.contains(img.imageId()) ? views : 1;
            rows[i] = new float[n][];
            owner[inputs.size()] = i;
            inputs.add(Preprocessing.resize(decoded, spec));
            if (n > 1) {
                byte[] big = Preprocessing.resize(decoded, largerSpec);
                Random r = new Random(seed * 31 + i);
                for (int v = 1; v < n; v++) {
                    owner[inputs.size()] = i;
                    inputs.add(augmenter.apply(big, r));
                }
            }
        }
        int plane = 3 * size * size;
        int[] next = new int[chunk.size()];
        for (int b = 0; b < inputs.size(); b += BATCH) {
            int n = Math.min(BATCH, inputs.size() - b);
            float[] batch = new float[n * plane];
            for (int k = 0; k < n; k++) {
                Preprocessing.normalise(inputs.get(b + k), spec, batch, k * plane);
            }
            try (NDManager sub = manager.newSubManager()) {
                float[] f = backbone.forward(ps, new NDList(sub.create(batch, new Shape(n, 3, size, size))), false)
                        .singletonOrThrow().toFloatArray();
                int width = f.length / n;
                for (int k = 0; k < n; k++) {
                    int i = owner[b + k];
                    float[] row = new float[width];
                    System.arraycopy(f, k * width, row, 0, width);
                    rows[i][next[i]++] = row;
                }
            }
        }
        return rows;
    }

    private static void writeChunk(Path file, List<LabeledImage> chunk, float[][][] rows) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".part");
        try (OutputStream os = Files.newOutputStream(tmp); DataOutputStream out = new DataOutputStream(new BufferedOutputStream(os))) {
            out.writeInt(FORMAT);
            out.writeInt(chunk.size());
            for (int i = 0; i < chunk.size(); i++) {
                out.writeUTF(chunk.get(i).imageId());
                out.writeInt(rows[i].length);
                out.writeInt(rows[i][0].length);
                for (float[] v : rows[i]) {
                    for (float x : v) {
                        out.writeFloat(x);
                    }
                }
            }
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The chunk's rows, or null when there is no chunk file for exactly these images and view counts. */
    private static float[][][] readChunk(Path file, List<LabeledImage> chunk, Set<String> augmented, int expectedViews) throws IOException {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try (InputStream is = Files.newInputStream(file); DataInputStream in = new DataInputStream(new BufferedInputStream(is))) {
            if (in.readInt() != FORMAT || in.readInt() != chunk.size()) {
                return null;
            }
            float[][][] rows = new float[chunk.size()][][];
            for (int i = 0; i < chunk.size(); i++) {
                if (!in.readUTF().equals(chunk.get(i).imageId())) {
                    return null;
                }
                int views = in.readInt();
                if (views != (augmented.contains(chunk.get(i).imageId()) ? expectedViews : 1)) {
                    return null;
                }
                int width = in.readInt();
                rows[i] = new float[views][width];
                for (float[] v : rows[i]) {
                    for (int k = 0; k < width; k++) {
                        v[k] = in.readFloat();
                    }
                }
            }
            return rows;
        }
    }
}

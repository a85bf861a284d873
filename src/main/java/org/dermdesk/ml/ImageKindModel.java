package org.dermdesk.ml;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.dermdesk.core.Checksums;
import org.dermdesk.core.ImageSuitability;
import org.dermdesk.core.LesionImage;

/**
 * Judges from the classifier's own pooled features whether an image is dermoscopic and whether it lies
 * within the training data, at no cost beyond a few dot products (the features come with the logits).
 *
 * <ul>
 *   <li><b>Dermoscopic:</b> a logistic regression on the standardised features together with a few image
 *       statistics ({@link ClassicalImageFeatures}: the dermoscope's even light and dark rim, which pooled
 *       features lose), trained on dermoscopic development images against clinical close-ups and drawn
 *       non-dermoscopic images.</li>
 *   <li><b>Unfamiliar:</b> the Mahalanobis distance of the features from the training images (covariance
 *       shrunk towards its diagonal; from one mean or the nearest of several group means), or the energy of the diagnosis logits; either is turned into a score
 *       by where it falls among the distances of in-distribution validation images.</li>
 * </ul>
 * Stored as one binary file (big-endian, {@link DataOutputStream}), its checksum in the model card.
 */
public final class ImageKindModel {

    public static final String MAHALANOBIS = "mahalanobis";
    public static final String ENERGY = "energy";
    public static final String FILE_NAME = "image-kind.bin";
    /** "DDK2": the distance may keep several group means (their number follows the dimension). */
    private static final int MAGIC = 0x44444b32;
    /** "DDK1": one mean, read so that a model folder written before groups still loads. */
    private static final int MAGIC_ONE_MEAN = 0x44444b31;

    /** The dermoscopic head: standardisation, weights and bias. */
    private final LinearProbe detector;
    private final Mahalanobis distance;
    /** Sorted novelty scores of the in-distribution validation images: the scale of the unfamiliar score. */
    private final float[] validationScores;
    private final ImageKindSpec spec;

    ImageKindModel(LinearProbe detector, Mahalanobis distance, float[] validationScores, ImageKindSpec spec) {
        this.detector = detector;
        this.distance = distance;
        this.validationScores = validationScores.clone();
        Arrays.sort(this.validationScores);
        this.spec = spec;
    }

    public ImageKindSpec spec() {
        return spec;
    }

    /** The check's verdict on one image from the network's output for it (logits and pooled features). */
    public ImageSuitability assess(NetworkOutput output, LesionImage image) {
        return assess(output, ClassicalImageFeatures.of(image));
    }

    ImageSuitability assess(NetworkOutput output, float[] imageStatistics) {
        float[] input = detectorInput(output.features(), imageStatistics);
        if (input.length != detector.weights().length || distance.dimension() != output.features().length) {
            throw new IllegalArgumentException("the image-kind check needs the pooled features of its own network");
        }
        double dermoscopic = detector.probability(input);
        double unfamiliar = unfamiliarScore(output);
        return new ImageSuitability(dermoscopic >= spec.dermoscopicThreshold(), dermoscopic,
                unfamiliar >= spec.unfamiliarThreshold(), unfamiliar);
    }

    /** What the dermoscopic head reads: the pooled features, then the image statistics. */
    static float[] detectorInput(float[] features, float[] imageStatistics) {
        float[] x = java.util.Arrays.copyOf(features, features.length + imageStatistics.length);
        System.arraycopy(imageStatistics, 0, x, features.length, imageStatistics.length);
        return x;
    }

    /** The raw novelty score before it is placed among the validation images: larger = farther. */
    double novelty(NetworkOutput output) {
        if (ENERGY.equals(spec.unfamiliarMethod())) {
            return energy(output.logits());
        }
        return distance.squared(output.features());
    }

    double unfamiliarScore(NetworkOutput output) {
        double s = novelty(output);
        int below = Arrays.binarySearch(validationScores, (float) s);
        int rank = below >= 0 ? below : -below - 1;
        return (double) rank / validationScores.length;
    }

    /** Negative log-sum-exp of the seven diagnosis logits: high when no diagnosis is confidently recognised. */
    static double energy(float[] logits) {
        int n = Math.min(7, logits.length);
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, logits[i]);
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += Math.exp(logits[i] - max);
        }
        return -(max + Math.log(sum));
    }

    /** Reads the check a card names from its model folder, refusing a file that does not match the card's checksum. */
    static ImageKindModel read(Path modelDir, ImageKindSpec spec) throws ModelLoadException {
        Path file = modelDir.resolve(spec.file());
        try {
            if (!Files.isRegularFile(file)) {
                throw new ModelLoadException("The image-kind check " + file + " named by the model card is missing: reinstall the model");
            }
            String actual = Checksums.sha256(file);
            if (!actual.equalsIgnoreCase(spec.sha256())) {
                throw new ModelLoadException("The image-kind check " + file + " does not match the model card's checksum"
                        + " (expected " + spec.sha256() + ", found " + actual + "): reinstall the model");
            }
            try (InputStream is = Files.newInputStream(file); DataInputStream in = new DataInputStream(new BufferedInputStream(is))) {
                int magic = in.readInt();
                if (magic != MAGIC && magic != MAGIC_ONE_MEAN) {
                    throw new ModelLoadException("The image-kind check " + file + " is not in DermDesk's format: reinstall the model");
                }
                int d = in.readInt();
                float[] mean = floats(in, d);
                float[] scale = floats(in, d);
                float[] weights = floats(in, d);
                float bias = in.readFloat();
                int dimension = in.readInt();
                Mahalanobis distance = Mahalanobis.read(in, dimension, magic == MAGIC ? in.readInt() : 1);
                float[] validation = floats(in, in.readInt());
                return new ImageKindModel(new LinearProbe(mean, scale, weights, bias), distance, validation, spec);
            }
        } catch (IOException | RuntimeException e) {
            throw new ModelLoadException("The image-kind check " + file + " cannot be read (" + e.getMessage() + "): reinstall the model", e);
        }
    }

    /** Writes the parameters; the caller records the file's checksum in the card. */
    void write(Path file) throws IOException {
        try (OutputStream os = Files.newOutputStream(file); DataOutputStream out = new DataOutputStream(new BufferedOutputStream(os))) {
            out.writeInt(MAGIC);
            out.writeInt(detector.mean().length);
            writeFloats(out, detector.mean());
            writeFloats(out, detector.scale());
            writeFloats(out, detector.weights());
            out.writeFloat(detector.bias());
            out.writeInt(distance.dimension());
            out.writeInt(distance.groups());
            distance.write(out);
            out.writeInt(validationScores.length);
            writeFloats(out, validationScores);
        }
    }

    static float[] floats(DataInputStream in, int n) throws IOException {
        if (n < 0 || n > 10_000_000) {
            throw new IOException("implausible array length " + n);
        }
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = in.readFloat();
        }
        return v;
    }

    static void writeFloats(DataOutputStream out, float[] v) throws IOException {
        for (float x : v) {
            out.writeFloat(x);
        }
    }
}

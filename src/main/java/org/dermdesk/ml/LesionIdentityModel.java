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
import org.dermdesk.core.Appearance;
import org.dermdesk.core.Checksums;

/**
 * Places the classifier's pooled features in a space learned from re-takes of one lesion ({@link Appearance}),
 * so that a follow-up comparison can tell a re-take from another lesion by the network's view.
 *
 * <p>Fitted on pairs of images (KISSME, Köstinger et al. 2012): the unit-length features are reduced to their
 * leading principal components, the spread of the differences between two images of one lesion (Cs) and
 * between two lesions (Cd) is estimated there, and a difference d is scored by the log-likelihood ratio
 * (-d' Cs^-1 d + d' Cd^-1 d - log|Cs| + log|Cd|) / 2. The matrix Cs^-1 - Cd^-1 is diagonalised at fit time
 * and its eigenvectors folded into the projection, so an image needs one small matrix product and a pair one
 * weighted distance. Stored as one binary file (big-endian), its checksum in the model card.
 */
public final class LesionIdentityModel {

    public static final String FILE_NAME = "lesion-identity.bin";
    /** "DDI1". */
    private static final int MAGIC = 0x44444931;

    private final float[] mean;
    /** One row per coordinate, one column per feature. */
    private final float[][] projection;
    private final Appearance.IdentitySpace space;

    LesionIdentityModel(float[] mean, float[][] projection, Appearance.IdentitySpace space) {
        this.mean = mean;
        this.projection = projection;
        this.space = space;
    }

    public int features() {
        return mean.length;
    }

    public int dimension() {
        return projection.length;
    }

    /** The appearance of one image from the network's pooled features. */
    public Appearance appearance(float[] features) {
        if (features.length != mean.length) {
            throw new IllegalArgumentException("the identity space needs the " + mean.length + " pooled features of its own network");
        }
        double norm = 0;
        for (float f : features) {
            norm += (double) f * f;
        }
        double inv = norm == 0 ? 0 : 1 / Math.sqrt(norm);
        float[] c = new float[projection.length];
        for (int k = 0; k < projection.length; k++) {
            double s = 0;
            for (int j = 0; j < mean.length; j++) {
                s += projection[k][j] * (features[j] * inv - mean[j]);
            }
            c[k] = (float) s;
        }
        return Appearance.of(c, space);
    }

    /**
     * Fits the space.
     *
     * @param features  pooled features, one row per image
     * @param same      pairs of row numbers showing one lesion
     * @param different pairs of row numbers showing two lesions
     * @param dimension principal components kept
     * @param shrinkage share of each spread's mean variance added to its diagonal, so that it stays invertible
     */
    static LesionIdentityModel fit(float[][] features, int[][] same, int[][] different, int dimension, double shrinkage) {
        int n = features.length;
        int d = features[0].length;
        double[][] unit = new double[n][];
        double[] mean = new double[d];
        for (int i = 0; i < n; i++) {
            unit[i] = unitLength(features[i]);
            for (int j = 0; j < d; j++) {
                mean[j] += unit[i][j] / n;
            }
        }
        double[][] cov = new double[d][d];
        for (double[] u : unit) {
            for (int a = 0; a < d; a++) {
                double ua = u[a] - mean[a];
                for (int b = a; b < d; b++) {
                    cov[a][b] += ua * (u[b] - mean[b]);
                }
            }
        }
        for (int a = 0; a < d; a++) {
            for (int b = a; b < d; b++) {
                cov[a][b] /= n - 1;
                cov[b][a] = cov[a][b];
            }
        }
        double[][] components = SymmetricEigen.of(cov).vectors();
        double[][] z = new double[n][dimension];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < dimension; k++) {
                double s = 0;
                for (int j = 0; j < d; j++) {
                    s += components[k][j] * (unit[i][j] - mean[j]);
                }
                z[i][k] = s;
            }
        }
        SymmetricEigen sameSpread = SymmetricEigen.of(differenceSpread(z, same, shrinkage));
        SymmetricEigen differentSpread = SymmetricEigen.of(differenceSpread(z, different, shrinkage));
        double[][] metric = minus(inverse(sameSpread), inverse(differentSpread));
        double constant = logDeterminant(differentSpread) - logDeterminant(sameSpread);
        SymmetricEigen m = SymmetricEigen.of(metric);
        float[][] projection = new float[dimension][d];
        float[] weights = new float[dimension];
        for (int k = 0; k < dimension; k++) {
            weights[k] = (float) m.values()[k];
            for (int j = 0; j < d; j++) {
                double s = 0;
                for (int q = 0; q < dimension; q++) {
                    s += m.vectors()[k][q] * components[q][j];
                }
                projection[k][j] = (float) s;
            }
        }
        float[] meanF = new float[d];
        for (int j = 0; j < d; j++) {
            meanF[j] = (float) mean[j];
        }
        return new LesionIdentityModel(meanF, projection, new Appearance.IdentitySpace(weights, constant));
    }

    private static double[] unitLength(float[] f) {
        double norm = 0;
        for (float v : f) {
            norm += (double) v * v;
        }
        double inv = norm == 0 ? 0 : 1 / Math.sqrt(norm);
        double[] u = new double[f.length];
        for (int j = 0; j < f.length; j++) {
            u[j] = f[j] * inv;
        }
        return u;
    }

    /** Mean outer product of the pairs' differences (their mean is zero by symmetry), shrunk towards its mean variance. */
    private static double[][] differenceSpread(double[][] z, int[][] pairs, double shrinkage) {
        int k = z[0].length;
        double[][] c = new double[k][k];
        for (int[] p : pairs) {
            for (int a = 0; a < k; a++) {
                double da = z[p[0]][a] - z[p[1]][a];
                for (int b = 0; b < k; b++) {
                    c[a][b] += da * (z[p[0]][b] - z[p[1]][b]) / pairs.length;
                }
            }
        }
        double trace = 0;
        for (int a = 0; a < k; a++) {
            trace += c[a][a];
        }
        for (int a = 0; a < k; a++) {
            c[a][a] += shrinkage * trace / k;
        }
        return c;
    }

    private static double[][] inverse(SymmetricEigen e) {
        int k = e.values().length;
        double[][] inv = new double[k][k];
        for (int q = 0; q < k; q++) {
            for (int a = 0; a < k; a++) {
                for (int b = 0; b < k; b++) {
                    inv[a][b] += e.vectors()[q][a] * e.vectors()[q][b] / e.values()[q];
                }
            }
        }
        return inv;
    }

    private static double logDeterminant(SymmetricEigen e) {
        double s = 0;
        for (double v : e.values()) {
            s += Math.log(v);
        }
        return s;
    }

    private static double[][] minus(double[][] a, double[][] b) {
        double[][] c = new double[a.length][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a.length; j++) {
                c[i][j] = a[i][j] - b[i][j];
            }
        }
        return c;
    }

    /** Reads the space a card names from its model folder, refusing a file that does not match the card's checksum. */
    static LesionIdentityModel read(Path modelDir, LesionIdentitySpec spec) throws ModelLoadException {
        Path file = modelDir.resolve(spec.file());
        try {
            if (!Files.isRegularFile(file)) {
                throw new ModelLoadException("The lesion identity space " + file + " named by the model card is missing: reinstall the model");
            }
            String actual = Checksums.sha256(file);
            if (!actual.equalsIgnoreCase(spec.sha256())) {
                throw new ModelLoadException("The lesion identity space " + file + " does not match the model card's checksum"
                        + " (expected " + spec.sha256() + ", found " + actual + "): reinstall the model");
            }
            try (InputStream is = Files.newInputStream(file); DataInputStream in = new DataInputStream(new BufferedInputStream(is))) {
                if (in.readInt() != MAGIC) {
                    throw new ModelLoadException("The lesion identity space " + file + " is not in DermDesk's format: reinstall the model");
                }
                int d = in.readInt();
                int k = in.readInt();
                float[] mean = ImageKindModel.floats(in, d);
                float[][] projection = new float[k][];
                for (int i = 0; i < k; i++) {
                    projection[i] = ImageKindModel.floats(in, d);
                }
                float[] weights = ImageKindModel.floats(in, k);
                double constant = in.readDouble();
                return new LesionIdentityModel(mean, projection, new Appearance.IdentitySpace(weights, constant));
            }
        } catch (IOException | RuntimeException e) {
            throw new ModelLoadException("The lesion identity space " + file + " cannot be read (" + e.getMessage() + "): reinstall the model", e);
        }
    }

    /** Writes the parameters; the caller records the file's checksum in the card. */
    void write(Path file) throws IOException {
        try (OutputStream os = Files.newOutputStream(file); DataOutputStream out = new DataOutputStream(new BufferedOutputStream(os))) {
            out.writeInt(MAGIC);
            out.writeInt(mean.length);
            out.writeInt(projection.length);
            ImageKindModel.writeFloats(out, mean);
            for (float[] row : projection) {
                ImageKindModel.writeFloats(out, row);
            }
            ImageKindModel.writeFloats(out, space.weights());
            out.writeDouble(space.constant());
        }
    }
}

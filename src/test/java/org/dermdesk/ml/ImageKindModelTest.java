package org.dermdesk.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.dermdesk.core.Checksums;
import org.dermdesk.core.ImageSuitability;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageKindModelTest {

    @TempDir
    Path dir;

    /** Correlated 3-d data: the distance must equal the textbook (x - m)' S^-1 (x - m) with S shrunk towards its diagonal. */
    @Test
    void mahalanobisMatchesTheDirectFormula() {
        Random r = new Random(1);
        float[][] rows = new float[500][];
        for (int i = 0; i < rows.length; i++) {
            double a = r.nextGaussian();
            double b = r.nextGaussian();
            rows[i] = new float[] {(float) (2 + a), (float) (a + 0.5 * b), (float) (3 * b - 1)};
        }
        double shrinkage = 0.2;
        Mahalanobis m = Mahalanobis.fit(rows, shrinkage);
        double[] mean = new double[3];
        for (float[] x : rows) {
            for (int j = 0; j < 3; j++) {
                mean[j] += x[j] / rows.length;
            }
        }
        double[][] s = new double[3][3];
        for (float[] x : rows) {
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    s[i][j] += (x[i] - mean[i]) * (x[j] - mean[j]) / (rows.length - 1);
                }
            }
        }
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                s[i][j] *= i == j ? 1 : 1 - shrinkage;
            }
        }
        double[][] inv = invert3(s);
        float[] probe = {4f, -1f, 2f};
        double expected = 0;
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                expected += (probe[i] - mean[i]) * inv[i][j] * (probe[j] - mean[j]);
            }
        }
        assertEquals(expected, m.squared(probe), 1e-3 * expected);
    }

    /** Two clusters with one shape: the distance is to the nearer cluster's mean under the pooled within-cluster covariance. */
    @Test
    void groupedDistanceIsToTheNearestGroupMean() {
        Random r = new Random(3);
        float[][] rows = new float[600][];
        int[] group = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            group[i] = i % 2;
            double a = r.nextGaussian();
            double b = r.nextGaussian();
            double c = r.nextGaussian();
            double shift = group[i] == 0 ? -10 : 10;
            rows[i] = new float[] {(float) (shift + a), (float) (a + 0.5 * b), (float) c};
        }
        Mahalanobis grouped = Mahalanobis.fit(rows, group, 0.0);
        Mahalanobis single = Mahalanobis.fit(rows, 0.0);
        assertEquals(2, grouped.groups());
        float[] atCluster = {10f, 0f, 0f};
        float[] between = {0f, 0f, 0f};
        assertTrue(grouped.squared(atCluster) < 0.1, "a cluster's centre is close: " + grouped.squared(atCluster));
        assertTrue(grouped.squared(between) > 50, "between the clusters is far: " + grouped.squared(between));
        assertTrue(single.squared(between) < single.squared(atCluster), "one mean sits between the clusters, which is the point");
        // within-cluster shape: (x - m)' S^-1 (x - m) with S of a, a + b/2, c (a, b, c independent, unit variance)
        double[][] s = {{1, 1, 0}, {1, 1.25, 0}, {0, 0, 1}};
        double[][] inv = invert3(s);
        float[] probe = {11f, 2f, -1f};
        double[] e = {1, 2, -1};
        double expected = 0;
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                expected += e[i] * inv[i][j] * e[j];
            }
        }
        assertEquals(expected, grouped.squared(probe), 0.15 * expected, "sampled covariance within 15% of the true one");
    }

    @Test
    void groupedCheckSurvivesWritingAndReading() throws Exception {
        Random r = new Random(4);
        float[][] rows = new float[300][];
        int[] group = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            group[i] = i % 3;
            rows[i] = new float[] {(float) (5 * group[i] + r.nextGaussian()), (float) r.nextGaussian()};
        }
        Mahalanobis m = Mahalanobis.fit(rows, group, 0.05);
        float[] validation = {0.5f, 1f, 2f, 4f};
        ImageKindSpec unsealed = new ImageKindSpec(ImageKindModel.FILE_NAME, null, 0.5, 0.95, ImageKindModel.MAHALANOBIS, "test", Map.of());
        ImageKindModel model = new ImageKindModel(new LinearProbe(new float[3], new float[] {1, 1, 1}, new float[] {0, 0, 4}, 0),
                m, validation, unsealed);
        Path file = dir.resolve(ImageKindModel.FILE_NAME);
        model.write(file);
        ImageKindSpec spec = new ImageKindSpec(file.getFileName().toString(), Checksums.sha256(file), 0.5, 0.95,
                ImageKindModel.MAHALANOBIS, "test", Map.of());
        ImageKindModel read = ImageKindModel.read(dir, spec);
        for (float[] x : new float[][] {{0, 0}, {5, 0}, {10, 1}, {2.5f, 0}, {20, 3}}) {
            NetworkOutput out = new NetworkOutput(new float[8], x);
            assertEquals(model.novelty(out), read.novelty(out), 1e-9);
        }
    }

    /** A check written before group means (format DDK1: one mean, no group count) still loads. */
    @Test
    void readsTheOneMeanFormat() throws Exception {
        Path file = dir.resolve(ImageKindModel.FILE_NAME);
        try (var out = new java.io.DataOutputStream(Files.newOutputStream(file))) {
            out.writeInt(0x44444b31);
            out.writeInt(3);
            for (float v : new float[] {0, 0, 0, 1, 1, 1, 0, 0, 4}) {
                out.writeFloat(v);
            }
            out.writeFloat(0);
            out.writeInt(2);
            for (float v : new float[] {1, 1, 2, 0, 3}) { // mean (1, 1); L = [[2], [0, 3]]
                out.writeFloat(v);
            }
            out.writeInt(2);
            out.writeFloat(0.5f);
            out.writeFloat(2f);
        }
        ImageKindSpec spec = new ImageKindSpec(file.getFileName().toString(), Checksums.sha256(file), 0.5, 0.95,
                ImageKindModel.MAHALANOBIS, "test", Map.of());
        ImageKindModel read = ImageKindModel.read(dir, spec);
        // (x - m) = (3, 4): z = (3 / 2, 4 / 3)
        assertEquals(1.5 * 1.5 + 16.0 / 9, read.novelty(new NetworkOutput(new float[8], new float[] {4, 5})), 1e-6);
    }

    @Test
    void writesReadsAndJudgesAtTheCardsThresholds() throws Exception {
        ImageKindModel model = model();
        Path file = dir.resolve(ImageKindModel.FILE_NAME);
        model.write(file);
        ImageKindSpec spec = new ImageKindSpec(file.getFileName().toString(), Checksums.sha256(file), 0.5, 0.95,
                ImageKindModel.MAHALANOBIS, "test", Map.of());
        ImageKindModel read = ImageKindModel.read(dir, spec);

        ImageSuitability near = read.assess(new NetworkOutput(new float[8], new float[] {0.1f, 0.1f}), new float[] {1f});
        assertTrue(near.dermoscopic(), "detector weight on the image statistic is positive");
        assertFalse(near.unfamiliar());
        assertTrue(near.unfamiliarScore() < 0.5);

        ImageSuitability far = read.assess(new NetworkOutput(new float[8], new float[] {9f, -9f}), new float[] {-1f});
        assertFalse(far.dermoscopic());
        assertTrue(far.unfamiliar());
        assertEquals(1.0, far.unfamiliarScore(), "farther than every validation image");
    }

    @Test
    void refusesAFileThatDoesNotMatchTheCard() throws IOException {
        Path file = dir.resolve(ImageKindModel.FILE_NAME);
        model().write(file);
        ImageKindSpec spec = new ImageKindSpec(file.getFileName().toString(), "0".repeat(64), 0.5, 0.95,
                ImageKindModel.MAHALANOBIS, "test", Map.of());
        ModelLoadException e = assertThrows(ModelLoadException.class, () -> ImageKindModel.read(dir, spec));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("checksum"), e.getMessage());
        Files.delete(file);
        ModelLoadException missing = assertThrows(ModelLoadException.class, () -> ImageKindModel.read(dir, spec));
        assertTrue(missing.getMessage().contains("missing"), missing.getMessage());
    }

    @Test
    void energyIsHighWhenNoDiagnosisStandsOut() {
        float[] confident = {8, 0, 0, 0, 0, 0, 0, 0};
        float[] flat = {0, 0, 0, 0, 0, 0, 0, 0};
        assertTrue(ImageKindModel.energy(flat) > ImageKindModel.energy(confident));
    }

    /** Two pooled features around the origin, one image statistic; the detector reads the statistic only. */
    private static ImageKindModel model() {
        Random r = new Random(2);
        float[][] rows = new float[400][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new float[] {(float) r.nextGaussian(), (float) r.nextGaussian()};
        }
        Mahalanobis m = Mahalanobis.fit(rows, 0.05);
        float[] validation = new float[200];
        for (int i = 0; i < validation.length; i++) {
            validation[i] = (float) m.squared(new float[] {(float) r.nextGaussian(), (float) r.nextGaussian()});
        }
        ImageKindSpec spec = new ImageKindSpec(ImageKindModel.FILE_NAME, null, 0.5, 0.95, ImageKindModel.MAHALANOBIS, "test", Map.of());
        return new ImageKindModel(new LinearProbe(new float[3], new float[] {1, 1, 1}, new float[] {0, 0, 4}, 0), m, validation, spec);
    }

    private static double[][] invert3(double[][] a) {
        double det = a[0][0] * (a[1][1] * a[2][2] - a[1][2] * a[2][1]) - a[0][1] * (a[1][0] * a[2][2] - a[1][2] * a[2][0])
                + a[0][2] * (a[1][0] * a[2][1] - a[1][1] * a[2][0]);
        double[][] inv = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                int i1 = (j + 1) % 3, i2 = (j + 2) % 3, j1 = (i + 1) % 3, j2 = (i + 2) % 3;
                inv[i][j] = (a[i1][j1] * a[i2][j2] - a[i1][j2] * a[i2][j1]) / det;
            }
        }
        return inv;
    }
}

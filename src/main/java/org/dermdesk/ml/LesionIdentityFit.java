package org.dermdesk.ml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import org.dermdesk.core.Appearance;
import org.dermdesk.core.Checksums;
import org.dermdesk.core.ImageLoadException;
import org.dermdesk.core.ImageReader;
import org.dermdesk.core.LesionImage;

/**
 * Fits a model's {@link LesionIdentityModel} on HAM10000 re-takes and measures it on lesions it did not see.
 * Re-takes are images sharing a {@code lesion_id}; the model's own lesion-grouped split decides which
 * lesions fit the space (train), and which measure it (validation, test), so no lesion is in both.
 */
public final class LesionIdentityFit {

    public static final int DIMENSION = 32;
    public static final double SHRINKAGE = 0.01;
    /** Random pairs of two training lesions that give the different-lesion spread. */
    static final int DIFFERENT_PAIRS = 6000;

    private final Path ham;
    private final Map<String, Split> split;
    private final DjlLesionClassifier classifier;
    private final ImageReader reader;
    private final Consumer<String> print;

    public LesionIdentityFit(Path data, Path modelDir, DjlLesionClassifier classifier, ImageReader reader, Consumer<String> print) throws IOException {
        this.ham = data.resolve("ham10000");
        this.split = DataSplitter.read(modelDir.resolve("split.csv"));
        this.classifier = classifier;
        this.reader = reader;
        this.print = print;
    }

    /** The images of each lesion with two or more of them, in file order, for one part of the split. */
    List<List<String>> retakeLesions(Split part) throws IOException {
        Map<String, List<String>> lesions = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(ham.resolve("metadata.csv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            if (split.get(f[1]) == part) {
                lesions.computeIfAbsent(f[0], k -> new ArrayList<>()).add(f[1]);
            }
        }
        return lesions.values().stream().filter(v -> v.size() >= 2).toList();
    }

    /** Fits the space, measures it, and (with {@code write}) installs it in the model folder and its card. */
    public LesionIdentityModel run(Path modelDir, long seed, boolean write) throws IOException {
        Random random = new Random(seed);
        List<List<String>> train = retakeLesions(Split.TRAIN);
        List<String> ids = new ArrayList<>();
        List<Integer> firstOfLesion = new ArrayList<>();
        List<int[]> same = new ArrayList<>();
        for (List<String> lesion : train) {
            firstOfLesion.add(ids.size());
            for (int k = 0; k < lesion.size(); k++) {
                if (k > 0) same.add(new int[] {ids.size() - 1, ids.size()});
                ids.add(lesion.get(k));
            }
        }
        print.accept(String.format(Locale.ROOT, "fitting on %d training lesions (%d images, %d re-take pairs, %d different-lesion pairs)",
                train.size(), ids.size(), same.size(), DIFFERENT_PAIRS));
        float[][] features = features(ids);
        List<int[]> different = new ArrayList<>();
        while (different.size() < DIFFERENT_PAIRS) {
            int a = random.nextInt(train.size());
            int b = random.nextInt(train.size());
            if (a != b) different.add(new int[] {firstOfLesion.get(a), firstOfLesion.get(b)});
        }
        LesionIdentityModel model = LesionIdentityModel.fit(features, same.toArray(new int[0][]),
                different.toArray(new int[0][]), DIMENSION, SHRINKAGE);
        Map<String, Object> metrics = new LinkedHashMap<>();
        for (Split part : new Split[] {Split.VALIDATION, Split.TEST}) {
            metrics.put(part.key(), measure(model, part, seed));
        }
        if (write) install(model, modelDir, metrics, seed);
        return model;
    }

    /**
     * Re-takes (the first two images of each lesion of the part) against as many pairs of two of its lesions:
     * AUC and the share on the right side of 0, beside the AUC of the raw features' cosine similarity. The
     * pairs follow from the seed and the part alone, so the card's figures can be reproduced.
     */
    public Map<String, Object> measure(LesionIdentityModel model, Split part, long seed) throws IOException {
        Random random = new Random(seed + part.ordinal());
        List<List<String>> lesions = retakeLesions(part);
        List<String> ids = new ArrayList<>();
        for (List<String> l : lesions) {
            ids.add(l.get(0));
            ids.add(l.get(1));
        }
        float[][] f = features(ids);
        Appearance[] a = new Appearance[f.length];
        for (int i = 0; i < f.length; i++) {
            a[i] = model.appearance(f[i]);
        }
        int n = lesions.size();
        double[] evidence = new double[2 * n];
        double[] cosine = new double[2 * n];
        boolean[] sameLesion = new boolean[2 * n];
        for (int i = 0; i < n; i++) {
            evidence[i] = a[2 * i].sameLesionEvidence(a[2 * i + 1]);
            cosine[i] = cosine(f[2 * i], f[2 * i + 1]);
            sameLesion[i] = true;
            int j = random.nextInt(n - 1);
            j = j >= i ? j + 1 : j;
            evidence[n + i] = a[2 * i].sameLesionEvidence(a[2 * j]);
            cosine[n + i] = cosine(f[2 * i], f[2 * j]);
        }
        int sameRight = 0;
        int differentRight = 0;
        for (int i = 0; i < n; i++) {
            if (evidence[i] > 0) sameRight++;
            if (evidence[n + i] <= 0) differentRight++;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("lesions", n);
        m.put("auc", BinaryMetrics.round(BinaryMetrics.auc(evidence, sameLesion)));
        m.put("retakes_above_0", BinaryMetrics.round((double) sameRight / n));
        m.put("different_at_or_below_0", BinaryMetrics.round((double) differentRight / n));
        m.put("cosine_auc", BinaryMetrics.round(BinaryMetrics.auc(cosine, sameLesion)));
        print.accept(String.format(Locale.ROOT, "%s: %d re-takes and %d pairs of different lesions: AUC %.3f (cosine of the features %.3f);"
                        + " evidence > 0 for %.1f%% of re-takes, <= 0 for %.1f%% of different lesions", part.key(), n, n,
                m.get("auc"), m.get("cosine_auc"), 100.0 * sameRight / n, 100.0 * differentRight / n));
        return m;
    }

    private float[][] features(List<String> ids) throws IOException {
        float[][] out = new float[ids.size()][];
        int batch = 32;
        for (int start = 0; start < ids.size(); start += batch) {
            List<LesionImage> images = new ArrayList<>();
            for (String id : ids.subList(start, Math.min(ids.size(), start + batch))) {
                try {
                    images.add(reader.read(ham.resolve("images").resolve(id + ".jpg")));
                } catch (ImageLoadException e) {
                    throw new IOException(e.getMessage(), e);
                }
            }
            List<NetworkOutput> o = classifier.outputs(images);
            for (int i = 0; i < o.size(); i++) {
                out[start + i] = o.get(i).features();
            }
        }
        return out;
    }

    private static double cosine(float[] x, float[] y) {
        double xy = 0;
        double xx = 0;
        double yy = 0;
        for (int i = 0; i < x.length; i++) {
            xy += (double) x[i] * y[i];
            xx += (double) x[i] * x[i];
            yy += (double) y[i] * y[i];
        }
        return xy / Math.sqrt(xx * yy);
    }

    private void install(LesionIdentityModel model, Path modelDir, Map<String, Object> metrics, long seed) throws IOException {
        Path file = modelDir.resolve(LesionIdentityModel.FILE_NAME);
        model.write(file);
        String fitting = String.format(Locale.ROOT, "KISSME on the unit-length pooled features: %d principal components, spreads"
                + " shrunk by %.2f of their mean variance; fitted on the HAM10000 lesions with two or more images in this model's"
                + " train split (consecutive images of a lesion against %d random pairs of two lesions); measured on the"
                + " validation and test splits' lesions (first two images against a random other lesion); pairs drawn with seed %d.",
                DIMENSION, SHRINKAGE, DIFFERENT_PAIRS, seed);
        ModelCard card = ModelCard.read(modelDir).withLesionIdentity(
                new LesionIdentitySpec(LesionIdentityModel.FILE_NAME, Checksums.sha256(file), fitting, metrics));
        card.write(modelDir);
        print.accept("wrote " + file + " and the card's lesion_identity; seal line for the shipped list: "
                + card.weightsSha256() + " " + ModelCardSeal.of(card) + "  " + card.name() + " " + card.version());
    }
}

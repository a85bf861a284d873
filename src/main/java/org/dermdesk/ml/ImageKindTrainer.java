package org.dermdesk.ml;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javax.imageio.ImageIO;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.dermdesk.core.Checksums;
import org.dermdesk.core.ImageLoadException;
import org.dermdesk.core.ImageReader;
import org.dermdesk.core.ProgressListener;

/**
 * Builds and measures the image-kind check of a trained pretrained classifier ({@link ImageKindModel}):
 * features of a sample of every source's lesion-grouped split parts, of MILK10k's clinical close-ups (each
 * in its lesion's part) and of drawn non-dermoscopic pictures; a dermoscopic-or-not head against a
 * classical baseline (and the head on both, which ships); Mahalanobis distances (one mean, or one per source and class) against the
 * energy score; and, on the frozen ImageNet backbone,
 * a leave-one-source-out check of whether the flag picks out the images a model classifies worse.
 * Features are cached in {@code workDir} so an interrupted run resumes.
 */
public final class ImageKindTrainer {

    enum Kind { DERMOSCOPIC, CLINICAL, DRAWN }

    record Item(LabeledImage image, Kind kind, Split split) {
        boolean dermoscopic() {
            return kind == Kind.DERMOSCOPIC;
        }
    }

    public record Options(Path modelDir, Path dataDir, Path workDir, int trainPerSource, int evalPerSource,
                          int drawn, boolean leaveOneSourceOut, boolean write, long seed) {
    }

    static final double[] SHRINKAGE = {0.05, 0.2, 0.5};
    static final double DERMOSCOPIC_FALSE_ALARM = 0.01;
    static final double UNFAMILIAR_SHARE = 0.05;
    static final List<DataSource> HELD_OUT = List.of(DataSource.MILK10K, DataSource.ACRAL, DataSource.ISIC2017, DataSource.BCN20000);
    static final String THRESHOLD_RULE = "dermoscopic: the highest threshold at which at most 1% of the validation"
            + " dermoscopic images of every source are called not dermoscopic; unfamiliar: the score of the farthest 5%"
            + " of in-distribution validation images (the score is the share of validation images lying closer)";

    static final double DETECTOR_L2 = 1e-3;

    private final Options options;
    private final Consumer<String> print;
    /** The distance the validation chose; the leave-one-source-out runs refit the same kind. */
    private DistanceVariant chosenDistance = new DistanceVariant(SHRINKAGE[1], false);

    public ImageKindTrainer(Options options, Consumer<String> print) {
        this.options = options;
        this.print = print;
    }

    public void run(ImageReader reader, ProgressListener progress) throws IOException, ImageLoadException, ModelLoadException {
        List<Item> items = items();
        print.accept(String.format(Locale.ROOT, "%d images: %s", items.size(), counts(items)));
        List<LabeledImage> images = items.stream().map(Item::image).toList();
        float[][] tuned;
        float[][] logits;
        ModelCard card;
        try (DjlLesionClassifier classifier = DjlLesionClassifier.open(options.modelDir())) {
            card = classifier.card();
            if (!(classifier.network() instanceof FeaturesAndLogits net)) {
                throw new ModelLoadException("The model in " + options.modelDir() + " is not a pretrained backbone with a head:"
                        + " the image-kind check needs its pooled features");
            }
            tuned = plain(BackboneFeatures.extract(images, Set.of(), 1, net.backbone(), card.input(), reader,
                    options.workDir().resolve("features-" + card.name()), options.seed(), progress));
            logits = head(net.head(), tuned);
        }
        float[][] classical = classical(items, reader);
        ImageKindModel model = fitAndReport(items, tuned, logits, classical, card);
        if (options.leaveOneSourceOut()) {
            try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
                MobileNetV2 frozen = ImageNetBackbone.load(ImageNetBackbone.SHIPPED_DIR, PretrainedRecipe.POOLED, manager);
                float[][] features = plain(BackboneFeatures.extract(images, Set.of(), 1, frozen, card.input(), reader,
                        options.workDir().resolve("features-imagenet"), options.seed(), progress));
                leaveOneSourceOut(items, features);
            }
        }
        if (options.write()) {
            write(model, card);
        }
    }

    // ---------------------------------------------------------------- images

    List<Item> items() throws IOException {
        Path splitCsv = options.modelDir().resolve("split.csv");
        Map<String, Split> split = DataSplitter.read(splitCsv);
        Map<String, List<LabeledImage>> byPart = new LinkedHashMap<>();
        for (LabeledImage img : DatasetIndex.forSplit(options.dataDir(), splitCsv)) {
            Split s = split.get(img.imageId());
            if (s != null) {
                byPart.computeIfAbsent(img.source() + "/" + s, k -> new ArrayList<>()).add(img);
            }
        }
        List<Item> out = new ArrayList<>();
        Random random = new Random(options.seed());
        byPart.forEach((part, list) -> {
            Split s = split.get(list.get(0).imageId());
            List<LabeledImage> shuffled = new ArrayList<>(list);
            Collections.shuffle(shuffled, random);
            int cap = s == Split.TRAIN ? options.trainPerSource() : options.evalPerSource();
            shuffled.subList(0, Math.min(cap, shuffled.size())).forEach(img -> out.add(new Item(img, Kind.DERMOSCOPIC, s)));
        });
        out.addAll(clinical(split));
        out.addAll(drawn());
        return out;
    }

    /** MILK10k's clinical close-ups, each in the split part of its lesion's dermoscopic images. */
    private List<Item> clinical(Map<String, Split> split) throws IOException {
        Path milk = options.dataDir().resolve("milk10k");
        Map<String, Split> lesionPart = new HashMap<>();
        for (CSVRecord r : csv(milk.resolve("labels.csv"))) {
            Split s = split.get(r.get("image_id"));
            if (s != null) {
                lesionPart.put(r.get("lesion_id"), s);
            }
        }
        List<Item> out = new ArrayList<>();
        for (CSVRecord r : csv(milk.resolve("clinical.csv"))) {
            Split s = lesionPart.get(r.get("lesion_id"));
            Path file = milk.resolve("clinical").resolve(r.get("image_id") + ".jpg");
            if (s != null && Files.isRegularFile(file)) {
                out.add(new Item(new LabeledImage(r.get("image_id"), file, r.get("lesion_id"), DataSource.MILK10K, null,
                        "1".equals(r.get("malignant")), null, "", "", null), Kind.CLINICAL, s));
            }
        }
        return out;
    }

    /** Drawn pictures, written once to the work folder: 3 of every 5 for training, 1 validation, 1 test. */
    private List<Item> drawn() throws IOException {
        Path dir = options.workDir().resolve("drawn");
        Files.createDirectories(dir);
        List<Item> out = new ArrayList<>();
        for (int i = 0; i < options.drawn(); i++) {
            Path file = dir.resolve(String.format(Locale.ROOT, "drawn-%04d.png", i));
            if (!Files.isRegularFile(file)) {
                BufferedImage img = DrawnNonDermoscopicImages.draw(i, options.seed());
                Path tmp = dir.resolve(file.getFileName() + ".part");
                ImageIO.write(img, "png", tmp.toFile());
                Files.move(tmp, file);
            }
            Split s = i % 5 < 3 ? Split.TRAIN : i % 5 == 3 ? Split.VALIDATION : Split.TEST;
            out.add(new Item(new LabeledImage("drawn-" + i, file, "drawn-" + i, DataSource.HAM10000, null, false, null, "",
                    DrawnNonDermoscopicImages.kind(i), null), Kind.DRAWN, s));
        }
        return out;
    }

    private static List<CSVRecord> csv(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
    }

    private static String counts(List<Item> items) {
        Map<String, Integer> n = new LinkedHashMap<>();
        for (Item it : items) {
            n.merge(label(it) + " " + it.split().key(), 1, Integer::sum);
        }
        return n.toString();
    }

    private static String label(Item it) {
        return it.dermoscopic() ? it.image().source().key() : it.kind().name().toLowerCase(Locale.ROOT);
    }

    // ---------------------------------------------------------------- features

    private static float[][] plain(BackboneFeatures f) {
        float[][] out = new float[f.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = f.view(i, 0);
        }
        return out;
    }

    private static float[][] head(Block head, float[][] features) {
        float[][] out = new float[features.length][];
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            ParameterStore ps = new ParameterStore(manager, false);
            int d = features[0].length;
            for (int start = 0; start < features.length; start += 256) {
                int n = Math.min(256, features.length - start);
                float[] batch = new float[n * d];
                for (int k = 0; k < n; k++) {
                    System.arraycopy(features[start + k], 0, batch, k * d, d);
                }
                try (NDManager sub = manager.newSubManager()) {
                    float[] z = head.forward(ps, new NDList(sub.create(batch, new Shape(n, d))), false).singletonOrThrow().toFloatArray();
                    int width = z.length / n;
                    for (int k = 0; k < n; k++) {
                        out[start + k] = Arrays.copyOfRange(z, k * width, (k + 1) * width);
                    }
                }
            }
        }
        return out;
    }

    private float[][] classical(List<Item> items, ImageReader reader) throws ImageLoadException {
        float[][] out = new float[items.size()][];
        for (int i = 0; i < items.size(); i++) {
            out[i] = ClassicalImageFeatures.of(reader.read(items.get(i).image().file()));
        }
        return out;
    }

    // ---------------------------------------------------------------- fitting and measuring

    private ImageKindModel fitAndReport(List<Item> items, float[][] tuned, float[][] logits, float[][] classical, ModelCard card) {
        int[] train = select(items, it -> it.split() == Split.TRAIN);
        boolean[] yTrain = dermoscopicLabels(items, train);
        LinearProbe networkOnly = LinearProbe.fit(rows(tuned, train), yTrain, DETECTOR_L2, 400);
        float[][] joint = new float[items.size()][];
        for (int i = 0; i < joint.length; i++) {
            joint[i] = ImageKindModel.detectorInput(tuned[i], classical[i]);
        }
        LinearProbe detector = LinearProbe.fit(rows(joint, train), yTrain, DETECTOR_L2, 400);
        LinearProbe baseline = LinearProbe.fit(rows(classical, train), yTrain, 1e-3, 300);
        double tNetworkOnly = dermoscopicThreshold(items, i -> networkOnly.probability(tuned[i]));
        double tDetector = dermoscopicThreshold(items, i -> detector.probability(joint[i]));
        double tBaseline = dermoscopicThreshold(items, i -> baseline.probability(classical[i]));

        int[] idTrain = select(items, it -> it.dermoscopic() && it.split() == Split.TRAIN);
        int[] idVal = select(items, it -> it.dermoscopic() && it.split() == Split.VALIDATION);
        int[] nearVal = select(items, it -> it.kind() == Kind.CLINICAL && it.split() == Split.VALIDATION);
        Map<String, java.util.function.IntToDoubleFunction> novelty = new LinkedHashMap<>();
        Map<String, DistanceVariant> variants = new HashMap<>();
        Map<String, Mahalanobis> distances = new HashMap<>();
        for (boolean grouped : new boolean[] {false, true}) {
            for (double a : SHRINKAGE) {
                DistanceVariant v = new DistanceVariant(a, grouped);
                Mahalanobis m = v.fit(items, tuned, idTrain);
                variants.put(v.name(), v);
                distances.put(v.name(), m);
                novelty.put(v.name(), i -> m.squared(tuned[i]));
            }
        }
        novelty.put(ImageKindModel.ENERGY, i -> ImageKindModel.energy(logits[i]));
        String chosen = null;
        double best = -1;
        for (var e : novelty.entrySet()) {
            double auc = separation(idVal, nearVal, e.getValue());
            print.accept(String.format(Locale.ROOT, "validation: %-50s AUROC in-distribution vs clinical close-ups %.3f", e.getKey(), auc));
            if (auc > best) {
                best = auc;
                chosen = e.getKey();
            }
        }
        var chosenNovelty = novelty.get(chosen);
        float[] validationScores = new float[idVal.length];
        for (int k = 0; k < idVal.length; k++) {
            validationScores[k] = (float) chosenNovelty.applyAsDouble(idVal[k]);
        }
        String method = chosen.startsWith(ImageKindModel.MAHALANOBIS) ? ImageKindModel.MAHALANOBIS : ImageKindModel.ENERGY;
        Mahalanobis distance = distances.getOrDefault(chosen, distances.values().iterator().next());
        chosenDistance = variants.getOrDefault(chosen, new DistanceVariant(SHRINKAGE[1], false));
        Map<String, Object> metrics = new LinkedHashMap<>();
        ImageKindSpec spec = new ImageKindSpec(ImageKindModel.FILE_NAME, null, clip(tDetector), 1 - UNFAMILIAR_SHARE, method,
                THRESHOLD_RULE + "; novelty: " + chosen + ", chosen on validation (clinical close-ups vs in-distribution)", metrics);
        ImageKindModel model = new ImageKindModel(detector, distance, validationScores, spec);
        report(items, tuned, logits, classical, model, baseline, tBaseline, networkOnly, tNetworkOnly, novelty, metrics, card);
        return model;
    }

    private void report(List<Item> items, float[][] tuned, float[][] logits, float[][] classical, ImageKindModel model,
                        LinearProbe baseline, double tBaseline, LinearProbe networkOnly, double tNetworkOnly,
                        Map<String, java.util.function.IntToDoubleFunction> novelty,
                        Map<String, Object> metrics, ModelCard card) {
        print.accept(String.format(Locale.ROOT, "dermoscopic threshold: network + classical features %.4f, network features only %.4f,"
                + " classical only %.4f", model.spec().dermoscopicThreshold(), tNetworkOnly, tBaseline));
        print.accept("test part: share called NOT dermoscopic (network + classical | network only | classical only) and unfamiliar ("
                + model.spec().unfamiliarMethod() + ")");
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).split() == Split.TEST) {
                groups.computeIfAbsent(label(items.get(i)), k -> new ArrayList<>()).add(i);
                if (items.get(i).kind() == Kind.DRAWN) {
                    groups.computeIfAbsent("drawn: " + items.get(i).image().site(), k -> new ArrayList<>()).add(i);
                }
            }
        }
        long[] nanos = new long[items.size()];
        for (var g : groups.entrySet()) {
            int notDermoscopic = 0;
            int notBaseline = 0;
            int notNetworkOnly = 0;
            int unfamiliar = 0;
            for (int i : g.getValue()) {
                long t0 = System.nanoTime();
                var s = model.assess(new NetworkOutput(logits[i], tuned[i]), classical[i]);
                nanos[i] = System.nanoTime() - t0;
                notNetworkOnly += networkOnly.probability(tuned[i]) >= tNetworkOnly ? 0 : 1;
                notDermoscopic += s.dermoscopic() ? 0 : 1;
                unfamiliar += s.unfamiliar() ? 1 : 0;
                notBaseline += baseline.probability(classical[i]) >= tBaseline ? 0 : 1;
            }
            int n = g.getValue().size();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("n", n);
            row.put("not_dermoscopic", round(notDermoscopic / (double) n));
            row.put("not_dermoscopic_network_only", round(notNetworkOnly / (double) n));
            row.put("not_dermoscopic_classical_only", round(notBaseline / (double) n));
            row.put("unfamiliar", round(unfamiliar / (double) n));
            metrics.put("test " + g.getKey(), row);
            print.accept(String.format(Locale.ROOT, "  %-22s n=%5d  not dermoscopic %6.2f%% | %6.2f%% | %6.2f%%   unfamiliar %6.2f%%",
                    g.getKey(), n, 100.0 * notDermoscopic / n, 100.0 * notNetworkOnly / n, 100.0 * notBaseline / n, 100.0 * unfamiliar / n));
        }
        long[] measured = Arrays.stream(nanos).filter(x -> x > 0).sorted().toArray();
        print.accept(String.format(Locale.ROOT, "check cost beyond the image statistics: median %.3f ms per image (features come with the logits)",
                measured[measured.length / 2] / 1e6));
        int[] idTest = select(items, it -> it.dermoscopic() && it.split() == Split.TEST);
        int[] nearTest = select(items, it -> it.kind() == Kind.CLINICAL && it.split() == Split.TEST);
        int[] farTest = select(items, it -> it.kind() == Kind.DRAWN && it.split() == Split.TEST);
        for (var e : novelty.entrySet()) {
            print.accept(String.format(Locale.ROOT, "test: %-50s AUROC in-distribution vs clinical %.3f, vs drawn %.3f", e.getKey(),
                    separation(idTest, nearTest, e.getValue()), separation(idTest, farTest, e.getValue())));
        }
        // does the flag single out in-distribution images the shipped model classifies worse?
        MalignancyHead head = MalignancyHead.fromOutput(card.output());
        flaggedVsUnflagged("shipped model, in-distribution test", idTest, items,
                i -> head.calibrated(logits[i], new PlattScaling(1, 0)), i -> model.assess(new NetworkOutput(logits[i], tuned[i]), classical[i]).unfamiliar(), metrics);
    }

    private void flaggedVsUnflagged(String what, int[] idx, List<Item> items, java.util.function.IntToDoubleFunction p,
                                    java.util.function.IntPredicate flagged, Map<String, Object> metrics) {
        List<Integer> in = new ArrayList<>();
        List<Integer> out = new ArrayList<>();
        for (int i : idx) {
            (flagged.test(i) ? out : in).add(i);
        }
        double all = auc(items, Arrays.stream(idx).boxed().toList(), p);
        double aOut = auc(items, out, p);
        double aIn = auc(items, in, p);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("n", idx.length);
        row.put("flagged", out.size());
        row.put("auc", round(all));
        row.put("auc_flagged", round(aOut));
        row.put("auc_unflagged", round(aIn));
        metrics.put(what, row);
        print.accept(String.format(Locale.ROOT, "  %-40s n=%5d flagged %5d (%5.1f%%)  AUC all %.3f  flagged %.3f  unflagged %.3f  gap %+.3f",
                what, idx.length, out.size(), 100.0 * out.size() / idx.length, all, aOut, aIn, aIn - aOut));
    }

    private static double auc(List<Item> items, List<Integer> idx, java.util.function.IntToDoubleFunction p) {
        double[] s = new double[idx.size()];
        boolean[] y = new boolean[idx.size()];
        int pos = 0;
        for (int k = 0; k < s.length; k++) {
            s[k] = p.applyAsDouble(idx.get(k));
            y[k] = items.get(idx.get(k)).image().malignant();
            pos += y[k] ? 1 : 0;
        }
        return pos == 0 || pos == s.length ? Double.NaN : BinaryMetrics.auc(s, y);
    }

    private void leaveOneSourceOut(List<Item> items, float[][] frozen) {
        print.accept("leave-one-source-out on the frozen ImageNet backbone: a logistic malignancy head and the " + chosenDistance.name()
                + " fitted on the other sources' training images, the threshold at their validation images' 95th percentile");
        for (DataSource heldOut : HELD_OUT) {
            Predicate<Item> others = it -> it.dermoscopic() && !sameSource(it, heldOut);
            int[] train = select(items, it -> others.test(it) && it.split() == Split.TRAIN);
            int[] val = select(items, it -> others.test(it) && it.split() == Split.VALIDATION);
            int[] otherTest = select(items, it -> others.test(it) && it.split() == Split.TEST);
            int[] target = select(items, it -> it.dermoscopic() && sameSource(it, heldOut) && it.split() != Split.TRAIN);
            boolean[] y = new boolean[train.length];
            for (int k = 0; k < train.length; k++) {
                y[k] = items.get(train[k]).image().malignant();
            }
            LinearProbe head = LinearProbe.fit(rows(frozen, train), y, 1e-3, 300);
            Mahalanobis m = chosenDistance.fit(items, frozen, train);
            double[] v = Arrays.stream(val).mapToDouble(i -> m.squared(frozen[i])).sorted().toArray();
            double cut = v[(int) Math.floor((1 - UNFAMILIAR_SHARE) * (v.length - 1))];
            long firesInside = Arrays.stream(otherTest).filter(i -> m.squared(frozen[i]) > cut).count();
            print.accept(String.format(Locale.ROOT, "  without %-9s fires on %.1f%% of the other sources' test images", heldOut.key(),
                    100.0 * firesInside / otherTest.length));
            flaggedVsUnflagged("held-out " + heldOut.key() + " (validation + test)", target, items, i -> head.logit(frozen[i]),
                    i -> m.squared(frozen[i]) > cut, new LinkedHashMap<>());
        }
    }

    /**
     * One way of fitting the distance: one mean, or one per source and benign/malignant class (the training images
     * cluster that way) with the pooled within-group covariance; the covariance shrunk by {@code shrinkage}.
     */
    record DistanceVariant(double shrinkage, boolean bySourceAndClass) {
        String name() {
            return ImageKindModel.MAHALANOBIS + (bySourceAndClass ? " by source and class" : "") + " (shrinkage " + shrinkage + ")";
        }

        Mahalanobis fit(List<Item> items, float[][] features, int[] idx) {
            if (!bySourceAndClass) {
                return Mahalanobis.fit(rows(features, idx), shrinkage);
            }
            Map<String, Integer> numbers = new LinkedHashMap<>();
            int[] group = new int[idx.length];
            for (int k = 0; k < idx.length; k++) {
                LabeledImage image = items.get(idx[k]).image();
                group[k] = numbers.computeIfAbsent(image.source() + "/" + image.malignant(), key -> numbers.size());
            }
            return Mahalanobis.fit(rows(features, idx), group, shrinkage);
        }
    }

    private static boolean sameSource(Item it, DataSource s) {
        return it.image().source() == s;
    }

    /** The lowest score threshold that calls at most 1% of every source's validation dermoscopic images not dermoscopic. */
    private static double dermoscopicThreshold(List<Item> items, java.util.function.IntToDoubleFunction score) {
        Map<DataSource, List<Double>> bySource = new EnumMap<>(DataSource.class);
        for (int i = 0; i < items.size(); i++) {
            Item it = items.get(i);
            if (it.dermoscopic() && it.split() == Split.VALIDATION) {
                bySource.computeIfAbsent(it.image().source(), k -> new ArrayList<>()).add(score.applyAsDouble(i));
            }
        }
        double t = 1;
        for (List<Double> s : bySource.values()) {
            Collections.sort(s);
            t = Math.min(t, s.get((int) Math.floor(DERMOSCOPIC_FALSE_ALARM * s.size())));
        }
        return t;
    }

    private static double separation(int[] inside, int[] outside, java.util.function.IntToDoubleFunction novelty) {
        double[] s = new double[inside.length + outside.length];
        boolean[] y = new boolean[s.length];
        for (int k = 0; k < inside.length; k++) {
            s[k] = novelty.applyAsDouble(inside[k]);
        }
        for (int k = 0; k < outside.length; k++) {
            s[inside.length + k] = novelty.applyAsDouble(outside[k]);
            y[inside.length + k] = true;
        }
        return BinaryMetrics.auc(s, y);
    }

    private static double clip(double t) {
        return Math.min(0.999, Math.max(1e-4, t));
    }

    private static double round(double x) {
        return Math.round(x * 10000) / 10000.0;
    }

    private static int[] select(List<Item> items, Predicate<Item> p) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (p.test(items.get(i))) {
                out.add(i);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private static boolean[] dermoscopicLabels(List<Item> items, int[] idx) {
        boolean[] y = new boolean[idx.length];
        for (int k = 0; k < idx.length; k++) {
            y[k] = items.get(idx[k]).dermoscopic();
        }
        return y;
    }

    private static float[][] rows(float[][] x, int[] idx) {
        float[][] out = new float[idx.length][];
        for (int k = 0; k < idx.length; k++) {
            out[k] = x[idx[k]];
        }
        return out;
    }

    private void write(ImageKindModel model, ModelCard card) throws IOException {
        Path file = options.modelDir().resolve(ImageKindModel.FILE_NAME);
        model.write(file);
        ImageKindSpec s = model.spec();
        ImageKindSpec sealed = new ImageKindSpec(s.file(), Checksums.sha256(file), s.dermoscopicThreshold(), s.unfamiliarThreshold(),
                s.unfamiliarMethod(), s.thresholdRule(), s.metrics());
        ModelCard updated = card.withImageKind(sealed);
        updated.write(options.modelDir());
        print.accept("wrote " + file + " and the card's image_kind; seal line for the shipped list: "
                + card.weightsSha256() + " " + ModelCardSeal.of(updated) + "  " + card.name() + " " + card.version());
    }
}

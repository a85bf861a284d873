package org.dermdesk.dev;

import org.dermdesk.cli.ModelOption;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.dermdesk.core.CaseDetails;
import org.dermdesk.report.MetadataImport;
import org.dermdesk.core.ImageLoadException;
import org.dermdesk.core.LesionImage;
import org.dermdesk.imaging.HairRemover;
import org.dermdesk.core.Prediction;
import org.dermdesk.imaging.ArtifactEvaluation;
import org.dermdesk.imaging.ImageLoader;
import org.dermdesk.ml.BinaryMetrics;
import org.dermdesk.ml.DataSplitter;
import org.dermdesk.ml.DatasetIndex;
import org.dermdesk.ml.DjlLesionClassifier;
import org.dermdesk.ml.LabeledImage;
import org.dermdesk.ml.Split;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Measures a model on labelled images: discrimination, operating point, calibration; writes plots and a per-image CSV. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Evaluate the model on labelled images (a labels CSV, or a split of the model's own split.csv).")
public final class EvaluateCommand implements Callable<Integer> {

    static final class Source {
        @ArgGroup(exclusive = false)
        LabelsCsv labels;

        @ArgGroup(exclusive = false)
        ModelSplit split;
    }

    static final class LabelsCsv {
        @Option(names = "--images", required = true, paramLabel = "DIR", description = "image folder(s); files named <image_id>.jpg|png")
        List<Path> imageDirs;

        @Option(names = "--labels", required = true, paramLabel = "CSV", description = "CSV with image_id and malignant (0/1) columns; optional age and sex columns")
        Path labels;
    }

    static final class ModelSplit {
        @Option(names = "--split", required = true, description = "train, validation or test: that part of the model's split.csv")
        Split split;

        @Option(names = "--data", defaultValue = DevelopmentData.DEFAULT, description = "development data folder (default: ${DEFAULT-VALUE})")
        Path data;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Mixin
    ModelOption model;

    @Option(names = "--out", paramLabel = "DIR", description = "where to write roc.png, reliability.png and predictions.csv")
    Path out;

    @Option(names = "--remove-hair", description = "inpaint detected hair (HairRemover) before classifying, to measure its effect")
    boolean removeHair;

    /** @param groups subgroups the image belongs to (source, sex, age band, artifacts), reported separately */
    private record Item(String id, Path file, boolean malignant, List<String> groups, CaseDetails details) {
    }

    @Override
    public Integer call() throws Exception {
        String missing = source.split == null ? null
                : DevelopmentData.problem(source.split.data, "--data", "ham10000/metadata.csv");
        if (missing != null) {
            System.err.println(missing);
            return 2;
        }
        List<Item> items = source.labels != null ? fromLabels(source.labels) : fromSplit(source.split);
        List<String> failures = new ArrayList<>();
        List<Item> used = new ArrayList<>();
        List<Double> probabilities = new ArrayList<>();
        List<Double> withAgeAndSex = new ArrayList<>();
        double threshold;
        HairRemover hairRemover = new HairRemover();
        try (DjlLesionClassifier classifier = DjlLesionClassifier.open(model.dir())) {
            threshold = classifier.threshold();
            List<LesionImage> batch = new ArrayList<>();
            List<Item> batchItems = new ArrayList<>();
            for (Item item : items) {
                try {
                    // labelled sets may hold development images below the clinical minimum size (84 px ISIC 2019)
                    LesionImage image = DevelopmentImages.read(item.file());
                    batch.add(removeHair ? hairRemover.remove(image) : image);
                    batchItems.add(item);
                } catch (ImageLoadException e) {
                    failures.add(e.getMessage());
                }
                if (batch.size() == 16 || item == items.get(items.size() - 1)) {  // small model calls keep libtorch memory low
                    List<Prediction> predictions = classifier.predictBatch(batch);
                    for (int k = 0; k < predictions.size(); k++) {
                        probabilities.add(predictions.get(k).pMalignant());
                        withAgeAndSex.add(classifier.forPatient(predictions.get(k), batchItems.get(k).details()).pMalignant());
                    }
                    used.addAll(batchItems);
                    batch.clear();
                    batchItems.clear();
                }
            }
        }
        double[] p = probabilities.stream().mapToDouble(Double::doubleValue).toArray();
        boolean[] y = new boolean[used.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = used.get(i).malignant();
        }
        BinaryMetrics all = printMetrics(used, p, y, threshold);
        double[] pAdjusted = withAgeAndSex.stream().mapToDouble(Double::doubleValue).toArray();
        if (!java.util.Arrays.equals(p, pAdjusted)) {
            System.out.println("With age and sex (images without a known age keep the image-only probability):");
            printMetrics(used, pAdjusted, y, threshold);
        }
        if (!failures.isEmpty()) {
            System.out.println("Skipped " + failures.size() + " unreadable images:");
            failures.forEach(f -> System.out.println("  " + f));
        }
        if (out != null) {
            Files.createDirectories(out);
            Charts.roc(BinaryMetrics.rocCurve(p, y), all.auc(), out.resolve("roc.png"));
            Charts.reliability(BinaryMetrics.reliability(p, y, BinaryMetrics.ECE_BINS), all.ece(), out.resolve("reliability.png"));
            writePredictions(out.resolve("predictions.csv"), used, p, pAdjusted, threshold);
            System.out.println("Wrote roc.png, reliability.png and predictions.csv to " + out);
        }
        return failures.isEmpty() ? 0 : 1;
    }

    /** Prints the metrics over all images and by subgroup; returns those over all images. */
    private static BinaryMetrics printMetrics(List<Item> items, double[] p, boolean[] y, double threshold) {
        BinaryMetrics all = BinaryMetrics.of(p, y, threshold);
        System.out.println(MetricsReport.format("all " + items.size() + " images", all));
        for (Map.Entry<String, BinaryMetrics> e : byGroup(items, p, threshold).entrySet()) {
            System.out.println(MetricsReport.format(e.getKey(), e.getValue()));
        }
        return all;
    }

    private static Map<String, BinaryMetrics> byGroup(List<Item> items, double[] p, double threshold) {
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            for (String group : items.get(i).groups()) {
                groups.computeIfAbsent(group, k -> new ArrayList<>()).add(i);
            }
        }
        Map<String, BinaryMetrics> out = new LinkedHashMap<>();
        if (groups.size() < 2) {
            return out;
        }
        groups.forEach((name, idx) -> {
            double[] gp = idx.stream().mapToDouble(i -> p[i]).toArray();
            boolean[] gy = new boolean[idx.size()];
            for (int k = 0; k < gy.length; k++) {
                gy[k] = items.get(idx.get(k)).malignant();
            }
            out.put(name + ": " + idx.size() + " images", BinaryMetrics.of(gp, gy, threshold));
        });
        return out;
    }

    private static List<Item> fromLabels(LabelsCsv spec) throws IOException {
        // the labels file's optional age/sex columns, read as any metadata file is
        MetadataImport.Result details = MetadataImport.read(spec.labels);
        List<Item> items = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(spec.labels, StandardCharsets.UTF_8)) {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                String id = r.get("image_id").trim();
                String label = r.get("malignant").trim();
                if (!label.equals("0") && !label.equals("1")) {
                    throw new IllegalArgumentException(spec.labels + " line " + r.getRecordNumber()
                            + ": malignant must be 0 or 1, found '" + label + "'");
                }
                Path file = find(spec.imageDirs, id);
                items.add(new Item(id, file, label.equals("1"), List.of(), details.details(file)));
            }
        }
        return items;
    }

    private static Path find(List<Path> dirs, String id) {
        for (Path dir : dirs) {
            for (String ext : new String[] {".jpg", ".jpeg", ".png"}) {
                Path f = dir.resolve(id + ext);
                if (Files.exists(f)) {
                    return f;
                }
            }
        }
        return dirs.get(0).resolve(id + ".jpg");
    }

    private List<Item> fromSplit(ModelSplit spec) throws IOException {
        Map<String, Split> split = DataSplitter.read(model.dir().resolve("split.csv"));
        Map<String, Map<String, Integer>> artifacts = Files.isRegularFile(spec.data.resolve("artifacts/annotations.csv"))
                ? ArtifactEvaluation.readAnnotations(spec.data) : Map.of();
        List<Item> items = new ArrayList<>();
        for (LabeledImage img : DatasetIndex.forSplit(spec.data, model.dir().resolve("split.csv"))) {
            if (split.get(img.imageId()) == spec.split) {
                List<String> groups = new ArrayList<>();
                groups.add(img.source().key());
                groups.add("sex " + (img.sex().isEmpty() ? "unknown" : img.sex()));
                groups.add(ageBand(img.age()));
                groups.add(img.acralSite() ? "acral site" : "non-acral site");
                if (img.skinTone() != null) {
                    groups.add("skin tone " + img.skinTone());
                }
                artifacts.getOrDefault(img.imageId(), Map.of())
                        .forEach((artifact, label) -> groups.add(artifact + (label == 1 ? " present" : " absent")));
                items.add(new Item(img.imageId(), img.file(), img.malignant(), groups, img.details()));
            }
        }
        return items;
    }

    private static String ageBand(Integer age) {
        if (age == null) {
            return "age unknown";
        }
        int[] upper = {29, 49, 69};
        int lower = 0;
        for (int u : upper) {
            if (age <= u) {
                return "age " + lower + "-" + u;
            }
            lower = u + 1;
        }
        return "age 70+";
    }

    private static void writePredictions(Path csv, List<Item> items, double[] p, double[] pAdjusted, double threshold)
            throws IOException {
        try (Writer w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8);
             CSVPrinter printer = new CSVPrinter(w, CSVFormat.DEFAULT.builder()
                     .setHeader("image_id", "malignant", "p_malignant", "predicted_malignant", "p_malignant_with_age_and_sex").get())) {
            for (int i = 0; i < items.size(); i++) {
                printer.printRecord(items.get(i).id(), items.get(i).malignant() ? 1 : 0,
                        String.format(java.util.Locale.ROOT, "%.6f", p[i]), p[i] >= threshold ? 1 : 0,
                        String.format(java.util.Locale.ROOT, "%.6f", pAdjusted[i]));
            }
        }
    }
}

package org.dermdesk.imaging;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.dermdesk.core.ArtifactKind;
import org.dermdesk.core.LesionImage;
import org.dermdesk.core.Mask;
import org.dermdesk.core.QualityReport;

/**
 * Measures the quality gate on the development data ({@code ../shared/data}): per-artifact
 * precision, recall, F1 and ROC AUC against {@code artifacts/annotations.csv}, with thresholds tuned
 * on one half of the images and reported on the other (split by a CRC32 of the image id); lesion
 * segmentation Jaccard against {@code ham10000/masks}; and the retake rate. Results are plain Java.
 */
public final class ArtifactEvaluation {

    /** The annotated artifacts and their column in annotations.csv. */
    static final Map<ArtifactKind, String> LABEL_COLUMNS = labelColumns();

    /** One artifact's numbers on one image set. */
    public record Row(ArtifactKind kind, double shippedThreshold, double tunedThreshold,
                      DetectionMetrics tuning, DetectionMetrics heldOutShipped, DetectionMetrics heldOutTuned) {
    }

    public record SegmentationResult(int images, double meanJaccard, double medianJaccard, double fractionAtLeast075) {
    }

    public record RetakeResult(int images, int retakes, Map<String, Integer> reasons) {
        public double rate() {
            return images == 0 ? Double.NaN : (double) retakes / images;
        }
    }

    private final Path data;

    public ArtifactEvaluation(Path dataDir) {
        this.data = dataDir;
    }

    private static Map<ArtifactKind, String> labelColumns() {
        Map<ArtifactKind, String> m = new EnumMap<>(ArtifactKind.class);
        m.put(ArtifactKind.HAIR, "hair");
        m.put(ArtifactKind.RULER, "ruler");
        m.put(ArtifactKind.INK, "ink");
        m.put(ArtifactKind.DARK_CORNER, "dark_corner");
        m.put(ArtifactKind.GEL_BUBBLE, "gel_bubble");
        return m;
    }

    /** Deterministic 50/50 split: true for the held-out (report) half. */
    public static boolean heldOut(String imageId) {
        CRC32 crc = new CRC32();
        crc.update(imageId.getBytes(StandardCharsets.UTF_8));
        return (crc.getValue() & 1) == 1;
    }

    /**
     * Runs the artifact detectors on the annotated images of one folder.
     *
     * @param imagesDir {@code artifacts/full} or {@code isic2017/images}
     * @param limit     at most this many images (0 = all)
     * @param rawCsv    if not null, a per-image CSV of labels and raw detector values is written here
     */
    public List<Row> evaluateArtifacts(Path imagesDir, int limit, Path rawCsv) {
        Map<String, Map<String, Integer>> labels = readAnnotations(data);
        List<String> ids = new ArrayList<>();
        List<double[]> raws = new ArrayList<>();
        List<ArtifactDetector> detectors = ArtifactQualityGate.defaultDetectors().stream()
                .filter(d -> LABEL_COLUMNS.containsKey(d.kind())).toList();
        for (Path file : imageFiles(imagesDir)) {
            String id = stem(file);
            if (!labels.containsKey(id)) continue;
            LesionImage img = load(file);
            if (img == null) continue;
            double[] r = new double[detectors.size()];
            try (WorkingCopy wc = WorkingCopy.of(img)) {
                for (int k = 0; k < detectors.size(); k++) {
                    r[k] = detectors.get(k).detect(wc).raw();
                }
            }
            ids.add(id);
            raws.add(r);
            if (limit > 0 && ids.size() >= limit) break;
        }
        if (rawCsv != null) {
            writeRaw(rawCsv, ids, raws, labels, detectors);
        }
        List<Row> rows = new ArrayList<>();
        for (int k = 0; k < detectors.size(); k++) {
            ArtifactDetector d = detectors.get(k);
            String col = LABEL_COLUMNS.get(d.kind());
            List<double[]> tune = new ArrayList<>();
            List<double[]> test = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                double[] pair = {raws.get(i)[k], labels.get(ids.get(i)).get(col)};
                (heldOut(ids.get(i)) ? test : tune).add(pair);
            }
            double shipped = shippedThreshold(d);
            double tuned = DetectionMetrics.bestF1Threshold(col(tune, 0), bool(tune));
            rows.add(new Row(d.kind(), shipped, tuned,
                    DetectionMetrics.at(col(tune, 0), bool(tune), tuned),
                    DetectionMetrics.at(col(test, 0), bool(test), shipped),
                    DetectionMetrics.at(col(test, 0), bool(test), tuned)));
        }
        return rows;
    }

    private static double shippedThreshold(ArtifactDetector d) {
        try (WorkingCopy wc = WorkingCopy.of(new LesionImage("probe", 8, 8, new byte[8 * 8 * 3]))) {
            return d.detect(wc).threshold();
        }
    }

    /** Mean Jaccard of the segmenter against HAM10000 masks on every k-th image ({@code limit} images). */
    public SegmentationResult evaluateSegmentation(int limit) {
        return evaluateSegmentation(limit, new LesionSegmenter());
    }

    SegmentationResult evaluateSegmentation(int limit, LesionSegmenter segmenter) {
        List<Path> files = imageFiles(data.resolve("ham10000/images"));
        int step = limit <= 0 ? 1 : Math.max(1, files.size() / limit);
        List<Double> js = new ArrayList<>();
        for (int i = 0; i < files.size() && (limit <= 0 || js.size() < limit); i += step) {
            Path f = files.get(i);
            Mask truth = expertMask(stem(f));
            if (truth == null) continue;
            LesionImage img = load(f);
            if (img == null || truth.width() != img.width() || truth.height() != img.height()) continue;
            byte[] pred;
            try (WorkingCopy wc = WorkingCopy.of(img)) {
                pred = Resample.toFull(wc, segmenter.segmentWorking(wc));
            }
            js.add(jaccard(pred, truth));
        }
        double[] a = js.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double mean = a.length == 0 ? Double.NaN : java.util.Arrays.stream(a).average().orElse(Double.NaN);
        double median = a.length == 0 ? Double.NaN : a[a.length / 2];
        double good = a.length == 0 ? Double.NaN : java.util.Arrays.stream(a).filter(j -> j >= 0.75).count() / (double) a.length;
        return new SegmentationResult(a.length, mean, median, good);
    }

    /** The HAM10000 expert lesion mask of an image ({@code ham10000/masks}, lesion = grey level above 127), or null if none. */
    Mask expertMask(String imageId) {
        LesionImage m = load(data.resolve("ham10000/masks/" + imageId + "_segmentation.png"));
        if (m == null) return null;
        byte[] px = new byte[m.width() * m.height()];
        for (int i = 0; i < px.length; i++) {
            if ((m.rgb()[i * 3] & 0xFF) > 127) px[i] = (byte) 255;
        }
        return new Mask(m.width(), m.height(), px);
    }

    static double jaccard(byte[] pred, Mask truth) {
        int inter = 0;
        int union = 0;
        for (int i = 0; i < pred.length; i++) {
            boolean p = pred[i] != 0;
            boolean t = truth.pixels()[i] != 0;
            if (p && t) inter++;
            if (p || t) union++;
        }
        return union == 0 ? 1 : (double) inter / union;
    }

    /** Retake rate of the whole gate on the images of one folder. */
    public RetakeResult retakeRate(Path imagesDir, int limit) {
        ArtifactQualityGate gate = new ArtifactQualityGate();
        int n = 0;
        int retakes = 0;
        Map<String, Integer> reasons = new TreeMap<>();
        for (Path f : imageFiles(imagesDir)) {
            LesionImage img = load(f);
            if (img == null) continue;
            QualityReport r = gate.assess(img);
            n++;
            if (r.retake()) retakes++;
            for (String s : r.retakeReasons()) {
                String key = s.replaceAll("\\d+%", "N%");
                reasons.merge(key, 1, Integer::sum);
            }
            if (limit > 0 && n >= limit) break;
        }
        return new RetakeResult(n, retakes, reasons);
    }

    public Path dataDir() {
        return data;
    }

    /** The manual artifact labels of {@code <data>/artifacts/annotations.csv}: image id to column to 0/1. */
    public static Map<String, Map<String, Integer>> readAnnotations(Path data) {
        Path csv = data.resolve("artifacts/annotations.csv");
        Map<String, Map<String, Integer>> out = new HashMap<>();
        try (Reader r = Files.newBufferedReader(csv)) {
            for (CSVRecord rec : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
                Map<String, Integer> row = new LinkedHashMap<>();
                for (String col : LABEL_COLUMNS.values()) {
                    row.put(col, Integer.parseInt(rec.get(col).trim()));
                }
                out.put(rec.get("image_id").trim(), row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + csv, e);
        }
        return out;
    }

    private static void writeRaw(Path csv, List<String> ids, List<double[]> raws,
                                 Map<String, Map<String, Integer>> labels, List<ArtifactDetector> detectors) {
        try {
            if (csv.getParent() != null) Files.createDirectories(csv.getParent());
            try (Writer w = Files.newBufferedWriter(csv)) {
                StringBuilder head = new StringBuilder("image_id,held_out");
                for (ArtifactDetector d : detectors) head.append(',').append(LABEL_COLUMNS.get(d.kind()));
                for (ArtifactDetector d : detectors) head.append(",raw_").append(d.kind().key());
                w.write(head.append('\n').toString());
                for (int i = 0; i < ids.size(); i++) {
                    StringBuilder sb = new StringBuilder(ids.get(i)).append(',').append(heldOut(ids.get(i)) ? 1 : 0);
                    for (ArtifactDetector d : detectors) sb.append(',').append(labels.get(ids.get(i)).get(LABEL_COLUMNS.get(d.kind())));
                    for (double v : raws.get(i)) sb.append(',').append(String.format(Locale.ROOT, "%.6g", v));
                    w.write(sb.append('\n').toString());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + csv, e);
        }
    }

    static List<Path> imageFiles(Path dir) {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().matches("(?i).*\\.(jpe?g|png)$")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    /** The image, or null when it cannot be read (an evaluation skips such files). */
    static LesionImage load(Path f) {
        try {
            return ImageLoader.load(f);
        } catch (Exception e) {
            return null;
        }
    }

    static String stem(Path f) {
        String n = f.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot < 0 ? n : n.substring(0, dot);
    }

    private static double[] col(List<double[]> rows, int c) {
        return rows.stream().mapToDouble(r -> r[c]).toArray();
    }

    private static boolean[] bool(List<double[]> rows) {
        boolean[] b = new boolean[rows.size()];
        for (int i = 0; i < b.length; i++) b[i] = rows.get(i)[1] != 0;
        return b;
    }
}

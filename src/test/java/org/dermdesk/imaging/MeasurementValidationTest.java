package org.dermdesk.imaging;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.dermdesk.core.LesionImage;
import org.dermdesk.core.LesionMeasurements;
import org.dermdesk.core.Scale;
import org.dermdesk.ml.BinaryMetrics;
import org.dermdesk.ml.DjlLesionClassifier;
import org.dermdesk.ml.ModelLocator;
import org.dermdesk.testsupport.SharedData;
import org.junit.jupiter.api.Test;

/**
 * The measurement's validation figures on real images (not part of the normal build: run with
 * {@code mvn -q -o test -Dtest=MeasurementValidationTest -Ddermdesk.validate=true}).
 */
class MeasurementValidationTest {

    private static void requireAsked() {
        assumeTrue(Boolean.getBoolean("dermdesk.validate"), "validation figures only with -Ddermdesk.validate=true");
    }

    private static List<CSVRecord> csv(Path file) throws Exception {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
    }

    /** How often a scale is found on the full-resolution images with and without a ruler, and how the rows agree. */
    @Test
    void rulerScaleOnTheArtifactImages() throws Exception {
        requireAsked();
        Path dir = SharedData.dir().resolve("artifacts");
        int[] found = new int[2];
        int[] total = new int[2];
        int multiRow = 0;
        List<Double> spreads = new ArrayList<>();
        List<Double> fov = new ArrayList<>();
        List<Double> confidence = new ArrayList<>();
        for (CSVRecord r : csv(dir.resolve("annotations.csv"))) {
            Path file = dir.resolve("full").resolve(r.get("image_id") + ".jpg");
            if (!Files.isRegularFile(file)) continue;
            int ruler = Integer.parseInt(r.get("ruler"));
            LesionImage img = ImageLoader.load(file);
            total[ruler]++;
            try (WorkingCopy wc = WorkingCopy.of(img)) {
                List<RulerScale.RowScale> rows = RulerScale.readRows(wc);
                Scale s = RulerScale.find(wc);
                if (!s.known()) continue;
                found[ruler]++;
                if (ruler == 1) {
                    fov.add(Math.max(img.width(), img.height()) / s.pxPerMm());
                    confidence.add(s.confidence());
                    if (rows.size() >= 2) {
                        multiRow++;
                        spreads.add(s.rowSpread());
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "RULER scale found on %d of %d images with a ruler (%.1f %%), on %d of %d without (%.1f %%)%n",
                found[1], total[1], 100.0 * found[1] / total[1], found[0], total[0], 100.0 * found[0] / Math.max(1, total[0]));
        System.out.printf(Locale.ROOT, "RULER images with >= 2 tick rows: %d; relative spread of px/mm across their rows: median %.3f,"
                + " 90th percentile %.3f, within 5 %%: %d%n", multiRow, quantile(spreads, 0.5), quantile(spreads, 0.9),
                spreads.stream().filter(v -> v <= 0.05).count());
        System.out.printf(Locale.ROOT, "RULER implied field of view (long side, mm): median %.1f, 10-90 %%: %.1f-%.1f; confidence median %.2f%n",
                quantile(fov, 0.5), quantile(fov, 0.1), quantile(fov, 0.9), quantile(confidence, 0.5));
    }

    /**
     * Stolz's score (D omitted) as a malignancy score on the shipped model's HAM10000 test split, beside
     * the shipped network's AUC on the same images.
     */
    @Test
    void totalDermoscopyScoreAucOnTheHam10000TestSplit() throws Exception {
        requireAsked();
        Path ham = SharedData.dir().resolve("ham10000");
        Path modelDir = SharedData.shippedModel(ModelLocator.DEFAULT_MODEL);
        Path split = modelDir.resolve("split.csv");
        Map<String, String> dx = new HashMap<>();
        for (CSVRecord r : csv(ham.resolve("metadata.csv"))) dx.put(r.get("image_id"), r.get("dx"));
        List<double[]> scores = new ArrayList<>();
        List<Boolean> malignant = new ArrayList<>();
        List<Double> network = new ArrayList<>();
        ArtifactQualityGate gate = new ArtifactQualityGate();
        int unmeasured = 0;
        try (DjlLesionClassifier classifier = DjlLesionClassifier.open(modelDir)) {
        for (CSVRecord r : csv(split)) {
            if (!r.get("split").equals("test") || !r.get("source").equals("ham10000")) continue;
            String id = r.get("image_id");
            String d = dx.get(id);
            if (d == null) continue;
            Path file = ham.resolve("images").resolve(id + ".jpg");
            LesionImage image = ImageLoader.load(file);
            LesionMeasurements m = gate.assess(image).measurements();
            if (m == null) {
                unmeasured++;
                continue;
            }
            scores.add(new double[] {m.tds().value(), m.asymmetry(), m.borderSectors(), m.colours().size()});
            network.add(classifier.predictBatch(List.of(image)).get(0).pMalignant());
            malignant.add(d.equals("mel") || d.equals("bcc") || d.equals("akiec"));
        }
        }
        boolean[] y = new boolean[malignant.size()];
        for (int i = 0; i < y.length; i++) y[i] = malignant.get(i);
        String[] names = {"TDS (D omitted)", "A", "B", "C", "network (" + ModelLocator.DEFAULT_MODEL + ")"};
        for (int k = 0; k < names.length; k++) {
            double[] p = new double[y.length];
            for (int i = 0; i < y.length; i++) p[i] = k < 4 ? scores.get(i)[k] : network.get(i);
            System.out.printf(Locale.ROOT, "TDS AUC %s: %.3f (n = %d, malignant = %d, not measured = %d)%n", names[k],
                    BinaryMetrics.auc(p, y), y.length, malignant.stream().filter(b -> b).count(), unmeasured);
        }
    }

    /**
     * Drawn 9 x 6 mm ellipses beside a drawn ruler, over scales, image sizes, turns and ruler sides: the
     * diameter error in percent (median and largest) and how often the ruler gave the scale.
     */
    @Test
    void diameterErrorOnDrawnRulersAndLesions() {
        requireAsked();
        List<Double> errors = new ArrayList<>();
        int scaled = 0;
        int cases = 0;
        for (double pxPerMm : new double[] {15, 20, 25, 30, 40, 50}) {
            for (double degrees = 0; degrees < 180; degrees += 30) {
                for (String side : new String[] {"bottom", "right"}) {
                    int w = (int) Math.round(pxPerMm * 1024 / 25.0);
                    int h = w * 3 / 4;
                    SyntheticImages img = MeasurementImages.lesion(w, h,
                            MeasurementImages.ellipse(w / 2.0, h / 2.0 - 10, 4.5 * pxPerMm, 3.0 * pxPerMm, degrees));
                    if (side.equals("bottom")) {
                        MeasurementImages.bottomRuler(img, pxPerMm, false);
                    } else {
                        MeasurementImages.rightRuler(img, pxPerMm);
                    }
                    cases++;
                    LesionMeasurements m = new ArtifactQualityGate().assess(img.image()).measurements();
                    if (m == null || !m.scale().known()) continue;
                    scaled++;
                    errors.add(100 * Math.abs(m.diameterMm() - 9.0) / 9.0);
                }
            }
        }
        System.out.printf(Locale.ROOT, "SYNTHETIC scale from the ruler on %d of %d drawn images; diameter error median %.2f %%,"
                + " largest %.2f %%, within 5 %%: %d%n", scaled, cases, quantile(errors, 0.5), quantile(errors, 1.0),
                errors.stream().filter(e -> e <= 5).count());
    }

    /** Quality gate with measurement, and the measurement alone, per 1024x768 image (median of repeats). */
    @Test
    void timePerImage() throws Exception {
        requireAsked();
        Path dir = SharedData.dir().resolve("artifacts").resolve("full");
        List<Path> files;
        try (var s = Files.list(dir)) {
            files = s.sorted().limit(20).toList();
        }
        ArtifactQualityGate gate = new ArtifactQualityGate();
        List<Double> whole = new ArrayList<>();
        List<Double> measureOnly = new ArrayList<>();
        for (int repeat = 0; repeat < 3; repeat++) {
            for (Path f : files) {
                LesionImage img = ImageLoader.load(f);
                long t0 = System.nanoTime();
                gate.assess(img);
                long t1 = System.nanoTime();
                if (repeat > 0) whole.add((t1 - t0) / 1e6);
                try (WorkingCopy wc = WorkingCopy.of(img)) {
                    byte[] mask = new LesionSegmenter().segmentWorking(wc);
                    var region = LesionSegmenter.region(wc, mask);
                    wc.hairMask();
                    long m0 = System.nanoTime();
                    LesionMeasurer.measure(wc, mask, region);
                    long m1 = System.nanoTime();
                    if (repeat > 0) measureOnly.add((m1 - m0) / 1e6);
                }
            }
        }
        System.out.printf(Locale.ROOT, "TIME gate + measurement per image (%d images about 1024x768, 2 repeats after warm-up): median %.1f ms;"
                + " measurement alone median %.1f ms%n", files.size(), quantile(whole, 0.5), quantile(measureOnly, 0.5));
    }

    private static double quantile(List<Double> v, double q) {
        if (v.isEmpty()) return Double.NaN;
        double[] s = v.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(s);
        return s[Math.min(s.length - 1, (int) Math.floor(q * (s.length - 1) + 0.5))];
    }
}

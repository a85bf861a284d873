package org.dermdesk.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dermdesk.core.ArtifactFinding;
import org.dermdesk.core.ArtifactKind;
import org.dermdesk.core.CaseDetails;
import org.dermdesk.core.CaseRecord;
import org.dermdesk.core.Checksums;
import org.dermdesk.core.Diagnosis;
import org.dermdesk.core.Explanation;
import org.dermdesk.core.LesionImage;
import org.dermdesk.core.LesionRegion;
import org.dermdesk.core.Mask;
import org.dermdesk.core.ModelInfo;
import org.dermdesk.core.Prediction;
import org.dermdesk.core.QualityReport;

/** Synthetic cases for the report tests: a lesion drawn by code, never a data image. */
final class TestCases {

    static final ModelInfo MODEL = new ModelInfo("dermdesk-resnet-small", "1.2.0",
            "3f2a9c0d1e4b5a6978c0d1e2f3a4b5c6d7e8f90112233445566778899aabbccdd");

    static final String HOSTILE_NOTES = "=HYPERLINK(\"http://x\",\"click\"), \"quoted\", comma, semicolon;\r\n"
            + "second line\rlone CR, tab\there, emoji \uD83D\uDE00, Greek \u03b1\u03b2\u03b3, CJK \u75c5\u53d8\u76ae\u80a4 \ud53c\ubd80";

    private TestCases() {
    }

    /** A brown, irregular lesion on pink skin with a few dark hairs. */
    static LesionImage syntheticLesion(int w, int h, long seed) {
        Random rnd = new Random(seed);
        byte[] rgb = new byte[w * h * 3];
        double cx = w * 0.5, cy = h * 0.5, r0 = Math.min(w, h) * 0.3;
        double[] harm = {rnd.nextDouble() * 0.15, rnd.nextDouble() * 0.1, rnd.nextDouble() * 0.08};
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double dx = x - cx, dy = y - cy;
                double ang = Math.atan2(dy, dx);
                double rr = r0 * (1 + harm[0] * Math.sin(3 * ang) + harm[1] * Math.cos(5 * ang + 1) + harm[2] * Math.sin(9 * ang));
                double d = Math.sqrt(dx * dx + dy * dy) / rr;
                double vign = 1 - 0.35 * Math.pow(Math.hypot(dx / w, dy / h) * 1.6, 3);
                int r, g, b;
                if (d < 1) {
                    double t = Math.pow(1 - d, 0.6);
                    r = (int) (150 - 90 * t);
                    g = (int) (95 - 65 * t);
                    b = (int) (70 - 45 * t);
                } else {
                    double t = Math.min(1, (d - 1) * 4);
                    r = (int) (150 + (228 - 150) * t);
                    g = (int) (95 + (170 - 95) * t);
                    b = (int) (70 + (160 - 70) * t);
                }
                int noise = rnd.nextInt(9) - 4;
                int i = (y * w + x) * 3;
                rgb[i] = clamp((r + noise) * vign);
                rgb[i + 1] = clamp((g + noise) * vign);
                rgb[i + 2] = clamp((b + noise) * vign);
            }
        }
        for (int k = 0; k < 6; k++) { // hairs
            double x = rnd.nextInt(w), y = rnd.nextInt(h), a = rnd.nextDouble() * Math.PI;
            for (int s = 0; s < w; s++) {
                a += (rnd.nextDouble() - 0.5) * 0.05;
                x += Math.cos(a);
                y += Math.sin(a);
                int xi = (int) x, yi = (int) y;
                if (xi < 0 || yi < 0 || xi >= w || yi >= h) {
                    break;
                }
                int i = (yi * w + xi) * 3;
                rgb[i] = 40;
                rgb[i + 1] = 28;
                rgb[i + 2] = 22;
            }
        }
        return new LesionImage("synthetic-" + seed + ".png", w, h, rgb);
    }

    /** A heatmap overlay as the caller would render it: grey image, hatched-warm where the weight is high. */
    static LesionImage syntheticHeatmap(LesionImage img) {
        int w = img.width(), h = img.height();
        byte[] rgb = new byte[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = (y * w + x) * 3;
                int grey = (img.channel(x, y, 0) * 3 + img.channel(x, y, 1) * 6 + img.channel(x, y, 2)) / 10;
                double d = Math.hypot(x - w * 0.55, y - h * 0.45) / (Math.min(w, h) * 0.28);
                double weight = Math.max(0, 1 - d);
                rgb[i] = clamp(grey * (1 - weight) + 230 * weight);
                rgb[i + 1] = clamp(grey * (1 - weight) + 40 * weight);
                rgb[i + 2] = clamp(grey * (1 - weight) + 30 * weight);
            }
        }
        return new LesionImage("heatmap", w, h, rgb);
    }

    private static byte clamp(double v) {
        return (byte) Math.max(0, Math.min(255, (int) Math.round(v)));
    }

    static Prediction prediction(double p) {
        Map<Diagnosis, Double> dx = new EnumMap<>(Diagnosis.class);
        double[] probs = {0.22, 0.48, 0.12, 0.09, 0.05, 0.02, 0.02};
        for (Diagnosis d : Diagnosis.values()) {
            dx.put(d, probs[d.ordinal()]);
        }
        return new Prediction(p, 0.35, dx, MODEL);
    }

    static QualityReport quality(boolean retake) {
        Map<ArtifactKind, ArtifactFinding> f = new EnumMap<>(ArtifactKind.class);
        for (ArtifactKind k : ArtifactKind.values()) {
            boolean present = k == ArtifactKind.HAIR || (retake && k == ArtifactKind.BLUR);
            double score = present ? 0.81 : 0.07;
            f.put(k, new ArtifactFinding(k, present, score, k.localised() ? (present ? 0.042 : 0.0) : Double.NaN,
                    k.localised() ? (present ? 0.11 : 0.0) : Double.NaN, null));
        }
        Mask m = new Mask(4, 4, new byte[16]);
        return new QualityReport(f, new LesionRegion(m, 0, 0, 0, 4, 4, false), retake,
                retake ? List.of("The image is blurred: refocus and take it again.",
                        "Hair covers 11 % of the lesion: consider shaving or hair removal.") : List.of());
    }

    /** A measured lesion: 8.2 x 6.1 mm from a ruler at 23.5 px/mm, asymmetric about one axis, three colours. */
    static org.dermdesk.core.LesionMeasurements measurements(boolean withScale) {
        org.dermdesk.core.Scale scale = withScale
                ? new org.dermdesk.core.Scale(23.5, org.dermdesk.core.ScaleSource.RULER, 0.9, 1.0, 0.01)
                : org.dermdesk.core.Scale.unknown();
        return new org.dermdesk.core.LesionMeasurements(scale, 8.2 * 23.5, 6.1 * 23.5, 39.0 * 23.5 * 23.5,
                new double[] {150, 200, 342.7, 210}, 1, 5, java.util.EnumSet.of(org.dermdesk.core.DermoscopicColour.LIGHT_BROWN,
                org.dermdesk.core.DermoscopicColour.DARK_BROWN, org.dermdesk.core.DermoscopicColour.BLUE_GRAY));
    }

    /** {@link #record} with a lesion measurement in its quality report. */
    static CaseRecord measuredRecord(String caseId, boolean withScale) {
        CaseRecord r = record(caseId, CaseDetails.none(), 0.42, false);
        return new CaseRecord(r.timestamp(), r.caseId(), r.imagePath(), r.imageSha256(), r.details(), r.prediction(),
                r.quality().withMeasurements(measurements(withScale)), r.explanation(), r.image(), r.heatmap(), false);
    }

    static Explanation explanation() {
        int w = 8, h = 8;
        int[] labels = new int[w * h];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = (i % w) / 2;
        }
        return new Explanation(w, h, 4, labels, new double[] {0.3, -0.1, 0.05, 0.2}, 0.1, 0.82, 0.7, 0.72,
                0.21, 0.74, 0.41, 0.52, OptionalDouble.of(0.86), 0.12, 0.18, 1000, 42L, Map.of("total", 5400L));
    }

    /** Writes the version 1 fixture (a log from DermDesk before version 2, two rows) to {@code file}. */
    static Path writeVersion1Log(Path file) throws java.io.IOException {
        try (java.io.InputStream in = TestCases.class.getResourceAsStream("caselog-v1.csv")) {
            return java.nio.file.Files.write(file, java.util.Objects.requireNonNull(in, "fixture").readAllBytes());
        }
    }

    static CaseRecord record(String caseId, CaseDetails details, double p, boolean retake) {
        LesionImage img = syntheticLesion(600, 450, 7);
        byte[] fake = ("image " + caseId).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return new CaseRecord(Instant.parse("2026-03-14T09:26:53Z"), caseId, Path.of("/data/clinic/" + caseId + ".jpg"),
                Checksums.sha256(fake), details, prediction(p), quality(retake), explanation(), img, syntheticHeatmap(img));
    }

    /** A case log's cells as a spreadsheet sees them, by the names in its own header. */
    static List<CSVRecord> cells(Path file) throws IOException {
        CSVFormat withHeader = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        try (CSVParser p = CSVParser.parse(file, StandardCharsets.UTF_8, withHeader)) {
            return p.getRecords();
        }
    }
}

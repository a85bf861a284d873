package org.dermdesk.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dermdesk.core.ArtifactFinding;
import org.dermdesk.core.ArtifactKind;
import org.dermdesk.core.CaseDetails;
import org.dermdesk.core.CaseRecord;
import org.dermdesk.core.LesionMeasurements;
import org.dermdesk.core.Mask;
import org.dermdesk.core.MeasurementWording;
import org.dermdesk.core.QualityReport;
import org.dermdesk.core.Scale;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PdfReportExporterTest {

    static final String NAME_NOTES = "Zoë Ångström-Müller, Ελένη Παπαδοπούλου, 李小龙 / 山田太郎 / 김민준: "
            + "irregular pigment network at 6 o'clock, regression structures; compare with image from 2025-11.";

    @TempDir
    Path dir;

    static Map<String, String> metrics() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("ROC AUC", "0.912");
        m.put("Sensitivity", "0.95");
        m.put("Specificity", "0.61");
        m.put("Spec. at 95 % sens.", "0.61");
        m.put("ECE", "0.016");
        m.put("Test set", "HAM10000 lesion-grouped hold-out, n = 1,503");
        return m;
    }

    private PdfReportExporter exporter(PageSize size) throws IOException {
        return new PdfReportExporter(size, metrics(), ReportFonts.locate(), ZoneId.of("Europe/Vienna"));
    }

    private static String extract(Path pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertEquals(1, doc.getNumberOfPages());
            return new PDFTextStripper().getText(doc);
        }
    }

    @ParameterizedTest
    @EnumSource(PageSize.class)
    void summaryCarriesEverythingOnOnePage(PageSize size) throws IOException {
        CaseRecord rec = TestCases.record("K-2026-0117",
                new CaseDetails(54, "female", "upper back, left", NAME_NOTES), 0.7312, true);
        Path pdf = dir.resolve("report-" + size + ".pdf");
        exporter(size).export(rec, pdf);
        String text = extract(pdf);
        String flat = text.replaceAll("\\s+", " ");
        for (String expected : List.of("DermDesk", "Case K-2026-0117", "14 Mar 2026, 10:26 CET",
                "54 years", "female", "upper back, left",
                "Suspicious — consider excision/biopsy", "73.1 %", "35.0 %", "Melanoma", "48.0 %",
                "Hair:", "present, score 0.81, 11 % of lesion", "Blur:", "Retake recommended", "The image is blurred: refocus and take it again.",
                "Faithful:", "Stable:", "No shortcut alarm",
                "dermdesk-resnet-small, version 1.2.0", "ROC AUC 0.912", TestCases.MODEL.sha256(), rec.imageSha256(),
                "Zoë Ångström-Müller", "Ελένη Παπαδοπούλου", "李小龙", "山田太郎", "김민준",
                "Decision support only — not a diagnosis.")) {
            assertTrue(flat.contains(expected), "missing '" + expected + "' in:\n" + text);
        }
        // no patient data beyond age, sex and site: the image path's folder is not printed
        assertTrue(!flat.contains("/data/clinic"), "the full image path leaked");
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            for (var name : doc.getPage(0).getResources().getFontNames()) {
                PDFont f = doc.getPage(0).getResources().getFont(name);
                assertTrue(f.isEmbedded(), f.getName() + " not embedded");
            }
        }
        render(pdf, "summary-" + size);
    }

    @ParameterizedTest
    @EnumSource(PageSize.class)
    void theMeasurementSectionSaysItIsAClassicalAidAndWhatTheScoreOmits(PageSize size) throws IOException {
        CaseRecord m = TestCases.measuredRecord("M-1", true);
        CaseRecord rec = new CaseRecord(m.timestamp(), m.caseId(), m.imagePath(), m.imageSha256(),
                new CaseDetails(54, "female", "upper back, left", NAME_NOTES), TestCases.prediction(0.7312),
                TestCases.quality(true).withMeasurements(TestCases.measurements(true)), m.explanation(), m.image(), m.heatmap());
        Path pdf = dir.resolve("measured-" + size + ".pdf");
        exporter(size).export(rec, pdf);
        String flat = extract(pdf).replaceAll("\\s+", " ");
        for (String expected : List.of(MeasurementWording.TITLE.toUpperCase(java.util.Locale.ROOT), MeasurementWording.BASIS,
                "Scale: 23.5 pixels per mm from the ruler in the image", "Largest diameter 8.2 mm (perpendicular 6.1 mm), area 39.0 mm",
                "Asymmetry 1 of 2", "abrupt cut-off of pigment in 5 of 8 sectors", "Colours (3 of 6): light brown, dark brown, blue-grey.",
                "Total dermoscopy score 3.30 without D", MeasurementWording.STRUCTURES_OMITTED, "Zoë Ångström-Müller",
                "Decision support only — not a diagnosis.")) {
            assertTrue(flat.contains(expected), "missing '" + expected + "' in:\n" + flat);
        }
        render(pdf, "measured-" + size);
    }

    @Test
    void withoutAScaleTheReportGivesPixelsAndSaysTheScaleIsUnknown() throws IOException {
        Path pdf = dir.resolve("pixels.pdf");
        exporter(PageSize.A4).export(TestCases.measuredRecord("P-1", false), pdf);
        String flat = extract(pdf).replaceAll("\\s+", " ");
        assertTrue(flat.contains(MeasurementWording.SCALE_UNKNOWN), flat);
        assertTrue(flat.contains("Largest diameter 193 pixels"), flat);
        assertTrue(!flat.contains(" mm (perpendicular"), "no millimetres without a scale: " + flat);
        render(pdf, "pixels-A4");
    }

    /** The measurement drawn on the image: ruler (bar clear of it), device scale, and no scale; one page each. */
    @Test
    void theImageCarriesTheDiameterAndAScaleBarOrSaysTheScaleIsUnknown() throws IOException {
        CaseRecord base = TestCases.measuredRecord("D-1", true);
        int w = base.image().width();
        int h = base.image().height();
        byte[] band = new byte[w * h];
        java.util.Arrays.fill(band, (w * (h - 60)), w * h, (byte) 1); // a ruler along the bottom edge
        java.util.Map<ArtifactKind, ArtifactFinding> findings = new java.util.EnumMap<>(base.quality().findings());
        findings.put(ArtifactKind.RULER, new ArtifactFinding(ArtifactKind.RULER, true, 0.9, 60.0 / h, 0, new Mask(w, h, band)));
        QualityReport q = base.quality();
        QualityReport withRuler = new QualityReport(findings, q.lesion(), q.retake(), q.retakeReasons(), q.measurements());
        LesionMeasurements m = q.measurements();
        java.util.Map<String, QualityReport> cases = new java.util.LinkedHashMap<>();
        cases.put("ruler", withRuler);
        cases.put("device", q.withMeasurements(m.withScale(Scale.deviceProfile(23.5))));
        cases.put("unscaled", q.withMeasurements(m.withScale(Scale.unknown())));
        for (var c : cases.entrySet()) {
            CaseRecord rec = new CaseRecord(base.timestamp(), base.caseId(), base.imagePath(), base.imageSha256(), base.details(),
                    base.prediction(), c.getValue(), base.explanation(), base.image(), base.heatmap(), false);
            Path pdf = dir.resolve("overlay-" + c.getKey() + ".pdf");
            exporter(PageSize.A4).export(rec, pdf);
            String flat = extract(pdf).replaceAll("\\s+", " ");
            if (c.getKey().equals("unscaled")) {
                assertTrue(flat.contains("193 px (scale unknown)"), flat);
                assertTrue(flat.contains("in pixels: scale unknown"), flat);
                assertFalse(flat.contains("5 mm "), "no bar without a scale: " + flat);
            } else {
                assertTrue(flat.contains("8.2 mm"), "the diameter's label: " + flat);
                assertTrue(flat.contains("5 mm"), "a 5 mm bar on a 600 px image at 23.5 px/mm: " + flat);
            }
            try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
                assertEquals(1, doc.getNumberOfPages());
            }
            render(pdf, "overlay-" + c.getKey());
        }
    }

    @Test
    void benignCaseWithoutGateExplanationOrNotesStillReads() throws IOException {
        CaseRecord full = TestCases.record("B-1", CaseDetails.none(), 0.08, false);
        CaseRecord rec = new CaseRecord(full.timestamp(), full.caseId(), full.imagePath(), full.imageSha256(),
                full.details(), TestCases.prediction(0.08), null, null, full.image(), null);
        Path pdf = dir.resolve("benign.pdf");
        new PdfReportExporter(PageSize.A4, Map.of(), ReportFonts.locate(), ZoneId.of("UTC")).export(rec, pdf);
        String flat = extract(pdf).replaceAll("\\s+", " ");
        for (String expected : List.of("No suspicious features found by the model", "not recorded",
                "quality gate was not run", "No explanation was computed", "None entered.",
                "Measured performance: none supplied", MeasurementWording.NOT_MEASURED, "Decision support only — not a diagnosis.")) {
            assertTrue(flat.contains(expected), "missing '" + expected + "' in:\n" + flat);
        }
        render(pdf, "benign-A4");
    }

    @ParameterizedTest
    @EnumSource(PageSize.class)
    void longHostileNotesAreWrappedAndCutToOnePage(PageSize size) throws IOException {
        StringBuilder notes = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            notes.append("Paragraph ").append(i).append(": ").append(TestCases.HOSTILE_NOTES).append(' ')
                    .append("皮肤病变".repeat(30)).append("\n");
        }
        notes.append("x".repeat(500)); // one word wider than the page
        CaseRecord rec = TestCases.record("L-9", new CaseDetails(7, "male", "scalp", notes.toString()), 0.2, false);
        Path pdf = dir.resolve("long-" + size + ".pdf");
        exporter(size).export(rec, pdf);
        String flat = extract(pdf).replaceAll("\\s+", " ");
        assertTrue(flat.contains("Paragraph 0:"));
        assertTrue(flat.contains("notes continue: the full text is in the case log"));
        assertTrue(flat.contains("Decision support only — not a diagnosis."));
        assertTrue(flat.contains("αβγ"));
        render(pdf, "long-notes-" + size);
    }

    @Test
    void saysWhenTheImageWasClassifiedAfterDigitalHairRemoval() throws IOException {
        CaseRecord r = TestCases.record("H-1", CaseDetails.none(), 0.31, false);
        CaseRecord hairless = new CaseRecord(r.timestamp(), r.caseId(), r.imagePath(), r.imageSha256(), r.details(),
                r.prediction(), r.quality(), r.explanation(), r.image(), r.heatmap(), true);
        Path with = dir.resolve("hair-removed.pdf");
        Path without = dir.resolve("as-loaded.pdf");
        exporter(PageSize.A4).export(hairless, with);
        exporter(PageSize.A4).export(r, without);
        String flatWith = extract(with).replaceAll("\\s+", " ");
        String flatWithout = extract(without).replaceAll("\\s+", " ");
        assertTrue(flatWith.contains("Classified after digital hair removal"), flatWith);
        assertTrue(flatWith.contains("the model saw it with detected hair inpainted"), flatWith);
        assertTrue(flatWith.contains("Decision support only"), "the extra line does not push the page over: " + flatWith);
        assertFalse(flatWithout.contains("hair removal"), flatWithout);
        render(with, "hair-removed-A4");
    }

    /** Every glyph drawn on the page, with its position (in PDF text space: x from the left). */
    private static List<org.apache.pdfbox.text.TextPosition> glyphs(Path pdf) throws IOException {
        List<org.apache.pdfbox.text.TextPosition> all = new java.util.ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper s = new PDFTextStripper() {
                @Override
                protected void processTextPosition(org.apache.pdfbox.text.TextPosition text) {
                    all.add(text);
                    super.processTextPosition(text);
                }
            };
            s.getText(doc);
        }
        return all;
    }

    private static float xOf(List<org.apache.pdfbox.text.TextPosition> glyphs, String unicode) {
        return glyphs.stream().filter(g -> g.getUnicode().equals(unicode)).findFirst()
                .orElseThrow(() -> new AssertionError("no glyph " + unicode)).getXDirAdj();
    }

    /**
     * Arabic and Hebrew read right to left with joined Arabic letters, emoji are named instead of drawn as
     * U+FFFD, a very long body site and case id are cut with an ellipsis, and "(image alone: ...)" stays in its column.
     */
    @ParameterizedTest
    @EnumSource(PageSize.class)
    void rightToLeftTextEmojiAndLongFieldsStayReadableAndOnThePage(PageSize size) throws IOException {
        String site = "\u0638\u0647\u0631 / " + "left upper back near the shoulder blade, ".repeat(12);
        String notes = "Hebrew: \u05E9\u05DC\u05D5\u05DD. Arabic: \u0628\u0627\u0628. Patient happy \uD83D\uDE00 "
                + "\uD83D\uDC4D\uD83C\uDFFD\uFE0F, family \uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67.";
        CaseRecord base = TestCases.record("VERY-LONG-CASE-ID-".repeat(8), new CaseDetails(61, "female", site, notes), 0.2, false);
        CaseRecord r = new CaseRecord(base.timestamp(), base.caseId(), base.imagePath(), base.imageSha256(), base.details(),
                base.prediction().withPatientProbability(0.27), base.quality(), base.explanation(), base.image(), base.heatmap(),
                false);
        Path pdf = dir.resolve("rtl-" + size + ".pdf");
        exporter(size).export(r, pdf);
        render(pdf, "rtl-emoji-long-" + size);
        List<org.apache.pdfbox.text.TextPosition> g = glyphs(pdf);

        // right to left: the word's last letter is drawn leftmost
        assertTrue(xOf(g, "\u05DD") < xOf(g, "\u05E9"), "Hebrew drawn in display order");
        assertTrue(xOf(g, "\uFE8F") < xOf(g, "\uFE91"), "Arabic joined (presentation forms) and drawn in display order");
        assertTrue(xOf(g, "\uFEAE") < xOf(g, "\uFEC7"), "the Arabic body site too");

        String text = extract(pdf);
        assertFalse(text.contains("\uFFFD"), text);
        // DejaVu Sans draws U+1F600 itself; the others no embedded font has are named
        assertTrue(text.contains("\uD83D\uDE00") && text.contains("[thumbs up sign]") && text.contains("[man]"), text);

        float pageWidth = size.rectangle().getWidth();
        for (org.apache.pdfbox.text.TextPosition p : g) {
            assertTrue(p.getXDirAdj() + p.getWidthDirAdj() <= pageWidth - 39, "'" + p.getUnicode() + "' runs off the page at x="
                    + p.getXDirAdj());
        }
        String flat = text.replaceAll("\\s+", " ");
        assertTrue(flat.contains("left upper back") && flat.contains("\u2026"), flat);
        // the case id, drawn from the right, stops short of the title's line ("Dermoscopy analysis summary")
        float titleEnd = g.stream().filter(p -> p.getYDirAdj() < 80 && p.getUnicode().equals("y")).map(p -> p.getXDirAdj() + p.getWidthDirAdj())
                .filter(x -> x < pageWidth / 2 + 60).max(Float::compare).orElseThrow();
        float caseStart = g.stream().filter(p -> p.getYDirAdj() < 80 && p.getUnicode().equals("V")).map(org.apache.pdfbox.text.TextPosition::getXDirAdj)
                .min(Float::compare).orElseThrow();
        assertTrue(caseStart > titleEnd, "case id from x=" + caseStart + " overlaps the title ending at x=" + titleEnd);

        // the left column's lines end before the right column (the differential) begins
        float colW = (pageWidth - 80 - 14) / 2;
        org.apache.pdfbox.text.PDFTextStripperByArea right = new org.apache.pdfbox.text.PDFTextStripperByArea();
        right.addRegion("right", new java.awt.geom.Rectangle2D.Float(40 + colW + 2, 0, colW, size.rectangle().getHeight()));
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            right.extractRegions(doc.getPage(0));
        }
        String rightColumn = right.getTextForRegion("right");
        assertFalse(rightColumn.contains("alone") || rightColumn.contains("%)"), rightColumn);
        assertTrue(flat.contains("(image alone: 20.0 %)"), flat);
    }

    /** Renders with pdftoppm (poppler-utils) into target/pdf-look for a person to look at; skipped without it. */
    private static void render(Path pdf, String name) throws IOException {
        Path out = Path.of("target", "pdf-look");
        Files.createDirectories(out);
        Files.copy(pdf, out.resolve(name + ".pdf"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        try {
            Process p = new ProcessBuilder("pdftoppm", "-png", "-r", "80", "-singlefile", pdf.toString(),
                    out.resolve(name).toString()).redirectErrorStream(true).start();
            String log = new String(p.getInputStream().readAllBytes());
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue(), "pdftoppm failed: " + log);
            assertTrue(Files.size(out.resolve(name + ".png")) > 10_000);
        } catch (IOException e) {
            Assumptions.abort("pdftoppm not installed (Debian poppler-utils): " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

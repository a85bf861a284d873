package org.dermdesk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import javafx.beans.property.SimpleDoubleProperty;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dermdesk.core.ArtifactFinding;
import org.dermdesk.core.ArtifactKind;
import org.dermdesk.core.CaseDetails;
import org.dermdesk.core.CaseRecord;
import org.dermdesk.core.Explanation;
import org.dermdesk.core.ExplanationVerdicts.Faithfulness;
import org.dermdesk.core.ExplanationVerdicts.Stability;
import org.dermdesk.core.LesionImage;
import org.dermdesk.core.LesionRegion;
import org.dermdesk.core.Mask;
import org.dermdesk.core.ModelInfo;
import org.dermdesk.core.ImageSuitability;
import org.dermdesk.core.Prediction;
import org.dermdesk.core.QualityReport;
import org.dermdesk.core.ResultWording;
import org.dermdesk.core.RetakeWording;
import org.dermdesk.report.PageSize;
import org.dermdesk.report.PdfReportExporter;
import org.dermdesk.report.ReportFonts;
import org.dermdesk.ui.ExplanationViewModel;
import org.dermdesk.ui.QualityViewModel;
import org.dermdesk.ui.ResultViewModel;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The clinician reads the same case on screen and on paper: every verdict and sentence the window's view
 * models show for a result, its quality check and its explanation must be in the exported PDF, word for word.
 * The cases sit where the window and the PDF used to disagree (a gain of 0.10, ρ = 0.75).
 */
class WindowAndReportWordingTest {

    @TempDir
    Path dir;

    /** One case: the classifier's probability, the explanation's gain over a random order and stability, where the evidence lies. */
    record Case(String name, double pMalignant, double gain, double rho, double artifactShare, double outsideShare,
                boolean retake) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                new Case("moderately faithful, fairly stable, benign", 0.20, 0.10, 0.75, 0.10, 0.20, false),
                new Case("faithful, unstable, shortcut on artifacts and skin, retake", 0.81, 0.30, 0.45, 0.45, 0.70, true),
                new Case("not faithful, stable, shortcut outside the lesion", 0.64, 0.02, 0.92, 0.05, 0.55, false))
                .map(Arguments::of);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void windowAndPdfUseTheSameWords(Case c) throws IOException {
        CaseRecord record = record(c);
        ResultViewModel result = new ResultViewModel(new SimpleDoubleProperty(Double.NaN));
        result.predictionProperty().set(record.prediction());
        QualityViewModel quality = new QualityViewModel(true);
        quality.reportProperty().set(record.quality());
        ExplanationViewModel explanation = new ExplanationViewModel(true);
        explanation.explanationProperty().set(record.explanation());

        List<String> onScreen = new ArrayList<>(List.of(result.verdictProperty().get(), ResultWording.DISCLAIMER,
                explanation.faithfulnessProperty().get(), explanation.stabilityProperty().get()));
        if (explanation.shortcutAlarmProperty().get()) {
            onScreen.add(explanation.shortcutTextProperty().get());
        }
        onScreen.addAll(record.quality().retakeReasons());
        String pdf = pdfText(record, c.name());
        for (String words : onScreen) {
            assertTrue(pdf.contains(flat(words)), "the PDF lacks the window's '" + words + "' in:\n" + pdf);
        }
        assertEquals(c.retake(), quality.summaryProperty().get().startsWith(RetakeWording.RETAKE_RECOMMENDED));
        assertEquals(c.retake(), pdf.contains(RetakeWording.RETAKE_RECOMMENDED));

        // and no other verdict on paper than on screen
        Faithfulness faithfulness = Faithfulness.of(record.explanation());
        Stability stability = Stability.of(c.rho());
        assertTrue(explanation.faithfulnessProperty().get().startsWith(faithfulness.label() + ":"));
        assertTrue(explanation.stabilityProperty().get().startsWith(stability.label() + ":"));
        for (Faithfulness other : Faithfulness.values()) {
            assertEquals(other == faithfulness, pdf.contains(other.label() + ":"), other + " in:\n" + pdf);
        }
        for (Stability other : Stability.values()) {
            assertEquals(other == stability, pdf.contains(other.label() + ":"), other + " in:\n" + pdf);
        }
    }

    @Test
    void aNonDermoscopicImageHasNoVerdictAndItsProbabilityIsWithheldUntilRevealed() throws IOException {
        CaseRecord plain = record(cases().map(a -> (Case) a.get()[0]).findFirst().orElseThrow());
        CaseRecord record = withSuitability(plain, new ImageSuitability(false, 0.02, true, 1.0));
        ResultViewModel result = new ResultViewModel(new SimpleDoubleProperty(Double.NaN));
        result.predictionProperty().set(record.prediction());
        assertEquals(ResultWording.NO_VERDICT_NOT_DERMOSCOPIC, result.verdictProperty().get());
        assertEquals(ResultWording.NOT_DERMOSCOPIC, result.suitabilityNoteProperty().get());
        assertEquals(ResultWording.PROBABILITY_WITHHELD, result.probabilityTextProperty().get());
        assertFalse(result.probabilityShownProperty().get());
        result.revealProbability();
        assertTrue(result.probabilityShownProperty().get());
        assertTrue(result.probabilityTextProperty().get().endsWith(ResultWording.NOT_VALID_FOR_IMAGE), result.probabilityTextProperty().get());
        result.predictionProperty().set(withSuitability(plain, new ImageSuitability(false, 0.03, false, 0.4)).prediction());
        assertFalse(result.probabilityShownProperty().get(), "the next image is withheld again");

        String pdf = pdfText(record, "not dermoscopic");
        for (String words : List.of(ResultWording.NO_VERDICT_NOT_DERMOSCOPIC, ResultWording.NOT_DERMOSCOPIC, ResultWording.NOT_VALID_FOR_IMAGE)) {
            assertTrue(pdf.contains(flat(words)), "the PDF lacks '" + words + "' in:\n" + pdf);
        }
        assertFalse(pdf.contains(ResultWording.SUSPICIOUS) || pdf.contains(ResultWording.NOT_SUSPICIOUS), pdf);
        assertTrue(pdf.contains("Image (not dermoscopic)") && !pdf.contains("Dermoscopic image"), pdf);
    }

    @Test
    void anUnfamiliarImageCarriesTheSameCautionOnScreenAndOnPaper() throws IOException {
        CaseRecord record = withSuitability(record(cases().map(a -> (Case) a.get()[0]).findFirst().orElseThrow()),
                new ImageSuitability(true, 0.9, true, 0.99));
        ResultViewModel result = new ResultViewModel(new SimpleDoubleProperty(Double.NaN));
        result.predictionProperty().set(record.prediction());
        assertEquals(ResultWording.UNFAMILIAR, result.suitabilityNoteProperty().get());
        assertTrue(result.unfamiliarProperty().get());
        assertTrue(result.probabilityShownProperty().get());
        assertEquals(ResultWording.verdict(record.prediction()), result.verdictProperty().get());
        assertTrue(pdfText(record, "unfamiliar").contains(flat(ResultWording.UNFAMILIAR)));
    }

    private static CaseRecord withSuitability(CaseRecord r, ImageSuitability s) {
        return new CaseRecord(r.timestamp(), r.caseId(), r.imagePath(), r.imageSha256(), r.details(),
                r.prediction().withSuitability(s), r.quality(), r.explanation(), r.image(), r.heatmap(), false);
    }

    private String pdfText(CaseRecord record, String name) throws IOException {
        Path file = dir.resolve("case.pdf");
        new PdfReportExporter(PageSize.A4, Map.of(), ReportFonts.locate(), ZoneId.of("UTC")).export(record, file);
        // kept for a person to look at, as PdfReportExporterTest does
        Path look = Files.createDirectories(Path.of("target", "pdf-look"));
        Files.copy(file, look.resolve("wording-" + name.replaceAll("[^a-z]+", "-") + ".pdf"), StandardCopyOption.REPLACE_EXISTING);
        try (PDDocument doc = Loader.loadPDF(file.toFile())) {
            assertEquals(1, doc.getNumberOfPages());
            String text = flat(new PDFTextStripper().getText(doc));
            assertFalse(text.contains("NaN"), text);
            return text;
        }
    }

    /** Lines wrap differently on screen and on paper: compare words, not line breaks. */
    private static String flat(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }

    private static CaseRecord record(Case c) {
        int w = 60;
        int h = 45;
        byte[] rgb = new byte[w * h * 3];
        java.util.Arrays.fill(rgb, (byte) 140);
        LesionImage img = new LesionImage("case.png", w, h, rgb);
        Prediction p = new Prediction(c.pMalignant(), 0.35, Map.of(), new ModelInfo("m", "1", "00"));
        return new CaseRecord(Instant.parse("2026-01-02T03:04:05Z"), "case.png", Path.of("case.png"), "a".repeat(64),
                CaseDetails.none(), p, quality(c.retake()), explanation(w, h, c), img, img);
    }

    private static QualityReport quality(boolean retake) {
        Map<ArtifactKind, ArtifactFinding> findings = new EnumMap<>(ArtifactKind.class);
        for (ArtifactKind k : ArtifactKind.values()) {
            boolean present = retake && (k == ArtifactKind.HAIR || k == ArtifactKind.BLUR);
            findings.put(k, new ArtifactFinding(k, present, present ? 0.8 : 0.05,
                    k.localised() ? (present ? 0.05 : 0.0) : Double.NaN, k.localised() ? (present ? 0.3 : 0.0) : Double.NaN, null));
        }
        List<String> reasons = retake ? List.of(RetakeWording.hairOnLesion(0.3), RetakeWording.blurred()) : List.of();
        return new QualityReport(findings, new LesionRegion(new Mask(4, 4, new byte[16]), 0, 0, 0, 4, 4, false), retake, reasons);
    }

    /** Random order at 0.10; the explanation beats it by {@code c.gain()}. */
    private static Explanation explanation(int w, int h, Case c) {
        int[] labels = new int[w * h];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = (i % w) * 4 / w;
        }
        return new Explanation(w, h, 4, labels, new double[] {0.3, -0.1, 0.05, 0.2}, 0.1, 0.7, 0.6, c.pMalignant(),
                0.30, 0.40 + c.gain(), 0.40, 0.50, OptionalDouble.of(c.rho()), c.artifactShare(), c.outsideShare(),
                1000, 42L, Map.of("total", 1000L));
    }
}

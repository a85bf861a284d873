package org.dermdesk.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.dermdesk.core.Appearance;
import org.dermdesk.core.ChangeRule;
import org.dermdesk.core.DermoscopicColour;
import org.dermdesk.core.FollowUpImage;
import org.dermdesk.core.LesionComparison;
import org.dermdesk.core.LesionContrast;
import org.dermdesk.core.LesionImage;
import org.dermdesk.core.LesionMeasurements;
import org.dermdesk.core.Mask;
import org.dermdesk.core.Registration;
import org.dermdesk.core.ResultWording;
import org.dermdesk.core.Scale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComparisonPdfExporterTest {

    @TempDir
    Path dir;

    static LesionComparison grownComparison() {
        return comparison(true, null);
    }

    /** Two images that could not be aligned: the rule reads them as different lesions. */
    static LesionComparison differentLesions() {
        return comparison(false, null);
    }

    /** Two images that could not be aligned but that the network sees as one lesion (evidence 6). */
    static LesionComparison recognisedButNotAligned() {
        return comparison(false, Appearance.of(new float[] {0}, new Appearance.IdentitySpace(new float[] {1}, 12)));
    }

    private static LesionComparison comparison(boolean aligned, Appearance appearance) {
        int w = 120;
        int h = 90;
        byte[] rgb = new byte[w * h * 3];
        byte[] m = new byte[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                boolean in = Math.hypot(x - 60, y - 45) < 25;
                int i = (y * w + x) * 3;
                rgb[i] = (byte) (in ? 120 : 220);
                rgb[i + 1] = (byte) (in ? 70 : 175);
                rgb[i + 2] = (byte) (in ? 40 : 150);
                m[y * w + x] = (byte) (in ? 255 : 0);
            }
        }
        LesionImage img = new LesionImage("before.jpg", w, h, rgb);
        Mask mask = new Mask(w, h, m);
        LesionMeasurements mb = new LesionMeasurements(Scale.unknown(), 50, 50, 1960, new double[4], 0, 0,
                EnumSet.of(DermoscopicColour.LIGHT_BROWN));
        LesionMeasurements ma = new LesionMeasurements(Scale.unknown(), 57, 56, 2550, new double[4], 1, 0,
                EnumSet.of(DermoscopicColour.LIGHT_BROWN, DermoscopicColour.DARK_BROWN));
        LesionContrast c = new LesionContrast(-30, 10, 15);
        Registration r = aligned
                ? new Registration("moments+ecc-content+ecc-skin", true, 0.04, 0.04, 1, 0, 0, 0, true, 0.77, 0.9, img, mask, null)
                : new Registration("moments+ecc-content+ecc-skin", false, 0.6, 0.6, 1, 0, 0, 0, true, 0.2, 0.1, img, mask, null);
        return new ChangeRule().compare(new FollowUpImage("before.jpg", img, mask, mb, 0.12, c, appearance),
                new FollowUpImage("after.jpg", img, mask, ma, 0.31, c, appearance), r);
    }

    @Test
    void writesOnePageWithTheVerdictTheTableAndTheDisclaimer() throws Exception {
        LesionComparison c = grownComparison();
        assertTrue(c.changed());
        Path pdf = dir.resolve("out/compare.pdf");
        new ComparisonPdfExporter(PageSize.A4, ReportFonts.locate()).export(c, pdf);
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertEquals(1, doc.getNumberOfPages());
            String text = new PDFTextStripper().getText(doc);
            for (String s : List.of("Follow-up comparison", "Changed since the earlier image.", "The area grew by 30%",
                    "Largest diameter", "added dark brown", "12%", "31%", "moments+ecc-content+ecc-skin",
                    "cannot be told from growth", ResultWording.DISCLAIMER)) {
                assertTrue(text.contains(s), "missing '" + s + "' in:\n" + text);
            }
        }
        try (var files = Files.list(pdf.getParent())) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }

    @Test
    void leavesOutTheChangeTableForDifferentLesionsAsTheWindowDoes() throws Exception {
        LesionComparison c = differentLesions();
        assertFalse(c.hasChangeReport());
        Path pdf = dir.resolve("different.pdf");
        new ComparisonPdfExporter(PageSize.A4, ReportFonts.locate()).export(c, pdf);
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertEquals(1, doc.getNumberOfPages());
            String text = new PDFTextStripper().getText(doc);
            for (String s : List.of(c.verdict(), c.differentReasons().get(0), "moments+ecc-content+ecc-skin",
                    "Compare only images of the same lesion", ResultWording.DISCLAIMER)) {
                assertTrue(text.contains(s), "missing '" + s + "' in:\n" + text);
            }
            for (String s : List.of("Largest diameter", "Asymmetry", "Model p(malignant)", "Changed means",
                    c.scaleNote())) {
                assertFalse(text.contains(s), "'" + s + "' belongs to the change table only:\n" + text);
            }
        }
    }

    @Test
    void wrapsEveryReasonInsideThePage() throws Exception {
        LesionComparison c = recognisedButNotAligned();
        assertTrue(c.maybeSameLesion());
        Path pdf = dir.resolve("recognised.pdf");
        new ComparisonPdfExporter(PageSize.A4, ReportFonts.locate()).export(c, pdf);
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertEquals(1, doc.getNumberOfPages());
            float pageWidth = doc.getPage(0).getMediaBox().getWidth();
            float[] rightmost = {0};
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<TextPosition> positions) throws IOException {
                    for (TextPosition p : positions) rightmost[0] = Math.max(rightmost[0], p.getXDirAdj() + p.getWidthDirAdj());
                    super.writeString(text, positions);
                }
            };
            String text = stripper.getText(doc).replaceAll("\\s+", " ");
            for (String s : List.of(c.verdict(), c.differentReasons().get(0), c.differentReasons().get(1))) {
                assertTrue(text.contains(s), "missing '" + s + "' in:\n" + text);
            }
            assertTrue(rightmost[0] <= pageWidth - 20, "text runs to x=" + rightmost[0] + " on a page " + pageWidth + " wide");
            assertFalse(text.contains("Largest diameter"), "no change table without an alignment");
        }
    }
}

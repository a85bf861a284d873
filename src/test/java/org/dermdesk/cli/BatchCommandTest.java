package org.dermdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dermdesk.core.AnalysisResult;
import org.dermdesk.core.CaseAnalyzer;
import org.dermdesk.core.Diagnosis;
import org.dermdesk.core.LesionImage;
import org.dermdesk.core.ModelInfo;
import org.dermdesk.core.Prediction;
import org.dermdesk.imaging.ImageLoader;
import org.dermdesk.report.CaseLog;
import org.dermdesk.report.CaseLogEntry;
import org.dermdesk.testsupport.SyntheticLesions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class BatchCommandTest {

    private static final ModelInfo MODEL = new ModelInfo("test-model", "0.0.1", "ab".repeat(32));

    @TempDir
    Path dir;

    /**
     * Loads with the real loader, then "classifies" by mean brightness: deterministic, no model needed.
     * Where the age is known the probability is "adjusted" (image-only figure plus 0.1), as a real pipeline's is.
     */
    static final CaseAnalyzer FAKE = (file, details) -> {
        LesionImage img = ImageLoader.READER.decode(file);
        long sum = 0;
        for (byte b : img.rgb()) {
            sum += b & 0xFF;
        }
        double p = 1 - (double) sum / img.rgb().length / 255;
        Map<Diagnosis, Double> dx = new EnumMap<>(Diagnosis.class);
        dx.put(Diagnosis.MEL, p);
        dx.put(Diagnosis.NV, 1 - p);
        Prediction image = new Prediction(p, 0.5, dx, MODEL);
        return AnalysisResult.of(file, img, null, image).withPrediction(
                details.age() == null ? image : image.withPatientProbability(Math.min(1, p + 0.1)), details);
    };

    private record Run(int exit, String out, String err) {
    }

    private Run batch(CaseAnalyzer analyzer, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        BatchCommand cmd = new BatchCommand(analyzer, Map.of("ROC AUC", "0.5"),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        int exit = new CommandLine(cmd).setCaseInsensitiveEnumValuesAllowed(true).execute(args);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void analysesGoodImagesNamesBadOnesAndResumes() throws Exception {
        Path images = Files.createDirectories(dir.resolve("images"));
        SyntheticLesions.writeJpeg(images.resolve("ISIC_0001.jpg"), 300, 225, 1);
        SyntheticLesions.writeJpeg(images.resolve("ISIC_0002.jpg"), 300, 225, 2);
        Files.writeString(images.resolve("broken.jpg"), "not really a jpeg");
        byte[] whole = Files.readAllBytes(images.resolve("ISIC_0002.jpg"));
        Files.write(images.resolve("truncated.jpg"), Arrays.copyOf(whole, whole.length / 2));
        Files.writeString(images.resolve("notes.txt"), "not an image, ignored");
        Path meta = Files.writeString(dir.resolve("meta.csv"),
                "image_id,age,sex,localization\nISIC_0001,45.0,female,back\nISIC_0002,abc,male,face\n");
        Path csv = dir.resolve("out/cases.csv");
        Path pdfs = dir.resolve("pdf");

        Run first = batch(FAKE, images.toString(), "--csv", csv.toString(), "--pdf-dir", pdfs.toString(),
                "--metadata", meta.toString(), "--page-size", "us_letter");
        assertEquals(1, first.exit(), first.err());
        assertTrue(first.err().contains("bad file: broken.jpg: not an image"), first.err());
        assertTrue(first.err().contains("bad file: truncated.jpg:"), first.err());
        assertTrue(first.err().contains("[" + "#".repeat(30) + "] 4/4 100%"), first.err());
        assertTrue(first.err().contains("line 3: age 'abc' is not a number"), first.err());
        assertTrue(first.out().contains("4 images in " + images + ": 2 analysed"), first.out());
        assertTrue(first.out().contains("Files that could not be analysed:\n  broken.jpg"), first.out());

        CaseLog.Contents log = CaseLog.read(csv);
        assertEquals(List.of(), log.problems());
        assertEquals(List.of("ISIC_0001", "ISIC_0002"), log.entries().stream().map(CaseLogEntry::caseId).toList());
        CaseLogEntry e1 = log.entries().get(0);
        assertEquals(45, e1.age());
        assertEquals("back", e1.site());
        assertEquals(null, log.entries().get(1).age(), "metadata row with a bad age is skipped");
        assertEquals(Boolean.TRUE, e1.adjustedForAgeAndSex(), "age known: adjusted");
        assertEquals(e1.pMalignantImageOnly() + 0.1, e1.pMalignant(), 1e-3);
        CaseLogEntry e2 = log.entries().get(1);
        assertEquals(Boolean.FALSE, e2.adjustedForAgeAndSex(), "no age: image only");
        assertEquals(e2.pMalignant(), e2.pMalignantImageOnly());
        assertEquals(MODEL.sha256(), e1.modelSha256());
        assertEquals(64, e1.imageSha256().length());

        assertTrue(Files.exists(pdfs.resolve("ISIC_0001.pdf")));
        try (PDDocument doc = Loader.loadPDF(pdfs.resolve("ISIC_0002.pdf").toFile())) {
            assertEquals(612, Math.round(doc.getPage(0).getMediaBox().getWidth()), "US Letter");
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("Case ISIC_0002"), text);
            assertTrue(text.contains("ROC AUC 0.5"), text);
        }

        // resume: a copy of a done image under a new name and one new image; only the new one is analysed
        Files.copy(images.resolve("ISIC_0001.jpg"), images.resolve("copy-of-1.jpg"));
        SyntheticLesions.writeJpeg(images.resolve("ISIC_0003.jpg"), 300, 225, 3);
        Files.delete(images.resolve("broken.jpg"));
        Files.delete(images.resolve("truncated.jpg"));
        Run second = batch(FAKE, images.toString(), "--csv", csv.toString());
        assertEquals(0, second.exit(), second.err());
        assertTrue(second.out().contains("1 analysed") && second.out().contains("3 already in the log"), second.out());
        assertEquals(3, CaseLog.read(csv).entries().size());
    }

    /** An existing version 1 log stays version 1, resumes from its old rows, and the summary says what it lacks. */
    @Test
    void appendsVersion1RowsToAVersion1LogAndResumesFromIt() throws Exception {
        Path images = Files.createDirectories(dir.resolve("images"));
        SyntheticLesions.writeJpeg(images.resolve("ISIC_0001.jpg"), 300, 225, 1);
        SyntheticLesions.writeJpeg(images.resolve("ISIC_0002.jpg"), 300, 225, 2);
        Path csv = dir.resolve("old.csv");
        String v1Header = String.join(",", CaseLog.Layout.V1.columns()) + "\r\n";
        Files.writeString(csv, v1Header);

        Run first = batch(FAKE, images.toString(), "--csv", csv.toString());
        assertEquals(0, first.exit(), first.err());
        assertTrue(first.out().contains("is a version 1 case log"), first.out());
        assertTrue(Files.readString(csv).startsWith(v1Header));
        assertEquals(1, Files.readString(csv).split("log_version", -1).length - 1, "no second header");
        CaseLog.Contents log = CaseLog.read(csv);
        assertEquals(List.of(), log.problems());
        assertEquals(2, log.entries().size());
        assertTrue(log.entries().stream().allMatch(e -> e.adjustedForAgeAndSex() == null));

        Run second = batch(FAKE, images.toString(), "--csv", csv.toString());
        assertEquals(0, second.exit(), second.err());
        assertTrue(second.out().contains("0 analysed") && second.out().contains("2 already in the log"), second.out());
        assertFalse(second.out().contains("version 1"), "nothing written, nothing to warn about");
    }

    @Test
    void analyzerCrashOnOneImageDoesNotStopTheBatch() throws Exception {
        Path images = Files.createDirectories(dir.resolve("images"));
        SyntheticLesions.writeJpeg(images.resolve("a.jpg"), 200, 150, 1);
        SyntheticLesions.writeJpeg(images.resolve("b.jpg"), 200, 150, 2);
        CaseAnalyzer flaky = (file, details) -> {
            if (file.path().getFileName().toString().equals("a.jpg")) {
                throw new IllegalStateException("model exploded");
            }
            return FAKE.analyze(file, details);
        };
        Path csv = dir.resolve("cases.csv");
        Run run = batch(flaky, images.toString(), "--csv", csv.toString());
        assertEquals(1, run.exit());
        assertTrue(run.out().contains("a.jpg: analysis failed (IllegalStateException: model exploded)"), run.out());
        assertEquals(1, CaseLog.read(csv).entries().size());
    }

    /** A pipe or a device named like an image is refused without being opened; other image formats are listed. */
    @Test
    void namesPipesDevicesAndUnsupportedFormatsWithoutBlocking() throws Exception {
        Path images = Files.createDirectories(dir.resolve("images"));
        SyntheticLesions.writeJpeg(images.resolve("good.jpg"), 300, 225, 1);
        Path fifo = images.resolve("x.jpg");
        assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo is not available: test skipped");
        assumeTrue(Files.exists(Path.of("/dev/zero")), "no /dev/zero: test skipped");
        Files.createSymbolicLink(images.resolve("z.jpg"), Path.of("/dev/zero"));
        for (String name : List.of("a.gif", "b.webp", "c.heic", "d.avif")) {
            Files.write(images.resolve(name), new byte[] {1, 2, 3});
        }
        Path csv = dir.resolve("cases.csv");

        Run run = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> batch(FAKE, images.toString(), "--csv", csv.toString()));

        assertEquals(1, run.exit(), run.err());
        assertTrue(run.out().contains("7 images in " + images + ": 1 analysed"), run.out());
        for (String name : List.of("x.jpg", "z.jpg")) {
            assertTrue(run.out().contains("  " + name + ": is not a regular file"), run.out());
        }
        for (String type : List.of("a.gif: GIF", "b.webp: WEBP", "c.heic: HEIC", "d.avif: AVIF")) {
            assertTrue(run.out().contains("  " + type + " images are not supported"), run.out());
        }
        assertEquals(1, CaseLog.read(csv).entries().size());
    }

    @Test
    void refusesToAppendToAFileThatIsNotACaseLog() throws Exception {
        Path images = Files.createDirectories(dir.resolve("images"));
        Path other = Files.writeString(dir.resolve("budget.csv"), "month,amount\nJan,3\n");
        Run run = batch(FAKE, images.toString(), "--csv", other.toString());
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("is not a DermDesk case log"), run.err());
        assertEquals("month,amount\nJan,3\n", Files.readString(other));
        assertEquals(2, batch(FAKE, dir.resolve("nope").toString(), "--csv", dir.resolve("x.csv").toString()).exit());
    }
}

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
import org.dermdesk.core.ImageSuitability;
import org.dermdesk.core.LesionImage;
import org.dermdesk.core.ModelInfo;
import org.dermdesk.core.Prediction;
import org.dermdesk.core.ResultWording;
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

    /** Images the image-kind check rejects get no verdict and are listed; unfamiliar ones are listed apart. */
    @Test
    void listsImagesThatAreNotDermoscopicOrUnfamiliarAndDoesNotCountThemSuspicious() throws Exception {
        Path images = Files.createDirectories(dir.resolve("images"));
        SyntheticLesions.writeJpeg(images.resolve("a-dermoscopic.jpg"), 300, 225, 1);
        SyntheticLesions.writeJpeg(images.resolve("b-phone-photo.jpg"), 300, 225, 2);
        SyntheticLesions.writeJpeg(images.resolve("c-other-scope.jpg"), 300, 225, 3);
        CaseAnalyzer checked = (file, details) -> {
            AnalysisResult r = FAKE.analyze(file, details);
            String name = file.path().getFileName().toString();
            ImageSuitability s = new ImageSuitability(!name.contains("photo"), name.contains("photo") ? 0.01 : 0.9,
                    !name.startsWith("a-"), name.startsWith("a-") ? 0.3 : 0.99);
            Prediction p = r.prediction();
            // every image "suspicious" by the fake's probability, so that the count shows who is left out
            return r.withPrediction(new Prediction(1, 0.5, p.diagnoses(), MODEL).withSuitability(s), details);
        };
        Run run = batch(checked, images.toString(), "--csv", dir.resolve("cases.csv").toString());
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("3 analysed and added to " + dir.resolve("cases.csv") + " (2 suspicious)"), run.out());
        assertTrue(run.out().contains(ResultWording.BATCH_NOT_DERMOSCOPIC + "\n  b-phone-photo.jpg\n"), run.out());
        assertTrue(run.out().contains(ResultWording.BATCH_UNFAMILIAR + "\n  c-other-scope.jpg\n"), run.out());
        assertEquals(List.of("suspicious", "not dermoscopic", "suspicious"),
                CaseLog.read(dir.resolve("cases.csv")).entries().stream().map(CaseLogEntry::verdict).toList());
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
        assertTrue(run.out().contains("a.jpg: could not be analysed (an internal error;"), run.out());
        assertFalse(run.out().contains("IllegalStateException") || run.err().contains("IllegalStateException"), run.out() + run.err());
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
        Files.createSymbolicLink(images.resolve("loop.jpg"), Path.of("loop.jpg"));
        Path csv = dir.resolve("cases.csv");

        Run run = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> batch(FAKE, images.toString(), "--csv", csv.toString()));

        assertEquals(1, run.exit(), run.err());
        assertTrue(run.out().contains("8 images in " + images + ": 1 analysed"), run.out());
        assertTrue(run.out().contains("  loop.jpg: cannot be read (it is a symbolic link that leads back to itself, a link loop)"),
                run.out());
        assertFalse(run.out().contains("Exception"), run.out());
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

    /** A crash after a PDF was saved but before its row: the resumed run writes that PDF again, not a second one. */
    @Test
    void resumeAfterACrashBetweenPdfAndRowWritesNoSecondPdf() throws Exception {
        Path images = Files.createDirectories(dir.resolve("images"));
        SyntheticLesions.writeJpeg(images.resolve("x.jpg"), 300, 225, 1);
        Path pdfs = dir.resolve("pdf");
        assertEquals(0, batch(FAKE, images.toString(), "--csv", dir.resolve("a.csv").toString(), "--pdf-dir", pdfs.toString()).exit());
        // the row lost, as by a crash after the PDF's rename: a run with a log without it analyses x.jpg again
        Run again = batch(FAKE, images.toString(), "--csv", dir.resolve("b.csv").toString(), "--pdf-dir", pdfs.toString());
        assertEquals(0, again.exit(), again.err());
        assertEquals(List.of("x.pdf"), pdfNames(pdfs));
        // another image of the same name still gets a PDF of its own
        javax.imageio.ImageIO.write(SyntheticLesions.draw(300, 225, 2), "png", images.resolve("x.png").toFile());
        assertEquals(0, batch(FAKE, images.toString(), "--csv", dir.resolve("b.csv").toString(), "--pdf-dir", pdfs.toString()).exit());
        List<String> names = pdfNames(pdfs);
        assertEquals(2, names.size(), names.toString());
        assertTrue(names.contains("x.pdf") && names.stream().anyMatch(n -> n.matches("x-[0-9a-f]{8}\\.pdf")), names.toString());
    }

    private static List<String> pdfNames(Path pdfs) throws java.io.IOException {
        try (var s = Files.list(pdfs)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void removesUnfinishedPdfPartsAnInterruptedRunLeft() throws Exception {
        Path images = Files.createDirectories(dir.resolve("images"));
        SyntheticLesions.writeJpeg(images.resolve("x.jpg"), 300, 225, 1);
        Path pdfs = Files.createDirectories(dir.resolve("pdf"));
        Path stale = Files.createFile(pdfs.resolve(".report-123.pdf.part"));
        Files.setLastModifiedTime(stale, java.nio.file.attribute.FileTime.from(java.time.Instant.now().minus(Duration.ofHours(2))));
        Path fresh = Files.createFile(pdfs.resolve(".report-456.pdf.part")); // another run may be writing it now
        Run run = batch(FAKE, images.toString(), "--csv", dir.resolve("a.csv").toString(), "--pdf-dir", pdfs.toString());
        assertEquals(0, run.exit(), run.err());
        assertFalse(Files.exists(stale));
        assertTrue(Files.exists(fresh));
        assertTrue(run.err().contains("Removed 1 unfinished PDF file"), run.err());
    }

    /** Two batches over the same folder into the same log, at the same time: every image logged once. */
    @Test
    void twoBatchesOverTheSameFolderLogEachImageOnce() throws Exception {
        Path images = Files.createDirectories(dir.resolve("images"));
        for (int i = 0; i < 6; i++) {
            SyntheticLesions.writeJpeg(images.resolve("i" + i + ".jpg"), 200, 150, i);
        }
        Path csv = dir.resolve("cases.csv");
        CaseAnalyzer slow = (file, details) -> {
            java.util.concurrent.locks.LockSupport.parkNanos(40_000_000L);
            return FAKE.analyze(file, details);
        };
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var a = pool.submit(() -> batch(slow, images.toString(), "--csv", csv.toString()));
            var b = pool.submit(() -> batch(slow, images.toString(), "--csv", csv.toString()));
            assertEquals(0, a.get().exit(), a.get().err());
            assertEquals(0, b.get().exit(), b.get().err());
        } finally {
            pool.shutdown();
        }
        CaseLog.Contents log = CaseLog.read(csv);
        assertEquals(List.of(), log.problems());
        assertEquals(6, log.entries().size(), log.entries().stream().map(CaseLogEntry::caseId).toList().toString());
        assertEquals(6, log.imageHashes().size());
    }

    /** {@code --csv /dev/full} is refused at once (reading it never ends), before any image is analysed. */
    @Test
    void refusesADeviceOrAnUnwritableLogBeforeAnyWork() throws Exception {
        Path images = Files.createDirectories(dir.resolve("images"));
        SyntheticLesions.writeJpeg(images.resolve("x.jpg"), 120, 90, 1);
        java.util.concurrent.atomic.AtomicInteger analysed = new java.util.concurrent.atomic.AtomicInteger();
        CaseAnalyzer counting = (file, details) -> {
            analysed.incrementAndGet();
            return FAKE.analyze(file, details);
        };
        assumeTrue(Files.exists(Path.of("/dev/full")), "no /dev/full: test skipped");
        Run full = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> batch(counting, images.toString(), "--csv", "/dev/full"));
        assertEquals(2, full.exit(), full.err());
        assertTrue(full.err().contains("/dev/full is not a regular file"), full.err());

        Path blocker = Files.writeString(dir.resolve("blocker"), "a file where a folder should be");
        Run blocked = batch(counting, images.toString(), "--csv", blocker.resolve("cases.csv").toString());
        assertEquals(2, blocked.exit(), blocked.err());
        assertTrue(blocked.err().contains("the case log " + blocker.resolve("cases.csv") + " cannot be written"), blocked.err());
        Run pdfBlocked = batch(counting, images.toString(), "--csv", dir.resolve("ok.csv").toString(),
                "--pdf-dir", blocker.resolve("pdf").toString());
        assertEquals(2, pdfBlocked.exit(), pdfBlocked.err());
        assertTrue(pdfBlocked.err().contains("the PDF folder " + blocker.resolve("pdf") + " cannot be written"), pdfBlocked.err());
        assertEquals(0, analysed.get(), "no image analysed before the outputs were checked");
        assertFalse(Files.exists(dir.resolve("ok.csv")));
    }

    /**
     * A disk that fills up during the batch (a small tmpfs, filled by the second analysis): the batch stops with
     * one message naming the file and the rows saved, no stack trace. Needs root (mount); skipped otherwise.
     */
    @Test
    void stopsWithOneClearMessageWhenTheDiskFills() throws Exception {
        for (boolean pdfOnFullDisk : List.of(true, false)) {
            Path disk = Files.createDirectories(dir.resolve("disk-" + pdfOnFullDisk));
            assumeTrue(new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", disk.toString())
                    .redirectErrorStream(true).start().waitFor() == 0, "cannot mount a small tmpfs (not root): test skipped");
            try {
                Path images = Files.createDirectories(dir.resolve("images-" + pdfOnFullDisk));
                // a log's rows fill the disk page they are in before a new one is needed: enough images to need it
                for (int i = 0; i < (pdfOnFullDisk ? 5 : 16); i++) {
                    SyntheticLesions.writeJpeg(images.resolve(String.format("i%02d.jpg", i)), 200, 150, i);
                }
                java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
                CaseAnalyzer filling = (file, details) -> {
                    if (n.incrementAndGet() == 3) { // the disk fills while the batch runs
                        try (var out = Files.newOutputStream(disk.resolve("filler"))) {
                            byte[] block = new byte[64 * 1024];
                            while (true) {
                                out.write(block);
                            }
                        } catch (java.io.IOException full) {
                            // full now
                        }
                    }
                    return FAKE.analyze(file, details);
                };
                Path csv = pdfOnFullDisk ? dir.resolve("cases-" + pdfOnFullDisk + ".csv") : disk.resolve("cases.csv");
                Path pdfs = pdfOnFullDisk ? disk.resolve("pdf") : dir.resolve("pdf-" + pdfOnFullDisk);
                Run run = batch(filling, images.toString(), "--csv", csv.toString(), "--pdf-dir", pdfs.toString());
                assertEquals(2, run.exit(), run.err());
                String what = pdfOnFullDisk ? "stopped: the PDF summary i02.pdf could not be written in " + pdfs
                        : "stopped: the case log " + csv + " could not be written";
                assertTrue(run.err().contains(what + " (no space left on device)."), run.err());
                int saved = CaseLog.read(csv).entries().size();
                assertTrue(pdfOnFullDisk ? saved == 2 : saved >= 2 && saved < 16, saved + " rows");
                assertTrue(run.err().contains(saved + " rows were saved to " + csv + " in this run"), run.err());
                assertFalse(run.err().contains("Exception") || run.err().contains("\tat "), run.err());
                assertEquals(1, run.err().split("stopped:", -1).length - 1, "one message: " + run.err());
            } finally {
                new ProcessBuilder("umount", disk.toString()).start().waitFor();
            }
        }
    }

    @Test
    void aDeviceScaleGoesIntoTheCaseLogAndAnImageItCannotFitIsNamed() throws Exception {
        Path model = org.dermdesk.testsupport.SharedData.shippedModel(org.dermdesk.ml.ModelLocator.DEFAULT_MODEL);
        Path images = Files.createDirectories(dir.resolve("images"));
        org.dermdesk.testsupport.SyntheticRulers.writePng(images.resolve("a-lesion.png"), 25, 10, 7, false);
        SyntheticLesions.writeJpeg(images.resolve("b-tiny.jpg"), 120, 100, 3);
        Path csv = dir.resolve("cases.csv");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new CommandLine(new BatchCommand(null, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8))).execute(images.toString(), "--csv", csv.toString(),
                "--model", model.toString(), "--px-per-mm", "30");
        String said = out.toString(StandardCharsets.UTF_8);
        assertEquals(1, exit, said);
        assertTrue(said.contains("1 analysed") && said.contains("1 failed"), said);
        assertTrue(said.contains("  b-tiny.jpg: --px-per-mm 30 does not fit this 120x100 image: at this scale the picture"
                + " would be 4.0 mm across"), said);
        CaseLogEntry e = CaseLog.read(csv).entries().get(0);
        assertEquals("device_profile", e.measurements().scaleSource());
        assertEquals(30, e.measurements().scalePxPerMm(), 1e-9);
        assertEquals(250 / 30.0, e.measurements().diameterMm(), 0.4);
    }

    @Test
    void aBadDeviceScaleStopsBeforeAnyWork() throws Exception {
        Path images = Files.createDirectories(dir.resolve("images"));
        java.io.StringWriter err = new java.io.StringWriter();
        int exit = new CommandLine(new BatchCommand(FAKE, Map.of(), System.out, System.err))
                .setErr(new java.io.PrintWriter(err, true))
                .execute(images.toString(), "--csv", dir.resolve("cases.csv").toString(), "--px-per-mm", "-1");
        assertEquals(2, exit);
        assertTrue(err.toString().startsWith("--px-per-mm: '-1' is not a number of pixels per millimetre"), err.toString());
        assertFalse(Files.exists(dir.resolve("cases.csv")));
    }
}

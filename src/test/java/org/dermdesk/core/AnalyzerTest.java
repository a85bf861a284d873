package org.dermdesk.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shared pipeline applies digital hair removal only when it is wired in, and shows the original. */
class AnalyzerTest {

    private static final ModelInfo MODEL = new ModelInfo("test", "1", "0000");

    @TempDir
    Path dir;

    private final LesionImage original = new LesionImage("x", 4, 3, new byte[4 * 3 * 3]);
    private final LesionImage hairless = original.withPixels(filled(4 * 3 * 3, (byte) 200));
    private final QualityReport report = new QualityReport(Map.of(), null, false, List.of());
    private final List<LesionImage> classified = new ArrayList<>();

    /** Records what it was asked to classify; the probability tells the two images apart. */
    private final LesionClassifier classifier = new LesionClassifier() {
        @Override
        public ModelInfo info() {
            return MODEL;
        }

        @Override
        public double threshold() {
            return 0.5;
        }

        @Override
        public List<Prediction> predictBatch(List<LesionImage> images) {
            classified.addAll(images);
            return images.stream().map(i -> new Prediction(i == original ? 0.9 : 0.2, 0.5, Map.of(), MODEL)).toList();
        }

        @Override
        public void close() {
        }
    };

    private static byte[] filled(int n, byte v) {
        byte[] b = new byte[n];
        java.util.Arrays.fill(b, v);
        return b;
    }

    private Path file() throws Exception {
        return Files.write(dir.resolve("img.png"), new byte[] {1, 2, 3});
    }

    private Analyzer pipeline(QualityGate gate, HairRemoval removal) {
        return new Analyzer(f -> original, gate, removal, classifier);
    }

    @Test
    void withoutHairRemovalTheModelSeesTheImageAsRead() throws Exception {
        AnalysisResult r = pipeline(image -> report, null).analyze(file(), CaseDetails.none(), true);
        assertEquals(List.of(original), classified);
        assertSame(original, r.image());
        assertSame(original, r.classified());
        assertFalse(r.hairRemoved());
        assertFalse(r.hairStep(), "no hair removal is wired, so none ran although it was asked for");
        assertFalse(r.timingsMs().containsKey("hair_removal"));
        assertEquals(List.of("decode", "quality", "classify", "total"), List.copyOf(r.timingsMs().keySet()));
        assertEquals(0.9, r.prediction().pMalignant(), 1e-9);
    }

    @Test
    void withHairRemovalTheModelSeesTheCleanedImageAndTheOriginalIsKeptForDisplay() throws Exception {
        List<QualityReport> given = new ArrayList<>();
        HairRemoval removal = (image, quality) -> {
            assertSame(original, image);
            given.add(quality);
            return hairless;
        };
        Analyzer analyzer = pipeline(image -> report, removal);
        assertFalse(analyzer.analyze(file(), CaseDetails.none(), false).hairStep(), "only when asked for");
        classified.clear();
        AnalysisResult r = analyzer.analyze(file(), CaseDetails.none(), true);
        assertEquals(List.of(hairless), classified, "only the hair-removed image is classified");
        assertSame(original, r.image(), "the original stays the displayed image");
        assertSame(hairless, r.classified());
        assertTrue(r.hairRemoved());
        assertTrue(r.hairStep());
        assertEquals(List.of(report), given, "the step gets the gate's report (for its hair mask)");
        assertTrue(r.timingsMs().containsKey("hair_removal"), r.timingsMs().toString());
        assertEquals(0.2, r.prediction().pMalignant(), 1e-9);
        AnalysisResult forCase = CaseAnalyzer.of(analyzer, true).analyze(ImageFile.read(file()), CaseDetails.none());
        assertTrue(forCase.hairRemoved());
        assertSame(original, forCase.image());
        CaseRecord record = CaseRecord.of(java.time.Instant.EPOCH, "c", file(), forCase);
        assertTrue(record.hairRemoved(), "the flag reaches the PDF's record");
    }

    @Test
    void aStepThatFindsNoHairLeavesTheResultUnmarked() throws Exception {
        AnalysisResult r = pipeline(null, (image, quality) -> image).analyze(file(), CaseDetails.none(), true);
        assertFalse(r.hairRemoved());
        assertTrue(r.hairStep());
        assertTrue(r.timingsMs().containsKey("hair_removal"), "the step ran and was timed");
    }

    @Test
    void decodesAndChecksumsTheSameBytesReadOnce() throws Exception {
        Path f = file();
        List<byte[]> decoded = new ArrayList<>();
        ImageReader reader = new ImageReader() {
            @Override
            public LesionImage read(Path file) {
                throw new AssertionError("the pipeline must not read the file a second time");
            }

            @Override
            public LesionImage decode(ImageFile file) {
                decoded.add(file.bytes());
                return original;
            }
        };
        AnalysisResult r = new Analyzer(reader, null, null, classifier).analyze(f, CaseDetails.none(), false);
        assertEquals(1, decoded.size());
        assertEquals(Checksums.sha256(decoded.get(0)), r.sha256());
        assertEquals(Checksums.sha256(f), r.sha256());
    }

    @Test
    void thePatientAdjustmentFollowsTheDetailsAndReclassifyingKeepsThem() throws Exception {
        Analyzer analyzer = pipeline(image -> report, (image, quality) -> hairless).withClassifier(new AgeAware());
        CaseDetails aged = new CaseDetails(70, "female", "back", "");
        AnalysisResult r = analyzer.analyze(file(), aged, false);
        assertTrue(r.prediction().adjustedForPatient());
        assertEquals(0.9 + 0.05, r.prediction().pMalignant(), 1e-9);
        assertEquals(0.9, r.prediction().imagePMalignant(), 1e-9);
        AnalysisResult none = analyzer.forPatient(r, CaseDetails.none());
        assertFalse(none.prediction().adjustedForPatient());
        assertEquals(0.9, none.prediction().pMalignant(), 1e-9);
        AnalysisResult again = analyzer.reclassify(r, true, ProgressListener.NONE, Cancellation.none());
        assertTrue(again.hairRemoved());
        assertEquals(0.2 + 0.05, again.prediction().pMalignant(), 1e-9, "the details stay weighed");
        assertSame(r.quality(), again.quality());
        assertEquals(r.sha256(), again.sha256());
    }

    @Test
    void withoutAModelTheImageIsReadAndCheckedOnly() throws Exception {
        AnalysisResult r = new Analyzer(f -> original, image -> report, (image, quality) -> hairless, null)
                .analyze(file(), CaseDetails.none(), true);
        assertFalse(r.classifiedByModel());
        assertFalse(r.hairStep());
        assertSame(report, r.quality());
    }

    @Test
    void cancellationStopsBetweenSteps() throws Exception {
        Cancellation cancel = Cancellation.none();
        Analyzer analyzer = new Analyzer(f -> original, image -> {
            cancel.cancel();
            return report;
        }, null, classifier);
        org.junit.jupiter.api.Assertions.assertThrows(Cancellation.CancelledException.class,
                () -> analyzer.analyze(ImageFile.read(file()), CaseDetails.none(), false, ProgressListener.NONE, cancel));
        assertTrue(classified.isEmpty(), "the model was not called after cancelling");
    }

    /** Adds five points to the image's probability for a known age. */
    private final class AgeAware implements LesionClassifier {
        @Override
        public ModelInfo info() {
            return MODEL;
        }

        @Override
        public double threshold() {
            return 0.5;
        }

        @Override
        public List<Prediction> predictBatch(List<LesionImage> images) {
            return classifier.predictBatch(images);
        }

        @Override
        public Prediction forPatient(Prediction prediction, CaseDetails details) {
            Prediction image = prediction.imageOnly();
            return details.age() == null ? image : image.withPatientProbability(image.pMalignant() + 0.05);
        }

        @Override
        public void close() {
        }
    }
}

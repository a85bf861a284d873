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

    @Test
    void withoutHairRemovalTheModelSeesTheImageAsRead() throws Exception {
        AnalysisResult r = new Analyzer(f -> original, image -> report, classifier).analyze(file());
        assertEquals(List.of(original), classified);
        assertSame(original, r.image());
        assertSame(original, r.classified());
        assertFalse(r.hairRemoved());
        assertFalse(r.timingsMs().containsKey("hair_removal"));
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
        AnalysisResult r = new Analyzer(f -> original, image -> report, removal, classifier).analyze(file());
        assertEquals(List.of(hairless), classified, "only the hair-removed image is classified");
        assertSame(original, r.image(), "the original stays the displayed image");
        assertSame(hairless, r.classified());
        assertTrue(r.hairRemoved());
        assertEquals(List.of(report), given, "the step gets the gate's report (for its hair mask)");
        assertTrue(r.timingsMs().containsKey("hair_removal"), r.timingsMs().toString());
        assertEquals(0.2, r.prediction().pMalignant(), 1e-9);
        assertTrue(r.withPrediction(r.prediction().atThreshold(0.1)).hairRemoved(), "an adjusted result keeps the flag");
        AnalyzedImage forCase = CaseAnalyzer.of(new Analyzer(f -> original, image -> report, removal, classifier))
                .analyze(file(), CaseDetails.none());
        assertTrue(forCase.hairRemoved());
        assertSame(original, forCase.image());
        CaseRecord record = CaseRecord.of(java.time.Instant.EPOCH, "c", file(), "0".repeat(64), CaseDetails.none(), forCase);
        assertTrue(record.hairRemoved(), "the flag reaches the PDF's record");
    }

    @Test
    void aStepThatFindsNoHairLeavesTheResultUnmarked() throws Exception {
        AnalysisResult r = new Analyzer(f -> original, null, (image, quality) -> image, classifier).analyze(file());
        assertFalse(r.hairRemoved());
        assertTrue(r.timingsMs().containsKey("hair_removal"), "the step ran and was timed");
    }
}

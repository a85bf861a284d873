package org.dermdesk.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.dermdesk.core.CaseDetails;
import org.dermdesk.core.Prediction;
import org.dermdesk.imaging.ImageLoader;
import org.dermdesk.testsupport.SharedData;
import org.dermdesk.testsupport.SyntheticLesions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trains a few steps on a handful of real images: the training code works end to end and resumes. */
class ModelTrainerTest {

    @TempDir
    Path tmp;

    @Test
    void trainsWritesACompleteModelFolderAndTheFolderClassifies() throws Exception {
        Path data = SharedData.dir();
        Path modelDir = tmp.resolve("tiny");
        TrainingOptions options = TrainingOptions.seedModel().withEpochs(1).withMaxImages(160);
        ModelCard card = new ModelTrainer(options, ImageLoader::load).train(data, modelDir, (f, m) -> { });

        assertEquals(684_225, card.parameters(), "the seed's exact parameter count");
        assertTrue(Files.isRegularFile(modelDir.resolve("split.csv")));
        assertTrue(card.temperature() > 0);
        assertTrue(card.metrics().containsKey("test"));

        try (DjlLesionClassifier classifier = DjlLesionClassifier.open(modelDir)) {
            Prediction p = classifier.predict(ImageLoader.load(SyntheticLesions.writeJpeg(tmp.resolve("l.jpg"), 300, 200, 1)));
            assertTrue(p.pMalignant() >= 0 && p.pMalignant() <= 1);
            assertEquals(card.threshold(), p.threshold());
            assertEquals(card.weightsSha256(), p.model().sha256());
        }

        // a second run with more epochs resumes from the checkpoint instead of starting again
        ModelCard resumed = new ModelTrainer(options.withEpochs(2), ImageLoader::load).train(data, modelDir, (f, m) -> { });
        assertEquals(2, resumed.training().get("epochs_run"));
    }

    @Test
    void trainsTheMultiTaskNetworkWithBothHeadsCompared() throws Exception {
        Path modelDir = tmp.resolve("multi");
        TrainingOptions options = TrainingOptions.resnetLite().withEpochs(1).withMaxImages(200);
        ModelCard card = new ModelTrainer(options, ImageLoader::load).train(SharedData.dir(), modelDir, (f, m) -> { });
        assertTrue(card.output().startsWith("seven_way"), card.output());
        assertTrue(card.metrics().keySet().stream().anyMatch(k -> k.startsWith("test_alternative_head_")), "the other head is reported");
        assertTrue(card.metrics().containsKey("test_seven_class_ham10000"));
        assertTrue(card.metrics().containsKey(card.flipAveraging() ? "test_without_flip_averaging" : "test_with_flip_averaging"),
                "both ways of reading the network are reported");
        assertTrue(card.metrics().containsKey("test_with_age_and_sex"));
        assertNotNull(card.metadataFusion(), "age and sex adjustment fitted on validation");
        try (DjlLesionClassifier classifier = DjlLesionClassifier.open(modelDir)) {
            Prediction p = classifier.predict(ImageLoader.load(SyntheticLesions.writeJpeg(tmp.resolve("m.jpg"), 300, 200, 2)));
            assertEquals(7, p.diagnoses().size());
            double sum = p.diagnoses().values().stream().mapToDouble(Double::doubleValue).sum();
            assertEquals(1.0, sum, 1e-6);
            Prediction older = classifier.forPatient(p, new CaseDetails(80, "male", null, null));
            assertTrue(older.adjustedForPatient());
            assertEquals(p.pMalignant(), older.imagePMalignant(), 1e-12);
            assertFalse(classifier.forPatient(older, CaseDetails.none()).adjustedForPatient(), "no age, image only");
        }
    }

    @Test
    void refusesWeightsThatDoNotMatchTheCard() throws Exception {
        Path shipped = SharedData.shippedModel(ModelLocator.DEFAULT_MODEL);
        Path copy = tmp.resolve("copy");
        Files.createDirectories(copy);
        ModelCard card = ModelCard.read(shipped);
        Files.copy(shipped.resolve(ModelCard.FILE_NAME), copy.resolve(ModelCard.FILE_NAME));
        Files.copy(shipped.resolve(card.weightsFile()), copy.resolve(card.weightsFile()));
        Files.write(copy.resolve(card.weightsFile()), new byte[] {1}, StandardOpenOption.APPEND);
        ModelLoadException e = assertThrows(ModelLoadException.class, () -> DjlLesionClassifier.open(copy));
        assertTrue(e.getMessage().contains("checksum"), e.getMessage());
    }
}

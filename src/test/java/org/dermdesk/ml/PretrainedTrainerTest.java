package org.dermdesk.ml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import org.dermdesk.core.ImageReader;
import org.dermdesk.core.LesionImage;
import org.dermdesk.core.ProgressListener;
import org.dermdesk.testsupport.SharedData;
import org.dermdesk.testsupport.TestImageReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A few steps of the pretrained recipe on a handful of real images: the written model is the one that was trained. */
class PretrainedTrainerTest {

    /** Development images of any size (the app's loader refuses the 84 px ones). */
    private static final ImageReader READER = new TestImageReader();

    @Test
    void writesAModelWhoseLogitsAreTheTrainedHeadsOnTheCachedFeatures(@TempDir Path dir) throws Exception {
        Path data = SharedData.dir();
        PretrainedRecipe recipe = PretrainedRecipe.shipped().withMaxImages(160).withEpochs(2);
        PretrainedTrainer trainer = new PretrainedTrainer(recipe, READER);
        ModelCard card = trainer.train(data, dir, ProgressListener.NONE);

        assertEquals(PretrainedRecipe.ARCHITECTURE, card.architecture());
        assertTrue(card.threshold() > 0 && card.threshold() < 1, "threshold " + card.threshold());
        assertTrue(card.metrics().containsKey("test_ham10000"), card.metrics().keySet().toString());
        assertTrue(card.metrics().containsKey("leave_one_source_out"));

        // the cache is reused, not recomputed
        Path chunk = dir.resolve("checkpoint/features-" + recipe.inputSize() + "/chunk-00000.bin");
        FileTime written = Files.getLastModifiedTime(chunk);
        PretrainedTrainer.Data cached = trainer.prepare(data, dir, ProgressListener.NONE);
        assertEquals(written, Files.getLastModifiedTime(chunk));

        // the app's classifier, from pixels, gives the head's logits on the training-time plain features
        int image = cached.indices(Split.TEST).get(0);
        byte[] head = Files.readAllBytes(dir.resolve("checkpoint/head/best.params"));
        float[] expected = new FeatureHeadTrainer(recipe, cached).logits(head, new int[] {image})[0];
        try (DjlLesionClassifier classifier = DjlLesionClassifier.open(dir)) {
            LesionImage pixels = READER.read(cached.images().get(image).file());
            float[] actual = classifier.logits(List.of(pixels)).get(0);
            assertArrayEquals(expected, actual, 1e-3f);
        }
        Map<String, Object> loso = cast(card.metrics().get("leave_one_source_out"));
        assertTrue(!loso.isEmpty(), "no leave-one-source-out result");
    }

    @Test
    void fineTunedModelGivesTheTailNetworksLogitsFromPixels(@TempDir Path dir) throws Exception {
        Path data = SharedData.dir();
        PretrainedRecipe recipe = PretrainedRecipe.shipped().withMaxImages(120).withEpochs(1).withFineTuneEpochs(1);
        PretrainedTrainer trainer = new PretrainedTrainer(recipe, READER);
        ModelCard card = trainer.train(data, dir, ProgressListener.NONE);
        assertTrue(card.training().get("backbone_training").toString().contains("fine-tuned"), card.training().toString());

        PretrainedTrainer.Data rows = trainer.tailRows(trainer.prepare(data, dir, ProgressListener.NONE), dir, ProgressListener.NONE);
        int image = rows.indices(Split.TEST).get(0);
        byte[] tail = Files.readAllBytes(dir.resolve("checkpoint/fine-tune/best.params"));
        float[] expected = new FeatureHeadTrainer(recipe, rows, () -> new TailNetwork(recipe.inputSize()), 1e-4f, null)
                .logits(tail, new int[] {image})[0];
        try (DjlLesionClassifier classifier = DjlLesionClassifier.open(dir)) {
            float[] actual = classifier.logits(List.of(READER.read(rows.images().get(image).file()))).get(0);
            // cached maps come from batches of 32, the app runs one image: convolution sums differ in the last bits
            assertArrayEquals(expected, actual, 5e-3f);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object o) {
        return (Map<String, Object>) o;
    }
}

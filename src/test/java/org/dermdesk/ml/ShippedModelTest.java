package org.dermdesk.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dermdesk.core.LesionImage;
import org.dermdesk.core.Prediction;
import org.dermdesk.imaging.ImageLoader;
import org.dermdesk.testsupport.SharedData;
import org.junit.jupiter.api.Test;

/** The committed model reproduces its model card's test metrics from its own split.csv. */
class ShippedModelTest {

    @Test
    void reproducesTheModelCardTestMetrics() throws Exception {
        Path data = SharedData.dir();
        Path modelDir = SharedData.shippedModel(ModelLocator.DEFAULT_MODEL);
        Map<String, Split> split = DataSplitter.read(modelDir.resolve("split.csv"));
        List<LabeledImage> test = new ArrayList<>();
        for (LabeledImage img : DatasetIndex.load(data)) {
            if (split.get(img.imageId()) == Split.TEST) {
                test.add(img);
            }
        }
        try (DjlLesionClassifier classifier = DjlLesionClassifier.open(modelDir)) {
            double[] p = new double[test.size()];
            boolean[] y = new boolean[test.size()];
            for (int from = 0; from < test.size(); from += 128) {
                List<LesionImage> batch = new ArrayList<>();
                for (int i = from; i < Math.min(test.size(), from + 128); i++) {
                    batch.add(ImageLoader.load(test.get(i).file()));
                    y[i] = test.get(i).malignant();
                }
                List<Prediction> predictions = classifier.predictBatch(batch);
                for (int k = 0; k < predictions.size(); k++) {
                    p[from + k] = predictions.get(k).pMalignant();
                }
            }
            BinaryMetrics measured = BinaryMetrics.of(p, y, classifier.threshold());
            Map<String, Object> card = classifier.card().metrics().get("test");
            assertEquals(((Number) card.get("n")).intValue(), measured.n());
            assertEquals(((Number) card.get("auc")).doubleValue(), measured.auc(), 0.002);
            assertEquals(((Number) card.get("sensitivity")).doubleValue(), measured.sensitivity(), 0.005);
            assertEquals(((Number) card.get("specificity")).doubleValue(), measured.specificity(), 0.005);
        }
    }
}

package org.dermdesk.ml;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dermdesk.core.Diagnosis;
import org.dermdesk.core.PatientSex;

/**
 * Turns a trained network's validation and test logits into a calibrated model: chooses the
 * malignancy head that discriminates best on validation, fits its Platt calibration and the operating
 * threshold there, then measures everything on test (overall, by source, sex and age band).
 */
record ModelEvaluation(MalignancyHead head, PlattScaling calibration, Double diagnosisTemperature, MetadataFusion fusion,
                       double threshold, Map<String, Map<String, Object>> metrics) {

    static ModelEvaluation calibrateAndMeasure(TrainingObjective objective, ImageCache validation, float[][] valLogits,
                                               ImageCache test, float[][] testLogits, double targetSensitivity) {
        boolean[] yVal = ModelTrainer.labels(validation);
        boolean[] yTest = ModelTrainer.labels(test);
        MalignancyHead best = null;
        double bestAuc = -1;
        Map<MalignancyHead, Double> valAuc = new LinkedHashMap<>();
        for (MalignancyHead h : objective.heads()) {
            double auc = BinaryMetrics.auc(h.scores(valLogits), yVal);
            valAuc.put(h, auc);
            if (auc > bestAuc) {
                bestAuc = auc;
                best = h;
            }
        }
        MalignancyHead head = best;
        PlattScaling calibration = PlattScaling.fit(head.scores(valLogits), yVal);
        double[] pVal = head.probabilities(valLogits, calibration);
        MetadataFusion fusion = MetadataFusion.fit(pVal, ages(validation.images()), sexes(validation.images()), yVal);
        double[] pValFused = adjusted(fusion, validation.images(), pVal);
        // one threshold on a calibrated probability, safe whether or not age and sex are known
        double threshold = Math.min(BinaryMetrics.thresholdForSensitivity(pVal, yVal, targetSensitivity),
                BinaryMetrics.thresholdForSensitivity(pValFused, yVal, targetSensitivity));
        Double dxTemperature = head == MalignancyHead.BINARY ? null : fitDiagnosisTemperature(validation.images(), valLogits);

        Map<String, Map<String, Object>> metrics = new LinkedHashMap<>();
        metrics.put("validation", BinaryMetrics.of(pVal, yVal, threshold).asMap());
        double[] pTest = head.probabilities(testLogits, calibration);
        Map<String, Object> testMetrics = BinaryMetrics.of(pTest, yTest, threshold).asMap();
        testMetrics.put("ece_15_bins_uncalibrated",
                BinaryMetrics.round(BinaryMetrics.expectedCalibrationError(head.probabilities(testLogits, PlattScaling.IDENTITY), yTest, BinaryMetrics.ECE_BINS)));
        metrics.put("test", testMetrics);
        for (DataSource source : DataSource.values()) {
            SubsetMetrics.of(test.images(), pTest, threshold, img -> img.source() == source).ifPresent(m -> metrics.put("test_" + source.key(), m));
        }
        Map<String, Object> subgroups = new LinkedHashMap<>();
        for (String sex : new String[] {"female", "male", ""}) {
            SubsetMetrics.of(test.images(), pTest, threshold, img -> img.sex().equals(sex))
                    .ifPresent(m -> subgroups.put("sex=" + (sex.isEmpty() ? "unknown" : sex), brief(m)));
        }
        int[][] bands = {{0, 29}, {30, 49}, {50, 69}, {70, 200}};
        for (int[] band : bands) {
            SubsetMetrics.of(test.images(), pTest, threshold, img -> img.age() != null && img.age() >= band[0] && img.age() <= band[1])
                    .ifPresent(m -> subgroups.put("age " + band[0] + "-" + (band[1] > 120 ? "" : band[1]), brief(m)));
        }
        metrics.put("test_subgroups", subgroups);
        metrics.put("validation_with_age_and_sex", BinaryMetrics.of(pValFused, yVal, threshold).asMap());
        double[] pTestFused = adjusted(fusion, test.images(), pTest);
        Map<String, Object> fused = BinaryMetrics.of(pTestFused, yTest, threshold).asMap();
        for (DataSource source : DataSource.values()) {
            SubsetMetrics.of(test.images(), pTestFused, threshold, img -> img.source() == source).ifPresent(m -> fused.put(source.key(), brief(m)));
        }
        fused.put("note", "images without a known age keep their image-only probability");
        metrics.put("test_with_age_and_sex", fused);
        for (MalignancyHead other : objective.heads()) {
            if (other != head) {
                PlattScaling c = PlattScaling.fit(other.scores(valLogits), yVal);
                double th = BinaryMetrics.thresholdForSensitivity(other.probabilities(valLogits, c), yVal, targetSensitivity);
                Map<String, Object> m = BinaryMetrics.of(other.probabilities(testLogits, c), yTest, th).asMap();
                m.put("validation_auc", BinaryMetrics.round(valAuc.get(other)));
                metrics.put("test_alternative_head_" + other.output(), m);
            }
        }
        if (dxTemperature != null) {
            metrics.put("test_seven_class_ham10000", sevenClass(test.images(), testLogits));
        }
        return new ModelEvaluation(head, calibration, dxTemperature, fusion, threshold, metrics);
    }

    static Integer[] ages(List<LabeledImage> cache) {
        Integer[] out = new Integer[cache.size()];
        for (int i = 0; i < out.length; i++) out[i] = cache.get(i).age();
        return out;
    }

    static PatientSex[] sexes(List<LabeledImage> cache) {
        PatientSex[] out = new PatientSex[cache.size()];
        for (int i = 0; i < out.length; i++) out[i] = PatientSex.parse(cache.get(i).sex());
        return out;
    }

    static double[] adjusted(MetadataFusion fusion, List<LabeledImage> cache, double[] pImage) {
        double[] out = new double[pImage.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = fusion.apply(pImage[i], cache.get(i).age(), PatientSex.parse(cache.get(i).sex()));
        }
        return out;
    }

    double validationAuc() {
        return ((Number) metrics.get("validation").get("auc")).doubleValue();
    }

    static Map<String, Object> brief(Map<String, Object> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String k : new String[] {"n", "malignant", "auc", "sensitivity", "specificity"}) {
            out.put(k, m.get(k));
        }
        return out;
    }

    static double fitDiagnosisTemperature(List<LabeledImage> cache, float[][] logits) {
        int n = 0;
        for (int i = 0; i < cache.size(); i++) if (cache.get(i).diagnosis() != null) n++;
        float[][] rows = new float[n][];
        int[] dx = new int[n];
        int k = 0;
        for (int i = 0; i < cache.size(); i++) {
            if (cache.get(i).diagnosis() != null) {
                rows[k] = logits[i];
                dx[k++] = cache.get(i).diagnosis().ordinal();
            }
        }
        return Calibration.fitDiagnosisTemperature(rows, dx);
    }

    /** Balanced accuracy (mean per-class recall) of the argmax diagnosis on HAM10000 test images. */
    static Map<String, Object> sevenClass(List<LabeledImage> test, float[][] logits) {
        int[] total = new int[7];
        int[] correct = new int[7];
        for (int i = 0; i < test.size(); i++) {
            Diagnosis truth = test.get(i).diagnosis();
            if (truth == null) continue;
            float[] dx = Arrays.copyOf(logits[i], 7);
            int argmax = 0;
            for (int c = 1; c < 7; c++) if (dx[c] > dx[argmax]) argmax = c;
            total[truth.ordinal()]++;
            if (argmax == truth.ordinal()) correct[truth.ordinal()]++;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, Object> recall = new LinkedHashMap<>();
        double sum = 0;
        int classes = 0;
        int n = 0;
        int hits = 0;
        for (Diagnosis d : Diagnosis.values()) {
            if (total[d.ordinal()] > 0) {
                double r = (double) correct[d.ordinal()] / total[d.ordinal()];
                recall.put(d.code(), BinaryMetrics.round(r));
                sum += r;
                classes++;
                n += total[d.ordinal()];
                hits += correct[d.ordinal()];
            }
        }
        out.put("n", n);
        out.put("balanced_accuracy", BinaryMetrics.round(sum / Math.max(1, classes)));
        out.put("accuracy", BinaryMetrics.round((double) hits / Math.max(1, n)));
        out.put("recall_by_class", recall);
        return out;
    }
}

package org.dermdesk.ml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.dermdesk.core.PatientSex;

/**
 * Calibrates the pretrained classifier on validation and measures it on test, by source and subgroup.
 * The probability is calibrated (Platt scaling of the malignancy logit) on HAM10000's validation part, so
 * that it means what it says at HAM10000's prevalence; the threshold is the highest that keeps 95%
 * sensitivity on both HAM10000's and all sources' validation images, with and without age and sex.
 */
record PretrainedEvaluation(PlattScaling calibration, double diagnosisTemperature, MetadataFusion fusion, double threshold,
                            Map<String, Map<String, Object>> metrics) {

    static final double TARGET_SENSITIVITY = 0.95;
    /** Age and sex are used only when they add at least this much validation AUC. */
    static final double MIN_FUSION_GAIN = 0.003;

    static PretrainedEvaluation of(List<LabeledImage> validation, float[][] valLogits, List<LabeledImage> test, float[][] testLogits) {
        Predicate<LabeledImage> ham = img -> img.source() == DataSource.HAM10000;
        List<Integer> hamVal = members(validation, ham);
        PlattScaling calibration = PlattScaling.fit(scores(valLogits, hamVal), labels(validation, hamVal));
        double[] pVal = probabilities(valLogits, calibration);
        boolean[] yVal = labels(validation, all(validation));
        MetadataFusion fitted = MetadataFusion.fit(pick(pVal, hamVal), pick(ModelEvaluation.ages(validation), hamVal),
                pick(ModelEvaluation.sexes(validation), hamVal), labels(validation, hamVal));
        double[] pValFused = ModelEvaluation.adjusted(fitted, validation, pVal);
        double gain = BinaryMetrics.auc(pValFused, yVal) - BinaryMetrics.auc(pVal, yVal);
        MetadataFusion fusion = gain >= MIN_FUSION_GAIN ? fitted : null;
        double threshold = Math.min(BinaryMetrics.thresholdForSensitivity(pVal, yVal, TARGET_SENSITIVITY),
                BinaryMetrics.thresholdForSensitivity(pick(pVal, hamVal), labels(validation, hamVal), TARGET_SENSITIVITY));
        if (fusion != null) {
            threshold = Math.min(threshold, BinaryMetrics.thresholdForSensitivity(pValFused, yVal, TARGET_SENSITIVITY));
        }
        double dxTemperature = ModelEvaluation.fitDiagnosisTemperature(validation, valLogits);

        Map<String, Map<String, Object>> metrics = new LinkedHashMap<>();
        metrics.put("validation", BinaryMetrics.of(pVal, yVal, threshold).asMap());
        metrics.get("validation").put("auc_gain_with_age_and_sex", BinaryMetrics.round(gain));
        double[] pTest = probabilities(testLogits, calibration);
        metrics.put("test", BinaryMetrics.of(pTest, labels(test, all(test)), threshold).asMap());
        for (DataSource source : DataSource.values()) {
            SubsetMetrics.of(test, pTest, threshold, img -> img.source() == source).ifPresent(m -> metrics.put("test_" + source.key(), m));
        }
        metrics.put("test_subgroups", subgroups(test, pTest, threshold));
        if (fusion != null) {
            double[] pTestFused = ModelEvaluation.adjusted(fusion, test, pTest);
            Map<String, Object> fused = BinaryMetrics.of(pTestFused, labels(test, all(test)), threshold).asMap();
            for (DataSource source : DataSource.values()) {
                SubsetMetrics.of(test, pTestFused, threshold, img -> img.source() == source).ifPresent(m -> fused.put(source.key(), ModelEvaluation.brief(m)));
            }
            metrics.put("test_with_age_and_sex", fused);
        }
        metrics.put("test_seven_class_ham10000", ModelEvaluation.sevenClass(members(test, ham).stream().map(test::get).toList(),
                members(test, ham).stream().map(i -> testLogits[i]).toArray(float[][]::new)));
        return new PretrainedEvaluation(calibration, dxTemperature, fusion, threshold, metrics);
    }

    /** Sensitivity and specificity by sex, age band, skin tone and acral site, so a collapse in one group shows. */
    static Map<String, Object> subgroups(List<LabeledImage> images, double[] p, double threshold) {
        Map<String, Predicate<LabeledImage>> groups = new LinkedHashMap<>();
        for (String sex : new String[] {"female", "male", ""}) {
            groups.put("sex=" + (sex.isEmpty() ? "unknown" : sex), img -> img.sex().equals(sex));
        }
        int[][] bands = {{0, 29}, {30, 49}, {50, 69}, {70, 200}};
        for (int[] band : bands) {
            groups.put("age " + band[0] + (band[1] > 120 ? "+" : "-" + band[1]),
                    img -> img.age() != null && img.age() >= band[0] && img.age() <= band[1]);
        }
        groups.put("age unknown", img -> img.age() == null);
        for (int tone = 0; tone <= 5; tone++) {
            int t = tone;
            groups.put("skin tone " + tone + " (MILK10k)", img -> img.skinTone() != null && img.skinTone() == t);
        }
        groups.put("acral site", LabeledImage::acralSite);
        groups.put("non-acral site", img -> !img.acralSite());
        Map<String, Object> out = new LinkedHashMap<>();
        groups.forEach((name, member) -> SubsetMetrics.of(images, p, threshold, member)
                .ifPresent(m -> out.put(name, ModelEvaluation.brief(m))));
        return out;
    }

    static double[] scores(float[][] logits, List<Integer> rows) {
        return rows.stream().mapToDouble(i -> logits[i][7]).toArray();
    }

    static double[] probabilities(float[][] logits, PlattScaling calibration) {
        double[] p = new double[logits.length];
        for (int i = 0; i < p.length; i++) p[i] = calibration.apply(logits[i][7]);
        return p;
    }

    static boolean[] labels(List<LabeledImage> images, List<Integer> rows) {
        boolean[] y = new boolean[rows.size()];
        for (int k = 0; k < y.length; k++) y[k] = images.get(rows.get(k)).malignant();
        return y;
    }

    static List<Integer> members(List<LabeledImage> images, Predicate<LabeledImage> member) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) if (member.test(images.get(i))) out.add(i);
        return out;
    }

    private static List<Integer> all(List<LabeledImage> images) {
        return members(images, img -> true);
    }

    private static double[] pick(double[] v, List<Integer> rows) {
        return rows.stream().mapToDouble(i -> v[i]).toArray();
    }

    private static Integer[] pick(Integer[] v, List<Integer> rows) {
        return rows.stream().map(i -> v[i]).toArray(Integer[]::new);
    }

    private static PatientSex[] pick(PatientSex[] v, List<Integer> rows) {
        return rows.stream().map(i -> v[i]).toArray(PatientSex[]::new);
    }
}

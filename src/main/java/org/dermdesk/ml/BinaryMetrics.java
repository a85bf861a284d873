package org.dermdesk.ml;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Malignant-vs-benign metrics of probabilities against labels, at an operating threshold.
 * AUC is the Mann-Whitney statistic (ties count one half).
 */
public record BinaryMetrics(int n, int positives, double auc, double threshold, int tp, int fp, int tn, int fn,
                            double specificityAt95Sensitivity, double ece) {

    public static final int ECE_BINS = 15;

    public static BinaryMetrics of(double[] p, boolean[] malignant, double threshold) {
        int tp = 0, fp = 0, tn = 0, fn = 0, pos = 0;
        for (int i = 0; i < p.length; i++) {
            boolean called = p[i] >= threshold;
            if (malignant[i]) {
                pos++;
                if (called) tp++; else fn++;
            } else {
                if (called) fp++; else tn++;
            }
        }
        return new BinaryMetrics(p.length, pos, auc(p, malignant), threshold, tp, fp, tn, fn,
                specificityAtSensitivity(p, malignant, 0.95), expectedCalibrationError(p, malignant, ECE_BINS));
    }

    public double sensitivity() {
        return tp + fn == 0 ? Double.NaN : (double) tp / (tp + fn);
    }

    public double specificity() {
        return tn + fp == 0 ? Double.NaN : (double) tn / (tn + fp);
    }

    public double balancedAccuracy() {
        return (sensitivity() + specificity()) / 2;
    }

    public double accuracy() {
        return (double) (tp + tn) / n;
    }

    /** The figures as an ordered map, for JSON and the model card (rounded to 4 decimals). */
    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("n", n);
        m.put("malignant", positives);
        m.put("auc", round(auc));
        m.put("threshold", round(threshold));
        m.put("sensitivity", round(sensitivity()));
        m.put("specificity", round(specificity()));
        m.put("balanced_accuracy", round(balancedAccuracy()));
        m.put("accuracy", round(accuracy()));
        m.put("specificity_at_95_sensitivity", round(specificityAt95Sensitivity));
        m.put("ece_15_bins", round(ece));
        m.put("confusion_matrix", Map.of("tp", tp, "fp", fp, "tn", tn, "fn", fn));
        return m;
    }

    static double round(double v) {
        return Double.isNaN(v) ? Double.NaN : Math.round(v * 10000) / 10000.0;
    }

    public static double auc(double[] p, boolean[] y) {
        Integer[] order = sortedIndices(p);
        double rankSumPos = 0;
        int pos = 0;
        int i = 0;
        while (i < order.length) {
            int j = i;
            while (j + 1 < order.length && p[order[j + 1]] == p[order[i]]) {
                j++;
            }
            double avgRank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (y[order[k]]) {
                    rankSumPos += avgRank;
                    pos++;
                }
            }
            i = j + 1;
        }
        int neg = p.length - pos;
        if (pos == 0 || neg == 0) {
            return Double.NaN;
        }
        return (rankSumPos - pos * (pos + 1) / 2.0) / ((double) pos * neg);
    }

    /**
     * The highest threshold whose sensitivity is at least {@code target}: the operating point that
     * misses as few cancers as asked while sending as few benign lesions to biopsy as possible.
     */
    public static double thresholdForSensitivity(double[] p, boolean[] y, double target) {
        double[] positives = Arrays.stream(indices(y, true)).mapToDouble(i -> p[i]).sorted().toArray();
        if (positives.length == 0) {
            return 0.5;
        }
        int allowedMisses = (int) Math.floor(positives.length * (1 - target) + 1e-9);
        // a saturated probability (exactly 0 or 1, after calibration on a few images) would make a threshold no model
        // card accepts; the nearest value inside (0, 1) keeps the same calls but for probabilities of exactly 0
        double t = positives[Math.min(allowedMisses, positives.length - 1)];
        return Math.max(Double.MIN_VALUE, Math.min(t, Math.nextDown(1.0)));
    }

    public static double specificityAtSensitivity(double[] p, boolean[] y, double target) {
        double t = thresholdForSensitivity(p, y, target);
        int tn = 0, neg = 0;
        for (int i = 0; i < p.length; i++) {
            if (!y[i]) {
                neg++;
                if (p[i] < t) tn++;
            }
        }
        return neg == 0 ? Double.NaN : (double) tn / neg;
    }

    /** Weighted mean |accuracy - confidence| over equal-width bins of the malignant probability. */
    public static double expectedCalibrationError(double[] p, boolean[] y, int bins) {
        double[] sumP = new double[bins];
        int[] count = new int[bins];
        int[] hits = new int[bins];
        for (int i = 0; i < p.length; i++) {
            int b = Math.min(bins - 1, (int) (p[i] * bins));
            sumP[b] += p[i];
            count[b]++;
            if (y[i]) hits[b]++;
        }
        double ece = 0;
        for (int b = 0; b < bins; b++) {
            if (count[b] > 0) {
                ece += Math.abs((double) hits[b] / count[b] - sumP[b] / count[b]) * count[b] / p.length;
            }
        }
        return ece;
    }

    /** ROC curve points (false positive rate, true positive rate) from the highest threshold down. */
    public static List<double[]> rocCurve(double[] p, boolean[] y) {
        Integer[] order = sortedIndices(p);
        int pos = indices(y, true).length;
        int neg = p.length - pos;
        List<double[]> pts = new ArrayList<>();
        pts.add(new double[] {0, 0});
        int tp = 0, fp = 0;
        for (int k = order.length - 1; k >= 0; k--) {
            if (y[order[k]]) tp++; else fp++;
            if (k == 0 || p[order[k - 1]] != p[order[k]]) {
                pts.add(new double[] {neg == 0 ? 0 : (double) fp / neg, pos == 0 ? 0 : (double) tp / pos});
            }
        }
        return pts;
    }

    /** Reliability diagram data: per bin {mean predicted, observed fraction, count}. */
    public static double[][] reliability(double[] p, boolean[] y, int bins) {
        double[][] out = new double[bins][3];
        for (int i = 0; i < p.length; i++) {
            int b = Math.min(bins - 1, (int) (p[i] * bins));
            out[b][0] += p[i];
            out[b][1] += y[i] ? 1 : 0;
            out[b][2]++;
        }
        for (double[] bin : out) {
            if (bin[2] > 0) {
                bin[0] /= bin[2];
                bin[1] /= bin[2];
            }
        }
        return out;
    }

    private static Integer[] sortedIndices(double[] p) {
        Integer[] order = new Integer[p.length];
        for (int i = 0; i < p.length; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Double.compare(p[a], p[b]));
        return order;
    }

    private static int[] indices(boolean[] y, boolean value) {
        int[] out = new int[y.length];
        int n = 0;
        for (int i = 0; i < y.length; i++) {
            if (y[i] == value) out[n++] = i;
        }
        return Arrays.copyOf(out, n);
    }
}

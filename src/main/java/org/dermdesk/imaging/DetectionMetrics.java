package org.dermdesk.imaging;

import java.util.Arrays;

/** Precision, recall, F1 at a threshold and ROC AUC of a score against 0/1 labels (plain Java). */
public record DetectionMetrics(int n, int positives, double threshold, double precision, double recall,
                            double f1, double auc) {

    static DetectionMetrics at(double[] score, boolean[] label, double threshold) {
        int tp = 0, fp = 0, fn = 0, pos = 0;
        for (int i = 0; i < score.length; i++) {
            boolean pred = score[i] >= threshold;
            if (label[i]) pos++;
            if (pred && label[i]) tp++;
            else if (pred) fp++;
            else if (label[i]) fn++;
        }
        double p = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
        double r = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
        double f1 = p + r == 0 ? 0 : 2 * p * r / (p + r);
        return new DetectionMetrics(score.length, pos, threshold, p, r, f1, auc(score, label));
    }

    /** The threshold among the observed scores that maximises F1 (ties: the lowest such threshold). */
    static double bestF1Threshold(double[] score, boolean[] label) {
        double[] candidates = Arrays.stream(score).distinct().sorted().toArray();
        double best = Double.POSITIVE_INFINITY;
        double bestF1 = -1;
        for (double t : candidates) {
            if (t <= 0) continue;
            double f1 = at(score, label, t).f1;
            if (f1 > bestF1) {
                bestF1 = f1;
                best = t;
            }
        }
        return best;
    }

    /** ROC AUC by the rank-sum (Mann-Whitney) formula, ties counted half; NaN with one class only. */
    static double auc(double[] score, boolean[] label) {
        int n = score.length;
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) idx[i] = i;
        Arrays.sort(idx, (a, b) -> Double.compare(score[a], score[b]));
        double[] rank = new double[n];
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && score[idx[j + 1]] == score[idx[i]]) j++;
            double r = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) rank[idx[k]] = r;
            i = j + 1;
        }
        long pos = 0;
        double sumPos = 0;
        for (int k = 0; k < n; k++) {
            if (label[k]) {
                pos++;
                sumPos += rank[k];
            }
        }
        long neg = n - pos;
        if (pos == 0 || neg == 0) return Double.NaN;
        return (sumPos - pos * (pos + 1) / 2.0) / ((double) pos * neg);
    }
}

package org.dermdesk.ml;

import org.dermdesk.core.Diagnosis;

/**
 * Turns network logits into calibrated probabilities with one temperature, fitted on validation
 * by minimising the negative log-likelihood (temperature scaling, Guo et al. 2017).
 */
public final class Calibration {

    private Calibration() {
    }

    public static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    /** p_malignant from one binary logit. */
    public static double binaryProbability(float logit, double temperature) {
        return sigmoid(logit / temperature);
    }

    /** Softmax of seven diagnosis logits at a temperature. */
    public static double[] softmax(float[] logits, double temperature) {
        double max = Double.NEGATIVE_INFINITY;
        for (float l : logits) {
            max = Math.max(max, l / temperature);
        }
        double[] p = new double[logits.length];
        double sum = 0;
        for (int i = 0; i < logits.length; i++) {
            p[i] = Math.exp(logits[i] / temperature - max);
            sum += p[i];
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= sum;
        }
        return p;
    }

    /** p_malignant of a seven-way output: the sum of the malignant diagnoses. */
    public static double malignantShare(double[] diagnosisProbabilities) {
        double p = 0;
        for (Diagnosis d : Diagnosis.values()) {
            if (d.malignant()) {
                p += diagnosisProbabilities[d.ordinal()];
            }
        }
        return Math.min(1, Math.max(0, p));
    }

    /** The temperature minimising binary log-loss of {@code sigmoid(logit / T)} on labelled logits. */
    public static double fitBinaryTemperature(float[] logits, boolean[] labels) {
        return fitTemperature(t -> {
            double[] p = new double[logits.length];
            for (int i = 0; i < p.length; i++) {
                p[i] = sigmoid(logits[i] / t);
            }
            return p;
        }, labels);
    }

    /** The temperature minimising the binary log-loss of the probabilities {@code probabilitiesAt} gives for it. */
    public static double fitTemperature(java.util.function.DoubleFunction<double[]> probabilitiesAt, boolean[] labels) {
        return goldenSection(t -> {
            double[] p = probabilitiesAt.apply(t);
            double nll = 0;
            for (int i = 0; i < p.length; i++) {
                double q = Math.min(1 - 1e-7, Math.max(1e-7, p[i]));
                nll -= labels[i] ? Math.log(q) : Math.log(1 - q);
            }
            return nll;
        });
    }

    /** The temperature minimising the seven-way cross-entropy of diagnosis logits (first seven of each row). */
    public static double fitDiagnosisTemperature(float[][] logits, int[] diagnosis) {
        return goldenSection(t -> {
            double nll = 0;
            for (int i = 0; i < logits.length; i++) {
                double[] p = softmax(java.util.Arrays.copyOf(logits[i], 7), t);
                nll -= Math.log(Math.max(1e-7, p[diagnosis[i]]));
            }
            return nll;
        });
    }

    private static double goldenSection(java.util.function.DoubleUnaryOperator f) {
        // search log T in [log 0.05, log 20]: unimodal for NLL in practice
        double a = Math.log(0.05);
        double b = Math.log(20);
        double g = (Math.sqrt(5) - 1) / 2;
        double c = b - g * (b - a);
        double d = a + g * (b - a);
        for (int i = 0; i < 80; i++) {
            if (f.applyAsDouble(Math.exp(c)) < f.applyAsDouble(Math.exp(d))) {
                b = d;
            } else {
                a = c;
            }
            c = b - g * (b - a);
            d = a + g * (b - a);
        }
        return Math.exp((a + b) / 2);
    }
}

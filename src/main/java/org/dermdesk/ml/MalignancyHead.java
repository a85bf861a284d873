package org.dermdesk.ml;

import java.util.Arrays;

/** Where a network's malignancy probability comes from, as a model card's {@code output} names it. */
enum MalignancyHead {
    /** One logit (the seed network). */
    BINARY("binary"),
    /** mel + bcc + akiec of the seven-way diagnosis softmax. */
    SOFTMAX_SUM("seven_way"),
    /** The multi-task network's dedicated malignancy logit (index 7). */
    BINARY_LOGIT("seven_way_binary");

    private final String output;

    MalignancyHead(String output) {
        this.output = output;
    }

    String output() {
        return output;
    }

    static MalignancyHead fromOutput(String output) {
        for (MalignancyHead h : values()) {
            if (h.output.equals(output)) {
                return h;
            }
        }
        throw new IllegalArgumentException("unknown model output: " + output);
    }

    double probability(float[] logits, double temperature) {
        return switch (this) {
            case BINARY -> Calibration.binaryProbability(logits[0], temperature);
            case SOFTMAX_SUM -> Calibration.malignantShare(Calibration.softmax(Arrays.copyOf(logits, 7), temperature));
            case BINARY_LOGIT -> Calibration.binaryProbability(logits[7], temperature);
        };
    }

    double[] probabilities(float[][] logits, double temperature) {
        double[] p = new double[logits.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = probability(logits[i], temperature);
        }
        return p;
    }
}

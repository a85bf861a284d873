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

    /** The head's malignancy logit, before calibration. */
    double score(float[] logits) {
        return switch (this) {
            case BINARY -> logits[0];
            case SOFTMAX_SUM -> {
                double p = Math.min(1 - 1e-7, Math.max(1e-7, Calibration.malignantShare(Calibration.softmax(Arrays.copyOf(logits, 7), 1))));
                yield Math.log(p / (1 - p));
            }
            case BINARY_LOGIT -> logits[7];
        };
    }

    double calibrated(float[] logits, PlattScaling calibration) {
        return calibration.apply(score(logits));
    }

    double[] scores(float[][] logits) {
        double[] z = new double[logits.length];
        for (int i = 0; i < z.length; i++) {
            z[i] = score(logits[i]);
        }
        return z;
    }

    double[] probabilities(float[][] logits, PlattScaling calibration) {
        double[] p = scores(logits);
        for (int i = 0; i < p.length; i++) {
            p[i] = calibration.apply(p[i]);
        }
        return p;
    }
}

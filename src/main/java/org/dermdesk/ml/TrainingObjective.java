package org.dermdesk.ml;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.FloatBuffer;
import java.util.List;

/** What a network is trained to output, its loss, and the heads its malignancy probability can come from. */
interface TrainingObjective {

    NDArray loss(NDArray logits, TrainingBatches.Batch batch, NDManager manager);

    /** Scores whose validation AUC selects the best epoch. */
    double[] validationScores(float[][] logits);

    /** Heads that may give p_malignant, to be compared on validation. */
    List<MalignancyHead> heads();

    String description();

    /** Numerically stable weighted binary cross-entropy of logits {@code l} against labels {@code y}. */
    static NDArray weightedBce(NDArray l, NDArray y, NDArray w, float weightSum) {
        NDArray perImage = l.maximum(0f).sub(l.mul(y)).add(l.abs().neg().exp().add(1f).log());
        return perImage.mul(w).sum().div(weightSum);
    }

    /** The seed's objective: one logit, plain binary cross-entropy. */
    final class Binary implements TrainingObjective {
        @Override
        public NDArray loss(NDArray logits, TrainingBatches.Batch b, NDManager m) {
            NDArray y = m.create(FloatBuffer.wrap(b.malignant(), 0, b.n()), new Shape(b.n(), 1));
            NDArray w = m.ones(new Shape(b.n(), 1));
            return weightedBce(logits, y, w, b.n());
        }

        @Override
        public double[] validationScores(float[][] logits) {
            double[] s = new double[logits.length];
            for (int i = 0; i < s.length; i++) s[i] = logits[i][0];
            return s;
        }

        @Override
        public List<MalignancyHead> heads() {
            return List.of(MalignancyHead.BINARY);
        }

        @Override
        public String description() {
            return "sigmoid binary cross-entropy";
        }
    }

    /**
     * Seven HAM10000 diagnosis logits (class-weighted cross-entropy, HAM images only: ISIC 2017 has no
     * seven-way label) plus one malignancy logit (weighted binary cross-entropy, every image).
     */
    final class MultiTask implements TrainingObjective {
        @Override
        public NDArray loss(NDArray logits, TrainingBatches.Batch b, NDManager m) {
            int n = b.n();
            NDArray target = m.create(FloatBuffer.wrap(b.diagnosisTargets(), 0, n * 7), new Shape(n, 7));
            float targetSum = 0;
            for (int i = 0; i < n * 7; i++) targetSum += b.diagnosisTargets()[i];
            NDArray logp = logits.get(":, 0:7").logSoftmax(1);
            NDArray ce = logp.mul(target).sum().neg().div(Math.max(1f, targetSum));
            NDArray y = m.create(FloatBuffer.wrap(b.malignant(), 0, n), new Shape(n));
            float weightSum = 0;
            for (int i = 0; i < n; i++) weightSum += b.malignantWeights()[i];
            NDArray w = m.create(FloatBuffer.wrap(b.malignantWeights(), 0, n), new Shape(n));
            return ce.add(weightedBce(logits.get(":, 7"), y, w, weightSum));
        }

        @Override
        public double[] validationScores(float[][] logits) {
            return MalignancyHead.BINARY_LOGIT.probabilities(logits, 1);
        }

        @Override
        public List<MalignancyHead> heads() {
            return List.of(MalignancyHead.BINARY_LOGIT, MalignancyHead.SOFTMAX_SUM);
        }

        @Override
        public String description() {
            return "seven-way cross-entropy (inverse-sqrt-frequency class weights, HAM10000 only) + binary cross-entropy (malignant weight "
                    + TrainingBatches.MALIGNANT_WEIGHT + ")";
        }
    }
}

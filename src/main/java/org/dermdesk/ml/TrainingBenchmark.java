package org.dermdesk.ml;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.nio.FloatBuffer;
import java.util.Random;

/**
 * Training speed of a network on random inputs: the framework's own cost per step, without the
 * data pipeline, so it can be compared with the same network trained from Python.
 */
public final class TrainingBenchmark {

    private TrainingBenchmark() {
    }

    /** Median images per second over {@code rounds} rounds of {@code steps} SGD steps each, after a warm-up. */
    public static double imagesPerSecond(String architecture, int size, int batch, int steps, int rounds) {
        float[] x = new float[batch * 3 * size * size];
        float[] y = new float[batch];
        Random r = new Random(1);
        for (int i = 0; i < x.length; i++) x[i] = r.nextFloat();
        for (int i = 0; i < y.length; i++) y[i] = r.nextBoolean() ? 1 : 0;
        double[] rates = new double[rounds];
        try (Model model = Model.newInstance("bench", Device.cpu(), "PyTorch")) {
            model.setBlock(Networks.build(architecture));
            DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.sigmoidBinaryCrossEntropyLoss())
                    .optOptimizer(Optimizer.sgd().setLearningRateTracker(Tracker.fixed(0.01f)).build());
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(batch, 3, size, size));
                for (int round = -1; round < rounds; round++) {
                    long start = System.nanoTime();
                    for (int s = 0; s < steps; s++) {
                        step(trainer, x, y, batch, size);
                    }
                    if (round >= 0) {
                        rates[round] = (double) steps * batch / ((System.nanoTime() - start) / 1e9);
                    }
                }
            }
        }
        java.util.Arrays.sort(rates);
        return rates[rounds / 2];
    }

    private static void step(Trainer trainer, float[] x, float[] y, int batch, int size) {
        try (NDManager m = trainer.getManager().newSubManager()) {
            NDArray input = m.create(FloatBuffer.wrap(x), new Shape(batch, 3, size, size));
            try (GradientCollector gc = trainer.newGradientCollector()) {
                NDArray out = trainer.forward(new NDList(input)).singletonOrThrow();
                // one random 0/1 target per output, whatever the head: speed does not depend on the labels
                NDArray label = m.create(FloatBuffer.wrap(y), new Shape(batch, 1)).broadcast(out.getShape());
                gc.backward(trainer.getLoss().evaluate(new NDList(label), new NDList(out)));
            }
            trainer.step();
        }
    }
}

package org.dermdesk.ml;

/**
 * Settings of one training run.
 *
 * @param groupByLesion true for the honest lesion-grouped split, false for the seed's image-level protocol
 * @param maxImages     use only this many images (0 = all): lets tests train a few steps quickly
 */
public record TrainingOptions(String name, String version, String architecture, InputSpec input,
                              int epochs, int batchSize, float learningRate, int patience, long seed,
                              boolean groupByLesion, int maxImages) {

    public static TrainingOptions seedModel() {
        return new TrainingOptions("seed-cnn-64", "1.0.0", Networks.SEED_CNN_64, InputSpec.unitScaled(64),
                30, 32, 0.01f, 6, 20261127L, true, 0);
    }

    public TrainingOptions withEpochs(int n) {
        return new TrainingOptions(name, version, architecture, input, n, batchSize, learningRate, patience, seed, groupByLesion, maxImages);
    }

    public TrainingOptions withMaxImages(int n) {
        return new TrainingOptions(name, version, architecture, input, epochs, batchSize, learningRate, patience, seed, groupByLesion, n);
    }

    public TrainingOptions withImageLevelSplit(String newName) {
        return new TrainingOptions(newName, version, architecture, input, epochs, batchSize, learningRate, patience, seed, false, maxImages);
    }
}

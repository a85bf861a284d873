package org.dermdesk.ml;

/**
 * Settings of one training run.
 *
 * @param multitask     train seven diagnosis logits plus a malignancy logit (else one binary logit, as the seed)
 * @param adam          AdamW with cosine decay and weight decay (else plain SGD, as the seed)
 * @param augment       random crops, flips, turns and colour jitter from a larger cached copy
 * @param groupByLesion true for the honest lesion-grouped split, false for the seed's image-level protocol
 * @param maxImages     use only this many images (0 = all): lets tests train a few steps quickly
 */
public record TrainingOptions(String name, String version, String architecture, InputSpec input,
                              int epochs, int batchSize, float learningRate, int patience, long seed,
                              boolean multitask, boolean adam, boolean augment,
                              boolean groupByLesion, int maxImages) {

    /** The seed notebook's recipe, reproduced. */
    public static TrainingOptions seedModel() {
        return new TrainingOptions("seed-cnn-64", "1.0.0", Networks.SEED_CNN_64, InputSpec.unitScaled(64),
                30, 32, 0.01f, 6, 20261127L, false, false, false, true, 0);
    }

    /** The shipped default: residual network, seven-way + binary heads, augmentation, colour constancy. */
    public static TrainingOptions resnetLite() {
        return new TrainingOptions("resnet-lite-96", "1.1.0", Networks.RESNET_LITE, InputSpec.standardised(96),
                24, 32, 0.002f, 5, 20261127L, true, true, true, true, 0);
    }

    /** Side of the cached training copy that augmentation crops from. */
    int cacheSize() {
        return augment ? Math.round(input.size() * 1.2f) : input.size();
    }

    public TrainingOptions withEpochs(int n) {
        return new TrainingOptions(name, version, architecture, input, n, batchSize, learningRate, patience, seed,
                multitask, adam, augment, groupByLesion, maxImages);
    }

    public TrainingOptions withMaxImages(int n) {
        return new TrainingOptions(name, version, architecture, input, epochs, batchSize, learningRate, patience, seed,
                multitask, adam, augment, groupByLesion, n);
    }

    public TrainingOptions withImageLevelSplit(String newName) {
        return new TrainingOptions(newName, version, architecture, input, epochs, batchSize, learningRate, patience, seed,
                multitask, adam, augment, false, maxImages);
    }
}

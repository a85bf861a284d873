package org.dermdesk.ml;

/**
 * Settings of one training run.
 *
 * @param multitask     train seven diagnosis logits plus a malignancy logit (else one binary logit, as the seed)
 * @param adam          AdamW with cosine decay and weight decay (else plain SGD, as the seed)
 * @param augment       random crops, flips, turns and colour jitter from a larger cached copy
 * @param groupByLesion true for the honest lesion-grouped split, false for the seed's image-level protocol
 * @param maxImages     use only this many images (0 = all): lets tests train a few steps quickly
 * @param isicRepeats   times each ISIC 2017 training image appears per epoch: the other clinics' images
 *                      are a sixth of the data, and generalising beyond HAM10000 is what matters
 */
public record TrainingOptions(String name, String version, String architecture, InputSpec input,
                              int epochs, int batchSize, float learningRate, int patience, long seed,
                              boolean multitask, boolean adam, boolean augment,
                              boolean groupByLesion, int maxImages, int isicRepeats) {

    /** The seed notebook's recipe, reproduced. */
    public static TrainingOptions seedModel() {
        return new TrainingOptions("seed-cnn-64", "1.0.0", Networks.SEED_CNN_64, InputSpec.unitScaled(64),
                30, 32, 0.01f, 6, 20261127L, false, false, false, true, 0, 1);
    }

    /**
     * The shipped default: residual network at 112 px, seven-way + binary heads, augmentation, colour
     * constancy, ISIC 2017 images twice per epoch, a 36-epoch cosine schedule.
     */
    public static TrainingOptions resnetLite() {
        return new TrainingOptions("resnet-lite-112", "2.0.0", Networks.RESNET_LITE, InputSpec.standardised(112),
                36, 32, 0.002f, 8, 20261127L, true, true, true, true, 0, 2);
    }

    /** The previous default (1.x): the same network at 96 px, 24 epochs, every image once per epoch. */
    public static TrainingOptions resnetLite96() {
        return new TrainingOptions("resnet-lite-96", "1.2.0", Networks.RESNET_LITE, InputSpec.standardised(96),
                24, 32, 0.002f, 5, 20261127L, true, true, true, true, 0, 1);
    }

    /** Side of the cached training copy that augmentation crops from. */
    int cacheSize() {
        return augment ? Math.round(input.size() * 1.2f) : input.size();
    }

    public TrainingOptions withEpochs(int n) {
        return new TrainingOptions(name, version, architecture, input, n, batchSize, learningRate, patience, seed,
                multitask, adam, augment, groupByLesion, maxImages, isicRepeats);
    }

    public TrainingOptions withMaxImages(int n) {
        return new TrainingOptions(name, version, architecture, input, epochs, batchSize, learningRate, patience, seed,
                multitask, adam, augment, groupByLesion, n, isicRepeats);
    }

    public TrainingOptions withImageLevelSplit(String newName) {
        return new TrainingOptions(newName, version, architecture, input, epochs, batchSize, learningRate, patience, seed,
                multitask, adam, augment, false, maxImages, isicRepeats);
    }
}

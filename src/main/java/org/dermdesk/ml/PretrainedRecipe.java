package org.dermdesk.ml;

import java.util.List;

/**
 * The settings of the pretrained classifier: the ImageNet MobileNetV2 cut at block_10, frozen, its pooled
 * features from four depths feeding a small trained head (seven diagnosis logits + one malignancy logit).
 *
 * @param inputSize square network input in pixels
 * @param views     views per training image in the feature cache (1 plain + augmented ones)
 * @param fineTuneEpochs epochs of fine-tuning blocks 7-10 with the head after the head alone was trained (0 = frozen backbone)
 */
public record PretrainedRecipe(String name, String version, int inputSize, int views, int epochs,
                               int batchSize, float learningRate, long seed, int maxImages, int fineTuneEpochs,
                               float fineTuneLearningRate) {

    /** The layers whose global averages feed the head: colour and texture (block_3), shapes (block_6, block_10). */
    public static final List<String> POOLED = List.of("block_3_expand_relu", "block_6_expand_relu", "block_10_expand_relu",
            "block_10_project_BN");
    public static final String ARCHITECTURE = "mobilenet-v2-imagenet-b10-head";

    public static PretrainedRecipe shipped() {
        return new PretrainedRecipe("mobilenet-v2-ft-128", "3.0.0", 128, 3, 60, 256, 1e-3f, 20261203L, 0, 0, 3e-4f);
    }

    /** The network input: colour constancy, then the [-1, 1] scaling the Keras ImageNet weights expect. */
    public InputSpec input() {
        return new InputSpec(inputSize, new float[] {0.5f, 0.5f, 0.5f}, new float[] {0.5f, 0.5f, 0.5f}, true);
    }

    public PretrainedRecipe withMaxImages(int n) {
        return new PretrainedRecipe(name, version, inputSize, views, epochs, batchSize, learningRate, seed, n, fineTuneEpochs, fineTuneLearningRate);
    }

    /** Another input size and view count, under a name that says so (input-size measurements). */
    public PretrainedRecipe withInput(int size, int viewCount) {
        return new PretrainedRecipe("mobilenet-v2-ft-" + size, version, size, viewCount, epochs, batchSize, learningRate, seed, maxImages, fineTuneEpochs, fineTuneLearningRate);
    }

    public PretrainedRecipe withFineTuneEpochs(int n) {
        return new PretrainedRecipe(name, version, inputSize, views, epochs, batchSize, learningRate, seed, maxImages, n, fineTuneLearningRate);
    }

    public PretrainedRecipe withEpochs(int n) {
        return new PretrainedRecipe(name, version, inputSize, views, n, batchSize, learningRate, seed, maxImages, fineTuneEpochs, fineTuneLearningRate);
    }
}

package org.dermdesk.ml;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import ai.djl.ndarray.NDList;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import java.util.ArrayList;
import java.util.List;

/** The network architectures DermDesk can build, by the name a model card gives. */
public final class Networks {

    public static final String SEED_CNN_64 = "seed-cnn-64";
    /** A small residual network for CPU: 96 px input, 7 diagnosis logits plus one malignancy logit. */
    public static final String RESNET_LITE = "resnet-lite";
    /** Outputs of the multi-task networks: logits 0..6 are the HAM10000 diagnoses, 7 is malignant-vs-benign. */
    public static final int MULTITASK_OUTPUTS = 8;

    /** The Keras L2 factor the seed put on its second and third convolutions and its hidden dense layer. */
    public static final float SEED_L2 = 0.001f;

    private Networks() {
    }

    public static Block build(String architecture) {
        if (SEED_CNN_64.equals(architecture)) {
            return seedCnn();
        }
        if (RESNET_LITE.equals(architecture)) {
            return resnetLite();
        }
        if (PretrainedRecipe.ARCHITECTURE.equals(architecture)) {
            MobileNetV2 backbone = new MobileNetV2(MobileNetV2.LAST_IMAGENET_BLOCK, PretrainedRecipe.POOLED);
            return new SequentialBlock().add(backbone).add(featureHead());
        }
        throw new IllegalArgumentException("unknown architecture: " + architecture);
    }

    /**
     * A loaded network that also returns the features its head reads, where it is built as a backbone and a
     * head (the pretrained classifier); any other network unchanged.
     */
    static Block withFeatures(Block loaded) {
        if (loaded instanceof SequentialBlock seq && seq.getChildren().size() == 2
                && seq.getChildren().get(0).getValue() instanceof MobileNetV2) {
            return new FeaturesAndLogits(seq.getChildren().get(0).getValue(), seq.getChildren().get(1).getValue());
        }
        return loaded;
    }

    /**
     * The trained part of the pretrained classifier, on the backbone's pooled features: standardised
     * (batch norm), one hidden layer of {@value #HEAD_HIDDEN} ReLU units, eight logits. Dropout against the
     * few thousand images per source.
     */
    static SequentialBlock featureHead() {
        return new SequentialBlock()
                .add(BatchNorm.builder().build())
                .add(Dropout.builder().optRate(0.2f).build())
                .add(Linear.builder().setUnits(HEAD_HIDDEN).build())
                .add(Activation::relu)
                .add(Dropout.builder().optRate(0.3f).build())
                .add(Linear.builder().setUnits(MULTITASK_OUTPUTS).build());
    }

    static final int HEAD_HIDDEN = 256;

    /** Weights that carry the seed's L2 penalty: conv 2, conv 3 and the hidden dense layer (not conv 1, not the output). */
    public static List<Parameter> seedL2Weights(Block net) {
        List<Parameter> convs = new ArrayList<>();
        List<Parameter> denses = new ArrayList<>();
        for (Block child : net.getChildren().values()) {
            if (child instanceof Conv2d) {
                convs.add(child.getParameters().get("weight"));
            } else if (child instanceof Linear) {
                denses.add(child.getParameters().get("weight"));
            }
        }
        return List.of(convs.get(1), convs.get(2), denses.get(0));
    }

    /**
     * The seed notebook's Keras CNN, layer for layer: three (3x3 valid conv, ReLU, batch norm,
     * 2x2 max pool) stages of 32, 64 and 128 filters, dense 128 ReLU, one logit. 684,225 parameters.
     */
    static Block seedCnn() {
        SequentialBlock net = new SequentialBlock();
        for (int filters : new int[] {32, 64, 128}) {
            net.add(Conv2d.builder().setKernelShape(new Shape(3, 3)).setFilters(filters).build())
                    .add(Activation::relu)
                    .add(BatchNorm.builder().build())
                    .add(Pool.maxPool2dBlock(new Shape(2, 2)));
        }
        net.add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(128).build())
                .add(Activation::relu)
                .add(Linear.builder().setUnits(1).build());
        return net;
    }

    /**
     * Stem (3x3 stride 2, 24) then residual stages of 32, 64, 128 (each halving the size) and 192,
     * global average pooling, dropout, eight logits. About 0.9 M parameters, sized to train on two cores.
     */
    static Block resnetLite() {
        SequentialBlock net = new SequentialBlock()
                .add(conv(24, 3, 2))
                .add(BatchNorm.builder().build())
                .add(Activation::relu)
                .add(residual(24, 32, 2))
                .add(residual(32, 64, 2))
                .add(residual(64, 128, 2))
                .add(residual(128, 192, 1))
                .add(Pool.globalAvgPool2dBlock())
                .add(Dropout.builder().optRate(0.2f).build())
                .add(Linear.builder().setUnits(MULTITASK_OUTPUTS).build());
        return net;
    }

    private static Block residual(int in, int out, int stride) {
        SequentialBlock main = new SequentialBlock()
                .add(conv(out, 3, stride))
                .add(BatchNorm.builder().build())
                .add(Activation::relu)
                .add(conv(out, 3, 1))
                .add(BatchNorm.builder().build());
        Block shortcut = stride == 1 && in == out ? Blocks.identityBlock()
                : new SequentialBlock().add(conv(out, 1, stride)).add(BatchNorm.builder().build());
        return new SequentialBlock()
                .add(new ParallelBlock(paths -> new NDList(paths.get(0).singletonOrThrow().add(paths.get(1).singletonOrThrow())),
                        List.of(main, shortcut)))
                .add(Activation::relu);
    }

    private static Block conv(int filters, int kernel, int stride) {
        return Conv2d.builder().setKernelShape(new Shape(kernel, kernel)).optStride(new Shape(stride, stride))
                .optPadding(new Shape(kernel / 2, kernel / 2)).setFilters(filters).optBias(false).build();
    }
}

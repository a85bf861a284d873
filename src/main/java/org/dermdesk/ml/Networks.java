package org.dermdesk.ml;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import ai.djl.nn.Parameter;
import java.util.ArrayList;
import java.util.List;

/** The network architectures DermDesk can build, by the name a model card gives. */
public final class Networks {

    public static final String SEED_CNN_64 = "seed-cnn-64";

    /** The Keras L2 factor the seed put on its second and third convolutions and its hidden dense layer. */
    public static final float SEED_L2 = 0.001f;

    private Networks() {
    }

    public static Block build(String architecture) {
        if (SEED_CNN_64.equals(architecture)) {
            return seedCnn();
        }
        throw new IllegalArgumentException("unknown architecture: " + architecture);
    }

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
}

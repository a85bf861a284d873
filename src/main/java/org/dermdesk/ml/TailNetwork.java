package org.dermdesk.ml;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.List;

/**
 * The part of the pretrained classifier that fine-tuning trains: MobileNetV2 blocks 7-10 and the head, fed
 * one cached row per image view: the pooled frozen layers ({@link #FROZEN_POOLED}) followed by the
 * block_6 output map. Together with the frozen blocks 0-6 it is exactly the shipped network
 * ({@link Networks#build}), which is how its weights are written ({@link NamedParameters}).
 */
final class TailNetwork extends AbstractBlock {

    /** The first block fine-tuning trains; blocks before it stay ImageNet. */
    static final int FIRST_TRAINED_BLOCK = 7;
    static final List<String> FROZEN_POOLED = List.of("block_3_expand_relu", "block_6_expand_relu");
    static final List<String> TAIL_POOLED = List.of("block_10_expand_relu", "block_10_project_BN");
    static final String MAP_LAYER = "block_6_project_BN";
    static final int MAP_CHANNELS = 64;
    /** Width of the pooled frozen part of a row. */
    static final int FROZEN_WIDTH = 144 + 192;

    private final int side;
    private final MobileNetV2 tail;
    private final Block head;

    /** @param inputSize the network input; the block_6 map is a sixteenth of it on each side */
    TailNetwork(int inputSize) {
        this.side = inputSize / 16;
        tail = addChildBlock("tail", new MobileNetV2(FIRST_TRAINED_BLOCK, MobileNetV2.LAST_IMAGENET_BLOCK, TAIL_POOLED));
        head = addChildBlock("head", Networks.featureHead());
    }

    MobileNetV2 tail() {
        return tail;
    }

    Block head() {
        return head;
    }

    static int rowWidth(int inputSize) {
        int side = inputSize / 16;
        return FROZEN_WIDTH + MAP_CHANNELS * side * side;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray row = inputs.singletonOrThrow();
        long n = row.getShape().get(0);
        NDArray frozen = row.get(":, 0:" + FROZEN_WIDTH);
        NDArray map = row.get(":, " + FROZEN_WIDTH + ":").reshape(n, MAP_CHANNELS, side, side);
        NDArray pooled = tail.forward(ps, new NDList(map), training).singletonOrThrow();
        return head.forward(ps, new NDList(NDArrays.concat(new NDList(frozen, pooled), 1)), training);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputs) {
        return new Shape[] {new Shape(inputs[0].get(0), Networks.MULTITASK_OUTPUTS)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        long n = inputShapes[0].get(0);
        tail.initialize(manager, dataType, new Shape(n, MAP_CHANNELS, side, side));
        head.initialize(manager, dataType, new Shape(n, FROZEN_WIDTH + tail.featureCount()));
    }
}

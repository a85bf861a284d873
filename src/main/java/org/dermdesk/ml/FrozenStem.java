package org.dermdesk.ml;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * The frozen ImageNet blocks 0-6, giving the cached row that {@link TailNetwork} trains on: the pooled frozen
 * layers, then the block_6 output map flattened.
 */
final class FrozenStem extends AbstractBlock {

    private final MobileNetV2 stem;

    FrozenStem(MobileNetV2 imageNetUpToBlock10) {
        this.stem = addChildBlock("stem", imageNetUpToBlock10);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        List<String> names = new ArrayList<>(TailNetwork.FROZEN_POOLED);
        names.add(TailNetwork.MAP_LAYER);
        var taps = stem.taps(ps, inputs.singletonOrThrow(), false, names);
        NDList parts = new NDList();
        for (String name : TailNetwork.FROZEN_POOLED) {
            parts.add(MobileNetV2.globalMean(taps.get(name)));
        }
        NDArray map = taps.get(TailNetwork.MAP_LAYER);
        parts.add(map.reshape(map.getShape().get(0), -1));
        return new NDList(ai.djl.ndarray.NDArrays.concat(parts, 1));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputs) {
        long side = inputs[0].get(2) / 16;
        return new Shape[] {new Shape(inputs[0].get(0), TailNetwork.FROZEN_WIDTH + TailNetwork.MAP_CHANNELS * side * side)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        // the ImageNet network arrives initialised and loaded
    }
}

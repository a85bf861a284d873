package org.dermdesk.ml;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A loaded backbone-then-head network that also returns the backbone's pooled features: output 0 is the
 * head's logits, output 1 the features. It wraps the already loaded blocks (same weights, no copy), so
 * the logits are exactly those of the plain network.
 */
final class FeaturesAndLogits extends AbstractBlock {

    private final Block backbone;
    private final Block head;

    FeaturesAndLogits(Block backbone, Block head) {
        this.backbone = addChildBlock("backbone", backbone);
        this.head = addChildBlock("head", head);
    }

    Block backbone() {
        return backbone;
    }

    Block head() {
        return head;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDList features = backbone.forward(ps, inputs, training);
        NDList logits = head.forward(ps, features, training);
        return new NDList(logits.singletonOrThrow(), features.singletonOrThrow());
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputs) {
        Shape[] features = backbone.getOutputShapes(inputs);
        return new Shape[] {head.getOutputShapes(features)[0], features[0]};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        backbone.initialize(manager, dataType, inputShapes);
        head.initialize(manager, dataType, backbone.getOutputShapes(inputShapes));
    }
}

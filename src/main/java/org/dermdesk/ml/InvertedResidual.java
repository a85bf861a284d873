package org.dermdesk.ml;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.Map;

/**
 * One MobileNetV2 inverted residual block exactly as Keras builds it: 1x1 expansion + BN + ReLU6 (absent in
 * the first block), 3x3 depthwise + BN + ReLU6, 1x1 linear projection + BN, and the identity shortcut when
 * stride is 1 and the width is unchanged. Stride-2 blocks pad one pixel at the bottom and right only, as
 * Keras' {@code ZeroPadding2D} does; symmetric padding would shift every later feature map by a pixel.
 */
final class InvertedResidual extends AbstractBlock {

    /** Keras' BatchNormalization epsilon in MobileNetV2. */
    static final float BN_EPSILON = 1e-3f;

    private final String name;
    private final int stride;
    private final boolean residual;
    private final Conv2d expand;
    private final BatchNorm expandBn;
    private final Conv2d depthwise;
    private final BatchNorm depthwiseBn;
    private final Conv2d project;
    private final BatchNorm projectBn;

    /**
     * @param name the Keras layer prefix ({@code expanded_conv} for the first block, else {@code block_N})
     */
    InvertedResidual(String name, int in, int expansion, int out, int stride) {
        this.name = name;
        this.stride = stride;
        this.residual = stride == 1 && in == out;
        int hidden = in * expansion;
        if (expansion != 1) {
            expand = addChildBlock(name + "_expand", MobileNetV2.conv1x1(hidden));
            expandBn = addChildBlock(name + "_expand_BN", MobileNetV2.batchNorm());
        } else {
            expand = null;
            expandBn = null;
        }
        depthwise = addChildBlock(name + "_depthwise", Conv2d.builder().setKernelShape(new Shape(3, 3))
                .optStride(new Shape(stride, stride)).optPadding(stride == 1 ? new Shape(1, 1) : new Shape(0, 0))
                .optGroups(hidden).setFilters(hidden).optBias(false).build());
        depthwiseBn = addChildBlock(name + "_depthwise_BN", MobileNetV2.batchNorm());
        project = addChildBlock(name + "_project", MobileNetV2.conv1x1(out));
        projectBn = addChildBlock(name + "_project_BN", MobileNetV2.batchNorm());
    }

    String name() {
        return name;
    }

    /** Runs the block; intermediate activations whose Keras names are keys of {@code taps} are stored there. */
    NDArray forward(ParameterStore ps, NDArray x, boolean training, Map<String, NDArray> taps) {
        NDArray h = x;
        if (expand != null) {
            h = Activation.relu6(one(expandBn, ps, one(expand, ps, h, training), training));
            tap(taps, name + "_expand_relu", h);
        }
        if (stride == 2) {
            h = MobileNetV2.padBottomRight(h);
        }
        h = Activation.relu6(one(depthwiseBn, ps, one(depthwise, ps, h, training), training));
        tap(taps, name + "_depthwise_relu", h);
        h = one(projectBn, ps, one(project, ps, h, training), training);
        tap(taps, name + "_project_BN", h);
        if (residual) {
            h = h.add(x);
            tap(taps, name + "_add", h);
        }
        return h;
    }

    static NDArray one(ai.djl.nn.Block block, ParameterStore ps, NDArray x, boolean training) {
        return block.forward(ps, new NDList(x), training).singletonOrThrow();
    }

    private static void tap(Map<String, NDArray> taps, String layer, NDArray value) {
        if (taps.containsKey(layer)) {
            taps.put(layer, value);
        }
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        return new NDList(forward(ps, inputs.singletonOrThrow(), training, new java.util.HashMap<>()));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputs) {
        Shape[] s = inputs;
        for (ai.djl.nn.Block child : chain()) {
            s = child.getOutputShapes(child == depthwise && stride == 2 ? MobileNetV2.paddedShape(s) : s);
        }
        return s;
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape[] s = inputShapes;
        for (ai.djl.nn.Block child : chain()) {
            Shape[] in = child == depthwise && stride == 2 ? MobileNetV2.paddedShape(s) : s;
            child.initialize(manager, dataType, in);
            s = child.getOutputShapes(in);
        }
    }

    private java.util.List<ai.djl.nn.Block> chain() {
        java.util.List<ai.djl.nn.Block> out = new java.util.ArrayList<>();
        if (expand != null) {
            out.add(expand);
            out.add(expandBn);
        }
        out.add(depthwise);
        out.add(depthwiseBn);
        out.add(project);
        out.add(projectBn);
        return out;
    }
}

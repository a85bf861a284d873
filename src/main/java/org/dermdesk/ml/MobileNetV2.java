package org.dermdesk.ml;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keras' MobileNetV2 (width 1.0) up to a chosen inverted residual block, defined with DJL's Block API so
 * that it trains in Java. Its output is the global average (over rows and columns) of chosen layers,
 * concatenated in the order given: pooled features from more than one depth, named as Keras names them
 * ({@code Conv1_relu}, {@code block_6_expand_relu}, {@code block_10_project_BN}, ...). Parameter names
 * are the Keras layer names, so the ImageNet weights map one to one ({@link TfjsWeightImport}).
 */
public final class MobileNetV2 extends AbstractBlock {

    /** The last block whose weights are pure ImageNet in the nsfwjs package (block_11 on were retrained). */
    public static final int LAST_IMAGENET_BLOCK = 10;

    /** Expansion t, output channels c, stride s of blocks 0 (expanded_conv) .. 16, as in the paper. */
    private static final int[][] BLOCKS = {
        {1, 16, 1}, {6, 24, 2}, {6, 24, 1}, {6, 32, 2}, {6, 32, 1}, {6, 32, 1}, {6, 64, 2}, {6, 64, 1},
        {6, 64, 1}, {6, 64, 1}, {6, 96, 1}, {6, 96, 1}, {6, 96, 1}, {6, 160, 2}, {6, 160, 1}, {6, 160, 1}, {6, 320, 1},
    };

    /** The first inverted residual block built; above 0 the network starts from the previous block's output map. */
    private final int firstBlock;
    private final Conv2d stem;
    private final BatchNorm stemBn;
    private final List<InvertedResidual> blocks = new ArrayList<>();
    private final List<String> pooled;
    private final List<Integer> pooledChannels = new ArrayList<>();

    /**
     * @param lastBlock the last inverted residual block built (0..{@value #LAST_IMAGENET_BLOCK})
     * @param pooled    the layers whose global averages form the output, in order
     */
    public MobileNetV2(int lastBlock, List<String> pooled) {
        this(0, lastBlock, pooled);
    }

    /**
     * Blocks {@code firstBlock..lastBlock} only: with {@code firstBlock > 0} the input is the output map of
     * block {@code firstBlock - 1} and there is no stem. Child names are those of the whole network, so the
     * parameters of such a tail map one to one onto it (fine-tuning trains a tail on cached maps).
     */
    public MobileNetV2(int firstBlock, int lastBlock, List<String> pooled) {
        if (firstBlock < 0 || firstBlock > lastBlock) {
            throw new IllegalArgumentException("first block " + firstBlock + " must be 0.." + lastBlock);
        }
        if (lastBlock < 0 || lastBlock > LAST_IMAGENET_BLOCK) {
            throw new IllegalArgumentException("MobileNetV2 is cut at block 0.." + LAST_IMAGENET_BLOCK + ", not " + lastBlock);
        }
        if (pooled.isEmpty()) {
            throw new IllegalArgumentException("no pooled layer given");
        }
        this.pooled = List.copyOf(pooled);
        this.firstBlock = firstBlock;
        Map<String, Integer> widths = new LinkedHashMap<>();
        if (firstBlock == 0) {
            stem = addChildBlock("Conv1", Conv2d.builder().setKernelShape(new Shape(3, 3)).optStride(new Shape(2, 2))
                    .setFilters(32).optBias(false).build());
            stemBn = addChildBlock("bn_Conv1", batchNorm());
            widths.put("Conv1_relu", 32);
        } else {
            stem = null;
            stemBn = null;
        }
        int in = firstBlock == 0 ? 32 : BLOCKS[firstBlock - 1][1];
        for (int i = 0; i <= lastBlock; i++) {
            int[] b = BLOCKS[i];
            String name = i == 0 ? "expanded_conv" : "block_" + i;
            if (i < firstBlock) {
                in = b[1];
                continue;
            }
            blocks.add(addChildBlock(name, new InvertedResidual(name, in, b[0], b[1], b[2])));
            int hidden = in * b[0];
            widths.put(name + "_expand_relu", hidden);
            widths.put(name + "_depthwise_relu", hidden);
            widths.put(name + "_project_BN", b[1]);
            widths.put(name + "_add", b[1]);
            in = b[1];
        }
        for (String layer : pooled) {
            Integer c = widths.get(layer);
            if (c == null) {
                throw new IllegalArgumentException("no layer " + layer + " in MobileNetV2 up to block " + lastBlock);
            }
            pooledChannels.add(c);
        }
    }

    /** Number of values per pooled layer, in output order. */
    public List<Integer> pooledChannels() {
        return List.copyOf(pooledChannels);
    }

    /** Length of the output feature vector. */
    public int featureCount() {
        return pooledChannels.stream().mapToInt(Integer::intValue).sum();
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        Map<String, NDArray> taps = taps(ps, inputs.singletonOrThrow(), training, pooled);
        NDList means = new NDList();
        for (String name : pooled) {
            means.add(globalMean(taps.get(name)));
        }
        return new NDList(means.size() == 1 ? means.head() : NDArrays.concat(means, 1));
    }

    /** The activation maps (N, C, H, W) of the named layers, by name. */
    public Map<String, NDArray> taps(ParameterStore ps, NDArray input, boolean training, List<String> names) {
        Map<String, NDArray> taps = new LinkedHashMap<>();
        names.forEach(name -> taps.put(name, null));
        NDArray x = input;
        if (stem != null) {
            x = Activation.relu6(InvertedResidual.one(stemBn, ps, InvertedResidual.one(stem, ps, padBottomRight(x), training), training));
            if (taps.containsKey("Conv1_relu")) {
                taps.put("Conv1_relu", x);
            }
        }
        for (InvertedResidual block : blocks) {
            x = block.forward(ps, x, training, taps);
        }
        return taps;
    }

    /** Mean over rows and columns: (N, C, H, W) to (N, C). One reshape, as a two-axis mean fails on this engine. */
    static NDArray globalMean(NDArray map) {
        Shape s = map.getShape();
        return map.reshape(s.get(0), s.get(1), s.get(2) * s.get(3)).mean(new int[] {2});
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputs) {
        return new Shape[] {new Shape(inputs[0].get(0), featureCount())};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape[] s = inputShapes;
        if (stem != null) {
            s = paddedShape(inputShapes);
            stem.initialize(manager, dataType, s);
            s = stem.getOutputShapes(s);
            stemBn.initialize(manager, dataType, s);
        }
        for (InvertedResidual block : blocks) {
            block.initialize(manager, dataType, s);
            s = block.getOutputShapes(s);
        }
    }

    static Conv2d conv1x1(int filters) {
        return Conv2d.builder().setKernelShape(new Shape(1, 1)).setFilters(filters).optBias(false).build();
    }

    static BatchNorm batchNorm() {
        return BatchNorm.builder().optEpsilon(InvertedResidual.BN_EPSILON).optMomentum(0.99f).build();
    }

    /** Keras' ZeroPadding2D(((0, 1), (0, 1))) before a stride-2 convolution: one row below, one column right. */
    static NDArray padBottomRight(NDArray x) {
        return x.pad(new Shape(0, 1, 0, 1), 0);
    }

    static Shape[] paddedShape(Shape[] s) {
        Shape in = s[0];
        return new Shape[] {new Shape(in.get(0), in.get(1), in.get(2) + 1, in.get(3) + 1)};
    }
}

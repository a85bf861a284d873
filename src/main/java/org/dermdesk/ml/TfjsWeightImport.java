package org.dermdesk.ml;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.util.Pair;
import java.io.IOException;
import java.util.Map;

/**
 * Copies Keras weights (channels-last, as TF.js stores them) into a DJL block whose child blocks carry the
 * Keras layer names: convolution kernels HWIO to OIHW, depthwise kernels HWC1 to C1HW, and BatchNorm's
 * gamma, beta, moving mean and variance. Every parameter of the block must be found, with the right size.
 */
final class TfjsWeightImport {

    private TfjsWeightImport() {
    }

    /** @return the number of tensors copied */
    static int copy(Map<String, TfjsWeights.Tensor> weights, Block block) throws IOException {
        int copied = 0;
        for (Pair<String, Block> child : block.getChildren()) {
            String name = child.getKey().replaceFirst("^\\d+", "");
            Block b = child.getValue();
            if (b instanceof Conv2d) {
                copied += set(b, "weight", convKernel(tensor(weights, name + (isDepthwise(weights, name) ? "/depthwise_kernel" : "/kernel"))));
            } else if (b instanceof BatchNorm) {
                copied += set(b, "gamma", vector(weights, name + "/gamma"));
                copied += set(b, "beta", vector(weights, name + "/beta"));
                copied += set(b, "runningMean", vector(weights, name + "/moving_mean"));
                copied += set(b, "runningVar", vector(weights, name + "/moving_variance"));
            } else {
                copied += copy(weights, b);
            }
        }
        return copied;
    }

    private static boolean isDepthwise(Map<String, TfjsWeights.Tensor> weights, String layer) {
        return weights.containsKey(layer + "/depthwise_kernel");
    }

    private static TfjsWeights.Tensor tensor(Map<String, TfjsWeights.Tensor> weights, String name) throws IOException {
        TfjsWeights.Tensor t = weights.get(name);
        if (t == null) {
            throw new IOException("the package has no weight " + name);
        }
        return t;
    }

    private static float[] vector(Map<String, TfjsWeights.Tensor> weights, String name) throws IOException {
        return tensor(weights, name).values();
    }

    /** HWIO (or HWC1 for depthwise, where I = C and O = 1) to PyTorch's OIHW (depthwise: C,1,H,W). */
    static float[] convKernel(TfjsWeights.Tensor t) {
        int[] s = t.shape();
        int h = s[0];
        int w = s[1];
        int in = s[2];
        int out = s[3];
        boolean depthwise = out == 1 && in > 1;
        float[] src = t.values();
        float[] dst = new float[src.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int i = 0; i < in; i++) {
                    for (int o = 0; o < out; o++) {
                        float v = src[((y * w + x) * in + i) * out + o];
                        int target = depthwise ? (i * h + y) * w + x : ((o * in + i) * h + y) * w + x;
                        dst[target] = v;
                    }
                }
            }
        }
        return dst;
    }

    private static int set(Block block, String parameter, float[] values) throws IOException {
        Parameter p = block.getDirectParameters().get(parameter);
        Shape shape = p.getArray().getShape();
        if (shape.size() != values.length) {
            throw new IOException("weight size mismatch for " + p.getName() + ": " + shape + " vs " + values.length);
        }
        p.getArray().set(values);
        return 1;
    }
}

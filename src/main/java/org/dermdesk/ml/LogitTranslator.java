package org.dermdesk.ml;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.Batchifier;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;
import org.dermdesk.core.LesionImage;

/**
 * Pre- and post-processing only: image to the network's input tensor, output tensors to raw logits (and
 * pooled features where the network returns them); with flip averaging, each image enters as its four
 * mirrored views and leaves as their mean.
 */
final class LogitTranslator implements Translator<LesionImage, NetworkOutput> {

    private final InputSpec spec;
    private final boolean flipAveraging;

    LogitTranslator(InputSpec spec, boolean flipAveraging) {
        this.spec = spec;
        this.flipAveraging = flipAveraging;
    }

    @Override
    public NDList processInput(TranslatorContext ctx, LesionImage image) {
        float[] data = Preprocessing.toInput(image, spec);
        NDArray input = ctx.getNDManager().create(data, new Shape(3, spec.size(), spec.size()));
        return new NDList(flipAveraging ? FlipAveraging.views(input.expandDims(0)) : input);
    }

    @Override
    public NetworkOutput processOutput(TranslatorContext ctx, NDList list) {
        float[] logits = perImage(list.get(0));
        return new NetworkOutput(logits, list.size() > 1 ? perImage(list.get(1)) : null);
    }

    private float[] perImage(NDArray out) {
        return (flipAveraging ? FlipAveraging.average(out) : out).toFloatArray();
    }

    @Override
    public Batchifier getBatchifier() {
        return flipAveraging ? new FlipAveraging.ViewBatchifier() : Batchifier.STACK;
    }
}

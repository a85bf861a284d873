package org.dermdesk.ml;

import ai.djl.ndarray.NDList;
import ai.djl.translate.Batchifier;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;
import org.dermdesk.core.LesionImage;

/** Pre- and post-processing only: image to the network's input tensor, output tensor to raw logits. */
final class LogitTranslator implements Translator<LesionImage, float[]> {

    private final InputSpec spec;

    LogitTranslator(InputSpec spec) {
        this.spec = spec;
    }

    @Override
    public NDList processInput(TranslatorContext ctx, LesionImage image) {
        float[] data = Preprocessing.toInput(image, spec);
        return new NDList(ctx.getNDManager().create(data, new ai.djl.ndarray.types.Shape(3, spec.size(), spec.size())));
    }

    @Override
    public float[] processOutput(TranslatorContext ctx, NDList list) {
        return list.singletonOrThrow().toFloatArray();
    }

    @Override
    public Batchifier getBatchifier() {
        return Batchifier.STACK;
    }
}

package org.dermdesk.ml;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.Batchifier;

/**
 * Test-time augmentation: the network sees each image as it is and mirrored left-right, top-bottom
 * and both (a lesion has no up or left), and its logits are averaged over the four views. Views are
 * kept image-major: rows 4i..4i+3 of a batch belong to image i.
 */
final class FlipAveraging {

    /** The name a model card gives this test-time augmentation. */
    static final String NAME = "flip4";
    static final int VIEWS = 4;

    private FlipAveraging() {
    }

    /** (n, 3, s, s) images to (4n, 3, s, s) views. */
    static NDArray views(NDArray images) {
        Shape shape = images.getShape();
        NDArray stacked = NDArrays.stack(new NDList(images, images.flip(3), images.flip(2), images.flip(2, 3)), 1);
        return stacked.reshape(shape.get(0) * VIEWS, shape.get(1), shape.get(2), shape.get(3));
    }

    /** (4n, k) logits of the views to (n, k) averaged logits. */
    static NDArray average(NDArray viewLogits) {
        Shape shape = viewLogits.getShape();
        long n = shape.get(0) / VIEWS;
        return viewLogits.reshape(n, VIEWS, shape.size() / shape.get(0)).mean(new int[] {1});
    }

    /** Batches whose items are already groups of views: concatenated for the network, split back per image. */
    static final class ViewBatchifier implements Batchifier {

        private static final long serialVersionUID = 1L;

        @Override
        public NDList batchify(NDList[] inputs) {
            NDList items = new NDList(inputs.length);
            for (NDList input : inputs) {
                items.add(input.singletonOrThrow());
            }
            return new NDList(NDArrays.concat(items, 0));
        }

        @Override
        public NDList[] unbatchify(NDList outputs) {
            // every output (logits, and features where the network returns them) is split the same way
            int images = (int) (outputs.get(0).getShape().get(0) / VIEWS);
            NDList[] out = new NDList[images];
            for (int i = 0; i < images; i++) {
                out[i] = new NDList(outputs.size());
            }
            for (NDArray all : outputs) {
                NDList parts = all.split(images, 0);
                for (int i = 0; i < images; i++) {
                    out[i].add(parts.get(i));
                }
            }
            return out;
        }
    }
}

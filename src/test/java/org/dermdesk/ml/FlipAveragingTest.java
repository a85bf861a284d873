package org.dermdesk.ml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class FlipAveragingTest {

    @Test
    void viewsAreImageMajorMirrorsAndAveragingUndoesThem() {
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            NDArray images = m.arange(2 * 3 * 2 * 2f).reshape(2, 3, 2, 2);
            NDArray views = FlipAveraging.views(images);
            assertEquals(new Shape(8, 3, 2, 2), views.getShape());
            assertArrayEquals(images.get(1).toFloatArray(), views.get(4).toFloatArray(), "row 4 is image 1 as it is");
            assertArrayEquals(images.get(1).flip(2).toFloatArray(), views.get(5).toFloatArray(), "then mirrored left-right");
            // a 'network' that sums each view: every mirror has the same sum, so the average equals it
            NDArray sums = views.sum(new int[] {1, 2, 3}).reshape(8, 1);
            NDArray averaged = FlipAveraging.average(sums);
            assertEquals(new Shape(2, 1), averaged.getShape());
            assertArrayEquals(images.sum(new int[] {1, 2, 3}).toFloatArray(), averaged.toFloatArray(), 1e-4f);
        }
    }

    @Test
    void batchifierSplitsTheNetworkOutputBackPerImage() {
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            FlipAveraging.ViewBatchifier b = new FlipAveraging.ViewBatchifier();
            NDList batch = b.batchify(new NDList[] {new NDList(m.zeros(new Shape(4, 3, 2, 2))), new NDList(m.ones(new Shape(4, 3, 2, 2)))});
            assertEquals(new Shape(8, 3, 2, 2), batch.singletonOrThrow().getShape());
            NDList[] perImage = b.unbatchify(new NDList(m.arange(16f).reshape(8, 2)));
            assertEquals(2, perImage.length);
            assertArrayEquals(new float[] {8, 9, 10, 11, 12, 13, 14, 15}, perImage[1].singletonOrThrow().toFloatArray());
        }
    }
}

package org.dermdesk.ml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.dermdesk.core.Diagnosis;
import org.dermdesk.core.LesionImage;
import org.dermdesk.imaging.ImageLoader;
import org.dermdesk.testsupport.SyntheticLesions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreprocessingTest {

    @TempDir
    Path dir;

    @Test
    void trainingPipelineFeedsTheNetworkExactlyWhatInferenceDoes() throws Exception {
        Path file = SyntheticLesions.writeJpeg(dir.resolve("lesion.jpg"), 600, 450, 7);
        InputSpec spec = new InputSpec(64, new float[] {0.6f, 0.5f, 0.4f}, new float[] {0.2f, 0.25f, 0.3f}, true);
        LabeledImage labeled = new LabeledImage("lesion", file, "L1", DataSource.HAM10000, Diagnosis.NV, false, 40, "female", "back", null);

        ImageCache cache = ImageCache.build(List.of(labeled), ImageLoader::load, spec, 1);
        float[] training = new float[3 * 64 * 64];
        cache.fill(new int[] {0}, 0, 1, training);

        float[] inference = Preprocessing.toInput(ImageLoader.load(file), spec);
        assertArrayEquals(inference, training, 0f);
    }

    @Test
    void normalisesPlanarWithMeanAndStd() {
        byte[] rgb = new byte[2 * 2 * 3];
        rgb[0] = (byte) 255; // red of pixel 0
        rgb[4] = (byte) 51;  // green of pixel 1
        InputSpec spec = new InputSpec(2, new float[] {0.5f, 0f, 0f}, new float[] {0.5f, 1f, 1f}, false);
        float[] out = new float[12];
        Preprocessing.normalise(rgb, spec, out, 0);
        assertEquals(1f, out[0], 1e-6);       // (1 - 0.5) / 0.5
        assertEquals(-1f, out[1], 1e-6);      // (0 - 0.5) / 0.5
        assertEquals(0.2f, out[4 + 1], 1e-6); // green plane, pixel 1
    }

    @Test
    void resizeAveragesAreas() {
        byte[] rgb = new byte[4 * 2 * 3];
        for (int x = 0; x < 2; x++) {
            for (int y = 0; y < 2; y++) {
                rgb[(y * 4 + x) * 3] = (byte) 200; // left half red 200, right half 0
            }
        }
        LesionImage img = new LesionImage("t", 4, 2, rgb);
        byte[] out = Preprocessing.resize(img, InputSpec.unitScaled(2));
        assertEquals(200, out[0] & 0xFF);
        assertEquals(0, out[3] & 0xFF);
    }
}

package org.dermdesk.imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import org.dermdesk.core.Scale;
import org.dermdesk.core.ScaleSource;
import org.dermdesk.testsupport.SyntheticRulers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The calibration's proposal: the ruler scale of a whole picture, lesion or not. */
class RulerScaleReaderTest {

    @TempDir
    Path dir;

    @Test
    void proposesTheScaleOfADrawnRulerAndNoneWithoutOne() throws Exception {
        Scale s = new RulerScaleReader().read(ImageLoader.load(SyntheticRulers.writePng(dir.resolve("r.png"), 24, 9, 6)));
        assertEquals(ScaleSource.RULER, s.source());
        assertEquals(24, s.pxPerMm(), 24 * 0.05);
        assertFalse(new RulerScaleReader().read(ImageLoader.load(
                SyntheticRulers.writePng(dir.resolve("n.png"), 24, 9, 6, false))).known());
    }
}

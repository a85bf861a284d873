package org.dermdesk.imaging;

import static org.bytedeco.opencv.global.opencv_imgproc.INTER_NEAREST;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/** Maps working-size masks back to the full image size. */
final class Resample {

    private Resample() {
    }

    /** A full-size 0/255 copy of a working-size mask (nearest neighbour). */
    static byte[] toFull(WorkingCopy wc, byte[] working) {
        if (wc.width == wc.fullWidth && wc.height == wc.fullHeight) {
            return working.clone();
        }
        try (Mat m = wc.maskMat(working); Mat out = new Mat(); Size s = new Size(wc.fullWidth, wc.fullHeight)) {
            resize(m, out, s, 0, 0, INTER_NEAREST);
            return MatConversions.toBytes(out);
        }
    }
}

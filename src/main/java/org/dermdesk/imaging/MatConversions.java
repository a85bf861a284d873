package org.dermdesk.imaging;

import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.dermdesk.core.LesionImage;

/** Copies between OpenCV matrices and plain Java arrays: Mats never leave the imaging package. */
public final class MatConversions {

    private MatConversions() {
    }

    /** The bytes of an 8-bit Mat, row-major with interleaved channels. */
    public static byte[] toBytes(Mat mat) {
        Mat continuous = mat.isContinuous() ? mat : mat.clone();
        try {
            byte[] out = new byte[(int) (continuous.total() * continuous.channels())];
            continuous.data().get(out);
            return out;
        } finally {
            if (continuous != mat) {
                continuous.close();
            }
        }
    }

    /** A new 8-bit RGB Mat holding a copy of the image; the caller closes it. */
    public static Mat toRgbMat(LesionImage image) {
        Mat mat = new Mat(image.height(), image.width(), opencv_core.CV_8UC3);
        mat.data().put(image.rgb());
        return mat;
    }

    /** A new 8-bit BGR Mat (OpenCV's own channel order) holding the image; the caller closes it. */
    public static Mat toBgrMat(LesionImage image) {
        try (Mat rgb = toRgbMat(image)) {
            Mat bgr = new Mat();
            opencv_imgproc.cvtColor(rgb, bgr, opencv_imgproc.COLOR_RGB2BGR);
            return bgr;
        }
    }

    /** A new single-channel 8-bit Mat from a mask of 0/255 bytes; the caller closes it. */
    public static Mat toMaskMat(byte[] mask, int width, int height) {
        Mat mat = new Mat(height, width, opencv_core.CV_8UC1);
        mat.data().put(mask);
        return mat;
    }

}

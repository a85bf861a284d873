package org.dermdesk.imaging;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2HSV;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2Lab;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.MORPH_ELLIPSE;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.dilate;
import static org.bytedeco.opencv.global.opencv_imgproc.getStructuringElement;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.dermdesk.core.LesionImage;

/**
 * A downscaled copy of one image (long side at most {@link #DEFAULT_LONG_SIDE}) with the colour
 * channels every detector needs, computed once. Package-private: its Mats never leave imaging.
 * The owner closes it.
 */
final class WorkingCopy implements AutoCloseable {

    /** Long side of the working copy; larger images are shrunk by area averaging. */
    static final int DEFAULT_LONG_SIDE = 512;

    final int fullWidth;
    final int fullHeight;
    final int width;
    final int height;
    /** Working size / full size (1 when the image was not shrunk). */
    final double scale;
    final Mat bgr;
    final Mat grey;
    /** Interleaved 8-bit channels, working size. */
    final byte[] greyPx;
    final byte[] bgrPx;
    final byte[] hsv;
    final byte[] lab;
    /** Dark border-connected region of the scope's aperture (255 = outside the field of view). */
    final byte[] vignette;

    /** Hair mask, computed on first use and shared (hair and gel-bubble detection both need it). */
    private byte[] hair;
    /** Thin dark marks, computed on first use and shared (ruler detection and the ruler scale both need them). */
    private TickMarks tickMarks;

    private WorkingCopy(LesionImage image, int longSide) {
        fullWidth = image.width();
        fullHeight = image.height();
        int longest = Math.max(fullWidth, fullHeight);
        scale = longest > longSide ? (double) longSide / longest : 1.0;
        width = Math.max(1, (int) Math.round(fullWidth * scale));
        height = Math.max(1, (int) Math.round(fullHeight * scale));
        try (Mat full = MatConversions.toBgrMat(image)) {
            bgr = new Mat();
            if (scale < 1.0) {
                try (Size size = new Size(width, height)) {
                    resize(full, bgr, size, 0, 0, INTER_AREA);
                }
            } else {
                full.copyTo(bgr);
            }
        }
        grey = new Mat();
        cvtColor(bgr, grey, COLOR_BGR2GRAY);
        greyPx = MatConversions.toBytes(grey);
        bgrPx = MatConversions.toBytes(bgr);
        try (Mat h = new Mat(); Mat l = new Mat()) {
            cvtColor(bgr, h, COLOR_BGR2HSV);
            hsv = MatConversions.toBytes(h);
            cvtColor(bgr, l, COLOR_BGR2Lab);
            lab = MatConversions.toBytes(l);
        }
        vignette = Vignette.find(this);
    }

    static WorkingCopy of(LesionImage image) {
        return new WorkingCopy(image, DEFAULT_LONG_SIDE);
    }

    static WorkingCopy of(LesionImage image, int longSide) {
        return new WorkingCopy(image, longSide);
    }

    /** The {@link HairDetector#hairMask hair mask} of this copy (do not modify it). */
    byte[] hairMask() {
        if (hair == null) {
            hair = HairDetector.hairMask(this);
        }
        return hair;
    }

    /** The {@link TickMarks} of this copy (do not modify them). */
    TickMarks tickMarks() {
        if (tickMarks == null) {
            tickMarks = TickMarks.of(this);
        }
        return tickMarks;
    }

    int pixels() {
        return width * height;
    }

    /** Kernel size in working pixels for a structure of {@code px512} pixels at long side 512, odd, at least {@code min}. */
    int kernel(int px512, int min) {
        int k = (int) Math.round(px512 * Math.max(width, height) / 512.0);
        k = Math.max(k, min);
        return k | 1;
    }

    /** Working long side / 512: multiply lengths tuned at 512 by this. */
    double scaleTo512() {
        return Math.max(width, height) / 512.0;
    }

    /** A new 8-bit single-channel Mat of a working-size byte mask; the caller closes it. */
    Mat maskMat(byte[] mask) {
        Mat m = new Mat(height, width, CV_8UC1);
        m.data().put(mask);
        return m;
    }

    /** A working-size mask widened by an elliptical kernel of {@code k512} pixels at long side 512 (an empty mask as is). */
    byte[] dilated(byte[] mask, int k512) {
        if (Masks.area(mask) == 0) return mask;
        int k = kernel(k512, 3);
        try (Mat mm = maskMat(mask); Mat out = new Mat(); Size ks = new Size(k, k);
             Mat ellipse = getStructuringElement(MORPH_ELLIPSE, ks)) {
            dilate(mm, out, ellipse);
            return MatConversions.toBytes(out);
        }
    }

    @Override
    public void close() {
        bgr.close();
        grey.close();
    }
}

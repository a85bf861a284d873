package org.dermdesk.imaging;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.MORPH_ELLIPSE;
import static org.bytedeco.opencv.global.opencv_imgproc.dilate;
import static org.bytedeco.opencv.global.opencv_imgproc.getStructuringElement;
import static org.bytedeco.opencv.global.opencv_imgproc.moments;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Moments;
import org.bytedeco.opencv.opencv_core.Size;
import org.dermdesk.core.LesionImage;
import org.dermdesk.core.Mask;

/**
 * One image of a registration at working size: grey levels, field of view, lesion outline, the skin
 * around it, and the outline's centroid, principal axis and elongation. The owner closes it.
 */
final class RegistrationSide implements AutoCloseable {

    final WorkingCopy wc;
    /** Grey levels as CV_32F. */
    final Mat grey;
    /** The same grey levels as a Java array. */
    final float[] greyPx;
    /** 255 inside the field of view (outside the scope's dark aperture). */
    final byte[] fov;
    /** 255 on the lesion (working size). */
    final byte[] lesion;
    /** 255 on skin: field of view minus a widened lesion. */
    final byte[] skin;
    final double area;
    final double cx;
    final double cy;
    final double theta;
    /** sqrt(major / minor second moment): 1 for a round outline. */
    final double elongation;

    private RegistrationSide(WorkingCopy wc, Mask fullMask, int skinMarginPx) {
        this.wc = wc;
        grey = new Mat();
        wc.grey.convertTo(grey, CV_32F);
        greyPx = floats(grey);
        int n = wc.pixels();
        fov = new byte[n];
        for (int i = 0; i < n; i++) {
            fov[i] = wc.vignette[i] == 0 ? (byte) 255 : 0;
        }
        lesion = shrink(fullMask, wc);
        // the margin grows with the lesion: a quarter of its equivalent radius keeps a grown rim out of the skin
        int margin = (int) Math.max(skinMarginPx, 2 * 0.25 * Math.sqrt(Masks.area(lesion) / Math.PI));
        byte[] wide;
        try (Mat m = wc.maskMat(lesion); Mat d = new Mat(); Size k = new Size(margin | 1, margin | 1);
             Mat e = getStructuringElement(MORPH_ELLIPSE, k)) {
            dilate(m, d, e);
            wide = MatConversions.toBytes(d);
        }
        skin = fov.clone();
        Masks.minus(skin, wide);
        area = Masks.area(lesion);
        if (area > 0) {
            try (Mat m = wc.maskMat(lesion); Moments mo = moments(m, true)) {
                cx = mo.m10() / mo.m00();
                cy = mo.m01() / mo.m00();
                double a = mo.mu20() / mo.m00();
                double b = mo.mu11() / mo.m00();
                double c = mo.mu02() / mo.m00();
                theta = 0.5 * Math.atan2(2 * b, a - c);
                double root = Math.sqrt((a - c) * (a - c) + 4 * b * b);
                double major = (a + c + root) / 2;
                double minor = Math.max(1e-9, (a + c - root) / 2);
                elongation = Math.sqrt(major / minor);
            }
        } else {
            cx = wc.width / 2.0;
            cy = wc.height / 2.0;
            theta = 0;
            elongation = 1;
        }
    }

    /** @param longSide the working copy's long side; the caller closes the result */
    static RegistrationSide of(LesionImage image, Mask mask, int longSide, int skinMarginPx) {
        if (mask.width() != image.width() || mask.height() != image.height()) {
            throw new IllegalArgumentException("the lesion outline of " + image.source() + " is " + mask.width() + "x"
                    + mask.height() + " but the image is " + image.width() + "x" + image.height());
        }
        WorkingCopy wc = WorkingCopy.of(image, longSide);
        try {
            return new RegistrationSide(wc, mask, skinMarginPx);
        } catch (RuntimeException e) {
            wc.close();
            throw e;
        }
    }

    private static byte[] shrink(Mask mask, WorkingCopy wc) {
        byte[] px = new byte[mask.pixels().length];
        byte[] src = mask.pixels();
        for (int i = 0; i < px.length; i++) {
            px[i] = src[i] != 0 ? (byte) 255 : 0;
        }
        if (wc.width == mask.width() && wc.height == mask.height()) return px;
        try (Mat m = MatConversions.toMaskMat(px, mask.width(), mask.height()); Mat out = new Mat();
             Size s = new Size(wc.width, wc.height)) {
            resize(m, out, s, 0, 0, INTER_AREA);
            byte[] small = MatConversions.toBytes(out);
            for (int i = 0; i < small.length; i++) {
                small[i] = (small[i] & 0xFF) >= 128 ? (byte) 255 : 0;
            }
            return small;
        }
    }

    /** The values of a continuous single-channel CV_32F Mat. */
    static float[] floats(Mat m) {
        float[] out = new float[(int) m.total()];
        ((java.nio.FloatBuffer) m.createBuffer()).get(out);
        return out;
    }

    int width() {
        return wc.width;
    }

    int height() {
        return wc.height;
    }

    /** A new mask Mat of working-size bytes; the caller closes it. */
    Mat mat(byte[] mask) {
        return wc.maskMat(mask);
    }

    @Override
    public void close() {
        grey.close();
        wc.close();
    }
}

package org.dermdesk.imaging;

import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2RGB;
import static org.bytedeco.opencv.global.opencv_imgproc.MORPH_ELLIPSE;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.dilate;
import static org.bytedeco.opencv.global.opencv_imgproc.getStructuringElement;
import static org.bytedeco.opencv.global.opencv_photo.INPAINT_TELEA;
import static org.bytedeco.opencv.global.opencv_photo.inpaint;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.dermdesk.core.LesionImage;
import org.dermdesk.core.Mask;

/**
 * Digital hair removal: the {@link HairDetector} mask, widened a little to cover the hair's soft
 * edge, is filled by Telea inpainting at full resolution. Returns a new image; the input is untouched.
 */
public final class HairRemover {

    /** Dilation of the hair mask (pixels at long side 512) so no dark fringe is left. */
    static final int DILATE_512 = 3;
    /** Inpainting radius in pixels at long side 512. */
    static final int RADIUS_512 = 5;

    /** The image with detected hair inpainted (the same image object if no hair was found). */
    public LesionImage remove(LesionImage image) {
        try (WorkingCopy wc = WorkingCopy.of(image)) {
            byte[] working = HairDetector.hairMask(wc);
            if (Masks.area(working) == 0) {
                return image;
            }
            return remove(image, new Mask(image.width(), image.height(), Resample.toFull(wc, working)));
        }
    }

    /** The image with the given (full-size) mask inpainted. */
    public LesionImage remove(LesionImage image, Mask hair) {
        double toFull = Math.max(image.width(), image.height()) / 512.0;
        int k = Math.max(3, (int) Math.round(DILATE_512 * toFull)) | 1;
        double radius = Math.max(3, RADIUS_512 * toFull);
        try (Mat bgr = MatConversions.toBgrMat(image);
             Mat mask = MatConversions.toMaskMat(hair.pixels(), image.width(), image.height());
             Size ks = new Size(k, k); Mat kernel = getStructuringElement(MORPH_ELLIPSE, ks);
             Mat wide = new Mat(); Mat out = new Mat(); Mat rgb = new Mat()) {
            dilate(mask, wide, kernel);
            inpaint(bgr, wide, out, radius, INPAINT_TELEA);
            cvtColor(out, rgb, COLOR_BGR2RGB);
            return image.withPixels(MatConversions.toBytes(rgb));
        }
    }
}

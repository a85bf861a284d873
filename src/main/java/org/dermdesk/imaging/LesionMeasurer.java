package org.dermdesk.imaging;

import static org.bytedeco.opencv.global.opencv_imgproc.MORPH_ELLIPSE;
import static org.bytedeco.opencv.global.opencv_imgproc.erode;
import static org.bytedeco.opencv.global.opencv_imgproc.getStructuringElement;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.dermdesk.core.LesionMeasurements;
import org.dermdesk.core.LesionRegion;
import org.dermdesk.core.Scale;

/**
 * Measures a segmented lesion on the gate's working copy: the ruler scale, the largest and
 * perpendicular diameters, ABCD asymmetry, border and colours. Lengths found at working size are
 * returned at full image size.
 */
final class LesionMeasurer {

    private LesionMeasurer() {
    }

    /**
     * The segmented mask without the segmenter's final widening: that rim matches reference masks that
     * include the soft edge, but a diameter is measured on the pigment (it would add 2-4 % to a 10 mm lesion).
     */
    static byte[] pigmented(WorkingCopy wc, byte[] segmented) {
        int k = wc.kernel(LesionSegmenter.DILATE_512, 3);
        try (Mat m = wc.maskMat(segmented); Mat out = new Mat(); Size ks = new Size(k, k);
             Mat ellipse = getStructuringElement(MORPH_ELLIPSE, ks)) {
            erode(m, out, ellipse);
            return MatConversions.toBytes(out);
        }
    }

    /** @return the measurement, or null when the mask is empty */
    static LesionMeasurements measure(WorkingCopy wc, byte[] segmented, LesionRegion lesion) {
        if (lesion == null || lesion.area() == 0) return null;
        byte[] lesionWorking = pigmented(wc, segmented);
        if (Masks.area(lesionWorking) == 0) return null;
        Scale scale = RulerScale.find(wc);
        FeretDiameter feret = FeretDiameter.of(wc, lesionWorking);
        PrincipalAxes axes = PrincipalAxes.of(wc, lesionWorking);
        double toFull = 1 / wc.scale;
        double area = Masks.area(lesionWorking) * toFull * toFull;
        double[] ends = feret.ends();
        for (int i = 0; i < 4; i++) {
            // working pixel centres to full-image coordinates
            ends[i] = (ends[i] + 0.5) * toFull - 0.5;
        }
        return new LesionMeasurements(scale, feret.length() * toFull, feret.perpendicular() * toFull, area, ends,
                Asymmetry.of(wc, lesionWorking, axes).score(), BorderAbruptness.sectors(wc, lesionWorking, axes),
                DermoscopicColours.present(wc, lesionWorking));
    }
}

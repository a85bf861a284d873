package org.dermdesk.imaging;

import static org.bytedeco.opencv.global.opencv_imgproc.moments;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Moments;

/**
 * A lesion mask's centroid and principal axes (from its second moments): the two axes the ABCD rule
 * judges asymmetry about and the border's eight sectors are aligned to.
 *
 * @param ux, uy the unit direction of the major axis; the minor axis is (-uy, ux)
 */
record PrincipalAxes(double cx, double cy, double ux, double uy) {

    /** Axes of a non-empty 0/255 working-size mask. */
    static PrincipalAxes of(WorkingCopy wc, byte[] mask) {
        try (Mat m = wc.maskMat(mask); Moments mo = moments(m, true)) {
            double cx = mo.m10() / mo.m00();
            double cy = mo.m01() / mo.m00();
            double theta = 0.5 * Math.atan2(2 * mo.mu11(), mo.mu20() - mo.mu02());
            return new PrincipalAxes(cx, cy, Math.cos(theta), Math.sin(theta));
        }
    }

    /** The unit direction of axis 0 (major) or 1 (minor). */
    double[] axis(int which) {
        return which == 0 ? new double[] {ux, uy} : new double[] {-uy, ux};
    }
}

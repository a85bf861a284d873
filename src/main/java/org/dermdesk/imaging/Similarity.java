package org.dermdesk.imaging;

import org.bytedeco.javacpp.indexer.FloatIndexer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * A similarity transform {@code q = s * R(phi) * p + (tx, ty)} that maps a point of the earlier image
 * to the later one (the direction OpenCV's ECC and {@code WARP_INVERSE_MAP} use).
 */
record Similarity(double s, double phi, double tx, double ty) {

    /** The transform that rotates and scales about {@code (cx, cy)} of the earlier image and lands it on {@code (qx, qy)}. */
    static Similarity about(double cx, double cy, double qx, double qy, double s, double phi) {
        double c = s * Math.cos(phi);
        double n = s * Math.sin(phi);
        return new Similarity(s, phi, qx - (c * cx - n * cy), qy - (n * cx + c * cy));
    }

    /**
     * The nearest similarity (least squares on the linear part) to a 2x3 affine matrix; the point
     * {@code (cx, cy)} keeps its image.
     */
    static Similarity nearest(double[] affine, double cx, double cy) {
        double a = affine[0];
        double b = affine[1];
        double c = affine[3];
        double d = affine[4];
        double p = (a + d) / 2;
        double q = (c - b) / 2;
        double qx = a * cx + b * cy + affine[2];
        double qy = c * cx + d * cy + affine[5];
        return about(cx, cy, qx, qy, Math.hypot(p, q), Math.atan2(q, p));
    }

    double[] affine() {
        double c = s * Math.cos(phi);
        double n = s * Math.sin(phi);
        return new double[] {c, -n, tx, n, c, ty};
    }

    /** The same transform between full-size images, given each image's working size / full size. */
    Similarity toFull(double beforeScale, double afterScale) {
        return new Similarity(s * beforeScale / afterScale, phi, tx / afterScale, ty / afterScale);
    }

    /** A new 2x3 CV_32F matrix of this transform; the caller closes it. */
    Mat toMat() {
        return toMat(affine());
    }

    /** A new 2x3 CV_32F matrix; the caller closes it. */
    static Mat toMat(double[] affine) {
        Mat m = new Mat(2, 3, opencv_core.CV_32F);
        try (FloatIndexer ix = m.createIndexer()) {
            for (int i = 0; i < 6; i++) {
                ix.put(i / 3, i % 3, (float) affine[i]);
            }
        }
        return m;
    }

    /** The six values of a 2x3 CV_32F matrix. */
    static double[] values(Mat m) {
        double[] out = new double[6];
        try (FloatIndexer ix = m.createIndexer()) {
            for (int i = 0; i < 6; i++) {
                out[i] = ix.get(i / 3, i % 3);
            }
        }
        return out;
    }
}

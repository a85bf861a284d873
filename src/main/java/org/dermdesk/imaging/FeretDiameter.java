package org.dermdesk.imaging;

import static org.bytedeco.opencv.global.opencv_imgproc.CHAIN_APPROX_SIMPLE;
import static org.bytedeco.opencv.global.opencv_imgproc.RETR_EXTERNAL;
import static org.bytedeco.opencv.global.opencv_imgproc.convexHull;
import static org.bytedeco.opencv.global.opencv_imgproc.findContours;

import org.bytedeco.javacpp.indexer.IntIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;

/**
 * The lesion's largest diameter (maximum Feret: the longest distance between two outline points,
 * found over the convex hull) and its extent perpendicular to that diameter.
 *
 * @param ends {x1, y1, x2, y2} of the largest diameter, in the mask's pixels
 */
record FeretDiameter(double length, double perpendicular, double[] ends) {

    /** Diameters of a non-empty 0/255 mask, in its own pixels. */
    static FeretDiameter of(WorkingCopy wc, byte[] mask) {
        int[][] hull = hull(wc, mask);
        if (hull.length == 0) return new FeretDiameter(0, 0, new double[4]);
        double best = -1;
        int a = 0;
        int b = 0;
        // hulls of lesion masks have tens of points: comparing every pair is cheaper than rotating calipers
        for (int i = 0; i < hull.length; i++) {
            for (int j = i + 1; j < hull.length; j++) {
                double d = Math.hypot(hull[i][0] - hull[j][0], hull[i][1] - hull[j][1]);
                if (d > best) {
                    best = d;
                    a = i;
                    b = j;
                }
            }
        }
        double len = Math.max(best, 1e-9);
        double nx = -(hull[b][1] - hull[a][1]) / len;
        double ny = (hull[b][0] - hull[a][0]) / len;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int[] p : hull) {
            double s = p[0] * nx + p[1] * ny;
            lo = Math.min(lo, s);
            hi = Math.max(hi, s);
        }
        // distances between pixel centres miss half a pixel at each end
        return new FeretDiameter(best + 1, hi - lo + 1, new double[] {hull[a][0], hull[a][1], hull[b][0], hull[b][1]});
    }

    /**
     * The largest diameter of the mask's largest connected part: a mask outlined by a shared threshold may
     * keep a small distant region, which would stretch a diameter taken over every part.
     */
    static double ofLargestPart(WorkingCopy wc, byte[] mask) {
        Components parts;
        try (Mat m = wc.maskMat(mask)) {
            parts = Components.of(m);
        }
        int largest = 0;
        for (int i = 1; i < parts.count; i++) {
            if (largest == 0 || parts.area[i] > parts.area[largest]) largest = i;
        }
        if (largest == 0) return 0;
        boolean[] keep = new boolean[parts.count];
        keep[largest] = true;
        return of(wc, parts.mask(keep)).length();
    }

    /** Convex hull of every outline point of the mask, as {x, y} pairs. */
    private static int[][] hull(WorkingCopy wc, byte[] mask) {
        try (Mat m = wc.maskMat(mask); MatVector contours = new MatVector(); Mat hierarchy = new Mat()) {
            findContours(m, contours, hierarchy, RETR_EXTERNAL, CHAIN_APPROX_SIMPLE);
            int total = 0;
            for (long i = 0; i < contours.size(); i++) {
                try (Mat c = contours.get(i)) {
                    total += (int) c.total();
                }
            }
            if (total == 0) return new int[0][];
            try (Mat all = new Mat(total, 1, org.bytedeco.opencv.global.opencv_core.CV_32SC2); Mat hull = new Mat()) {
                int row = 0;
                try (IntIndexer out = all.createIndexer()) {
                    for (long i = 0; i < contours.size(); i++) {
                        try (Mat c = contours.get(i); IntIndexer in = c.createIndexer()) {
                            for (int r = 0; r < c.total(); r++) {
                                out.put(row, 0, 0, in.get(r, 0, 0));
                                out.put(row, 0, 1, in.get(r, 0, 1));
                                row++;
                            }
                        }
                    }
                }
                convexHull(all, hull);
                int n = (int) hull.total();
                int[][] pts = new int[n][2];
                try (IntIndexer h = hull.createIndexer()) {
                    for (int i = 0; i < n; i++) {
                        pts[i][0] = h.get(i, 0, 0);
                        pts[i][1] = h.get(i, 0, 1);
                    }
                }
                return pts;
            }
        }
    }
}

package org.dermdesk.imaging;

import static org.bytedeco.opencv.global.opencv_imgproc.HoughLinesP;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_8;
import static org.bytedeco.opencv.global.opencv_imgproc.MORPH_BLACKHAT;
import static org.bytedeco.opencv.global.opencv_imgproc.MORPH_ELLIPSE;
import static org.bytedeco.opencv.global.opencv_imgproc.THRESH_BINARY;
import static org.bytedeco.opencv.global.opencv_imgproc.getStructuringElement;
import static org.bytedeco.opencv.global.opencv_imgproc.line;
import static org.bytedeco.opencv.global.opencv_imgproc.morphologyEx;
import static org.bytedeco.opencv.global.opencv_imgproc.threshold;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Scalar4i;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_imgproc.Vec4iVector;

/**
 * The thin dark marks of one working copy, found once and shared by the ruler detector (is there a
 * ruler?) and the ruler scale (how many pixels is a millimetre?).
 *
 * @param contrast   black-hat response (working size)
 * @param dark       the response thresholded at {@link #TICK_CONTRAST}, 0/255, field of view included
 * @param marks      connected components of {@code dark} inside the field of view
 * @param candidates the marks that look like ruler ticks
 * @param detached   tick candidates once solid straight lines are erased: ruler ticks drawn on a base line are
 *                   one component with it until the line is taken away (the scale needs each tick)
 * @param fine       detached candidates from a black-hat of {@link #FINE_KERNEL} pixels: the usual kernel bridges the
 *                   gaps of densely spaced ticks, leaving only the longer 5 mm ticks
 */
record TickMarks(byte[] contrast, byte[] dark, Components marks, List<TickRows.Tick> candidates,
                 List<TickRows.Tick> detached, List<TickRows.Tick> fine) {

    static final int FINE_KERNEL = 3;

    static final int TICK_KERNEL_512 = 7;
    static final int TICK_CONTRAST = 10;
    /** Shortest base line erased, as a fraction of the long image side. */
    static final double MIN_BASE_LINE_FRACTION = 0.1;
    /** Fraction of a line's samples that must be dark for it to be a solid base line (a line across ticks is mostly gaps). */
    static final double SOLID_FRACTION = 0.85;

    static TickMarks of(WorkingCopy wc) {
        int k = wc.kernel(TICK_KERNEL_512, 5);
        List<TickRows.Tick> fine = detachedOnly(wc, FINE_KERNEL);
        try (Size ks = new Size(k, k); Mat kernel = getStructuringElement(MORPH_ELLIPSE, ks);
             Mat bh = new Mat(); Mat bin = new Mat()) {
            morphologyEx(wc.grey, bh, MORPH_BLACKHAT, kernel);
            byte[] contrast = MatConversions.toBytes(bh);
            threshold(bh, bin, TICK_CONTRAST, 255, THRESH_BINARY);
            byte[] dark = MatConversions.toBytes(bin);
            Components marks;
            try (Mat inView = wc.maskMat(Masks.minus(dark, wc.vignette))) {
                marks = Components.of(inView);
            }
            List<TickRows.Tick> candidates = TickRows.candidates(marks, contrast, wc.width, wc.height, wc.scaleTo512());
            return new TickMarks(contrast, dark, marks, candidates, detached(wc, bin, dark, contrast, candidates), fine);
        }
    }

    /** Detached tick candidates from a black-hat of a {@code k}-pixel kernel. */
    private static List<TickRows.Tick> detachedOnly(WorkingCopy wc, int k) {
        try (Size ks = new Size(k, k); Mat kernel = getStructuringElement(MORPH_ELLIPSE, ks);
             Mat bh = new Mat(); Mat bin = new Mat()) {
            morphologyEx(wc.grey, bh, MORPH_BLACKHAT, kernel);
            byte[] contrast = MatConversions.toBytes(bh);
            threshold(bh, bin, TICK_CONTRAST, 255, THRESH_BINARY);
            byte[] dark = MatConversions.toBytes(bin);
            List<TickRows.Tick> candidates;
            try (Mat inView = wc.maskMat(Masks.minus(dark, wc.vignette))) {
                candidates = TickRows.candidates(Components.of(inView), contrast, wc.width, wc.height, wc.scaleTo512());
            }
            return detached(wc, bin, dark, contrast, candidates);
        }
    }

    /** Tick candidates after erasing the solid straight lines of {@code bin} (the candidates as they are when there are none). */
    private static List<TickRows.Tick> detached(WorkingCopy wc, Mat bin, byte[] dark, byte[] contrast,
                                                List<TickRows.Tick> candidates) {
        int longSide = Math.max(wc.width, wc.height);
        List<int[]> solid = new ArrayList<>();
        try (Vec4iVector found = new Vec4iVector()) {
            HoughLinesP(bin, found, 1, Math.PI / 180, 20, MIN_BASE_LINE_FRACTION * longSide, 2);
            for (long i = 0; i < found.size(); i++) {
                Scalar4i l = found.get(i);
                int[] line = {l.get(0), l.get(1), l.get(2), l.get(3)};
                if (darkFraction(dark, wc.width, line) >= SOLID_FRACTION) solid.add(line);
            }
        }
        if (solid.isEmpty()) return candidates;
        try (Mat m = wc.maskMat(Masks.minus(dark, wc.vignette)); Scalar black = new Scalar(0)) {
            int thickness = Math.max(2, (int) Math.round(2 * wc.scaleTo512()));
            for (int[] l : solid) {
                try (Point a = new Point(l[0], l[1]); Point b = new Point(l[2], l[3])) {
                    line(m, a, b, black, thickness, LINE_8, 0);
                }
            }
            return TickRows.candidates(Components.of(m), contrast, wc.width, wc.height, wc.scaleTo512());
        }
    }

    /** Fraction of the pixels along a segment that are dark. */
    private static double darkFraction(byte[] dark, int width, int[] l) {
        int n = Math.max(1, (int) Math.ceil(Math.hypot(l[2] - l[0], l[3] - l[1])));
        int hits = 0;
        for (int t = 0; t <= n; t++) {
            int x = (int) Math.round(l[0] + (l[2] - l[0]) * (double) t / n);
            int y = (int) Math.round(l[1] + (l[3] - l[1]) * (double) t / n);
            if (dark[y * width + x] != 0) hits++;
        }
        return (double) hits / (n + 1);
    }
}

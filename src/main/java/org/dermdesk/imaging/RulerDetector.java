package org.dermdesk.imaging;

import static org.bytedeco.opencv.global.opencv_imgproc.HoughLinesP;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_8;
import static org.bytedeco.opencv.global.opencv_imgproc.line;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Scalar4i;
import org.bytedeco.opencv.opencv_imgproc.Vec4iVector;
import org.dermdesk.core.ArtifactKind;

/**
 * Rulers and scale bars: rows of thin dark tick marks. Thin dark structures (black-hat) are
 * thresholded and probabilistic Hough lines are fitted through them with gaps bridged, so a row of
 * ticks yields a line across them; the black-hat profile along each line (and slight offsets) is
 * autocorrelated; the raw score is the strongest autocorrelation peak past the first zero crossing
 * (1 = perfectly periodic ticks, about 0.2 for skin texture). Rulers often show only a few ticks at
 * the image border with no line through them, which Hough misses: {@link TickRows} also chains the
 * short marks into evenly spaced rows of parallel ticks, and a row of {@link #TICKS_FOR_FULL_SCORE}
 * ticks scores 1. Raw score: the larger of the two.
 */
final class RulerDetector implements ArtifactDetector {

    /** Shortest line considered, as a fraction of the long image side. */
    static final double MIN_LINE_FRACTION = 0.12;
    /** Largest gap bridged between ticks on one line, as a fraction of the long side. */
    static final double MAX_GAP_FRACTION = 0.05;
    /** How far beside the line ticks are looked for, as a fraction of the long side. */
    static final double MAX_OFFSET_FRACTION = 0.008;
    static final int MAX_LINES = 40;
    /** Longest tick spacing considered, in working pixels. */
    static final int MAX_PERIOD = 40;
    /** Half-width (pixels) of the band across the line over which the profile is averaged. */
    static final int BAND_HALF_WIDTH = 2;
    /** Ticks in one evenly spaced row that count as certain (the tick score is count / this). */
    static final int TICKS_FOR_FULL_SCORE = 6;
    static final double PRESENT_PERIODICITY = 0.5;

    private final double threshold;

    RulerDetector() {
        this(PRESENT_PERIODICITY);
    }

    RulerDetector(double threshold) {
        this.threshold = threshold;
    }

    @Override
    public ArtifactKind kind() {
        return ArtifactKind.RULER;
    }

    @Override
    public Detection detect(WorkingCopy wc) {
        int longSide = Math.max(wc.width, wc.height);
        List<int[]> lines = new ArrayList<>();
        TickMarks tm = wc.tickMarks();
        byte[] contrast = tm.contrast();
        Components marks = tm.marks();
        TickRows.Row ticks = TickRows.longestRow(tm.candidates(), wc.scaleTo512());
        try (Mat bin = wc.maskMat(tm.dark()); Vec4iVector found = new Vec4iVector()) {
            HoughLinesP(bin, found, 1, Math.PI / 180, 20, MIN_LINE_FRACTION * longSide, MAX_GAP_FRACTION * longSide);
            for (long i = 0; i < found.size(); i++) {
                Scalar4i l = found.get(i);
                lines.add(new int[] {l.get(0), l.get(1), l.get(2), l.get(3)});
            }
        }
        lines.sort(Comparator.comparingDouble((int[] l) -> -Math.hypot(l[2] - l[0], l[3] - l[1])));
        int maxOff = Math.max(2, (int) Math.round(MAX_OFFSET_FRACTION * longSide));
        double best = 0;
        List<int[]> rulerLines = new ArrayList<>();
        for (int[] l : lines.subList(0, Math.min(MAX_LINES, lines.size()))) {
            double p = 0;
            int bestOff = 0;
            for (int d = -maxOff; d <= maxOff; d += 2) {
                double q = periodicity(wc, contrast, l, d);
                if (q > p) {
                    p = q;
                    bestOff = d;
                }
            }
            best = Math.max(best, p);
            if (p >= threshold) {
                rulerLines.add(new int[] {l[0], l[1], l[2], l[3], Math.abs(bestOff)});
            }
        }
        double tickScore = ticks.size() < 2 ? 0 : Math.min(1, (double) ticks.size() / TICKS_FOR_FULL_SCORE);
        best = Math.max(best, tickScore);
        byte[] mask = new byte[wc.pixels()];
        if (tickScore >= threshold) {
            boolean[] keep = new boolean[marks.count];
            for (int l : ticks.labels()) keep[l] = true;
            mask = marks.mask(keep);
        }
        if (!rulerLines.isEmpty()) {
            try (Mat m = wc.maskMat(mask); Scalar white = new Scalar(255)) {
                for (int[] l : rulerLines) {
                    try (Point a = new Point(l[0], l[1]); Point b = new Point(l[2], l[3])) {
                        line(m, a, b, white, 2 * l[4] + 6, LINE_8, 0);
                    }
                }
                mask = MatConversions.toBytes(m);
            }
        }
        return new Detection(kind(), best, threshold, mask);
    }

    /** Bilinear sample (rounding sample positions would alias a slanted edge into a false period). */
    private static double bilinear(byte[] img, int w, int h, double x, double y) {
        int x0 = Math.min((int) x, w - 1);
        int y0 = Math.min((int) y, h - 1);
        int x1 = Math.min(x0 + 1, w - 1);
        int y1 = Math.min(y0 + 1, h - 1);
        double fx = x - x0;
        double fy = y - y0;
        double top = (img[y0 * w + x0] & 0xFF) * (1 - fx) + (img[y0 * w + x1] & 0xFF) * fx;
        double bottom = (img[y1 * w + x0] & 0xFF) * (1 - fx) + (img[y1 * w + x1] & 0xFF) * fx;
        return top * (1 - fy) + bottom * fy;
    }

    /** Autocorrelation peak of the grey profile along the line shifted by {@code d} pixels sideways. */
    static double periodicity(WorkingCopy wc, byte[] contrast, int[] l, int d) {
        double dx = l[2] - l[0];
        double dy = l[3] - l[1];
        double len = Math.hypot(dx, dy);
        int n = (int) len;
        if (n < 40) return 0;
        double ux = dx / len;
        double uy = dy / len;
        double ox = -uy * d;
        double oy = ux * d;
        double[] p = new double[n];
        int valid = 0;
        int band = BAND_HALF_WIDTH;
        for (int t = 0; t < n; t++) {
            double sum = 0;
            boolean inside = true;
            // mean across a band of offsets: a rasterised line grazing a slanted hair edge would
            // otherwise alternate in and out of the hair periodically; ticks span the whole band
            for (int b = -band; b <= band && inside; b++) {
                double x = l[0] + ux * t + ox - uy * b;
                double y = l[1] + uy * t + oy + ux * b;
                if (x < 0 || y < 0 || x > wc.width - 1 || y > wc.height - 1) {
                    inside = false;
                } else {
                    sum += bilinear(contrast, wc.width, wc.height, x, y);
                }
            }
            if (!inside) break;
            p[valid++] = sum / (2 * band + 1);
        }
        if (valid < 40) return 0;
        double mean = 0;
        for (int i = 0; i < valid; i++) mean += p[i];
        mean /= valid;
        double r0 = 0;
        for (int i = 0; i < valid; i++) {
            p[i] -= mean;
            r0 += p[i] * p[i];
        }
        if (r0 / valid < 2) return 0; // flat profile: no ticks
        int maxLag = Math.min(MAX_PERIOD, valid / 8);
        double[] r = new double[2 * maxLag + 1];
        for (int lag = 1; lag <= 2 * maxLag; lag++) {
            double acc = 0;
            for (int i = 0; i + lag < valid; i++) acc += p[i] * p[i + lag];
            r[lag] = acc / r0 * valid / (valid - lag);
        }
        boolean crossed = false;
        double peak = 0;
        for (int lag = 2; lag <= maxLag; lag++) {
            if (!crossed) {
                crossed = r[lag] < 0;
            } else {
                // a tick row repeats at the period and at twice the period
                peak = Math.max(peak, Math.min(r[lag], r[2 * lag]));
            }
        }
        return Math.min(1, peak);
    }
}

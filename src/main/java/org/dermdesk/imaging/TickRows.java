package org.dermdesk.imaging;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Rows of evenly spaced, parallel short marks: the millimetre ticks of a ruler, which in dermoscopy
 * are often only a few ticks at the image border with no continuous line through them. Works on the
 * connected components of a thresholded dark-line (black-hat) mask: each short, straight component
 * is a tick candidate with a centroid, an orientation and a length (from its second moments); a row
 * is a chain of candidates of about the same orientation whose centroids step sideways to the tick
 * direction by about the same spacing. Hair and pigment network rarely form such chains: hairs are
 * long, network meshes are not parallel, a broken hair's pieces follow each other lengthwise.
 */
final class TickRows {

    /** Tick length bounds in pixels at long side 512. */
    static final double MIN_LENGTH_512 = 5;
    static final double MAX_LENGTH_512 = 60;
    /** Length / width of a straight mark. */
    static final double MIN_ELONGATION = 2.5;
    /** Widest tick, pixels at long side 512. */
    static final double MAX_WIDTH_512 = 5;
    /**
     * Mean black-hat contrast from which a mark counts as a tick anywhere; fainter marks count only
     * near the image border, where rulers lie and faint skin furrows would otherwise chain up.
     */
    static final double STRONG_CONTRAST = 20;
    /** Width of the border band (fraction of the long side) where faint ticks count too. */
    static final double BORDER_BAND = 0.1;
    /** Orientation tolerance between ticks of one row. */
    static final double MAX_ANGLE_DIFF_DEG = 12;
    /** Tick spacing bounds in pixels at long side 512 (about 1 mm at usual dermoscopic magnification). */
    static final double MIN_SPACING_512 = 4;
    static final double MAX_SPACING_512 = 60;
    /** Allowed deviation of one step from the row's spacing. */
    static final double SPACING_TOLERANCE = 0.25;

    /** One tick candidate: centroid, unit direction along the tick, length, component label. */
    record Tick(double x, double y, double ux, double uy, double length, int label) {
        double angle() {
            return Math.atan2(uy, ux);
        }
    }

    /**
     * One evenly spaced row of ticks, in order along the row.
     *
     * @param labels    the ticks' component labels
     * @param positions each tick's position along the row (across the tick direction), pixels, increasing
     * @param lengths   each tick's length, pixels
     * @param cx        mean x of the row's ticks (NaN for an empty row)
     * @param cy        mean y of the row's ticks
     */
    record Row(int[] labels, double[] positions, double[] lengths, double cx, double cy) {
        int size() {
            return labels.length;
        }

        /** Tick spacing in pixels: the least-squares slope of position against tick number (NaN below two ticks). */
        double spacing() {
            int n = positions.length;
            if (n < 2) return Double.NaN;
            double mi = (n - 1) / 2.0;
            double mp = 0;
            for (double p : positions) mp += p;
            mp /= n;
            double num = 0;
            double den = 0;
            for (int i = 0; i < n; i++) {
                num += (i - mi) * (positions[i] - mp);
                den += (i - mi) * (i - mi);
            }
            return num / den;
        }
    }

    private TickRows() {
    }

    /**
     * Tick candidates among the components of a binary dark-line mask.
     *
     * @param contrast the black-hat response the mask was thresholded from (same size)
     */
    static List<Tick> candidates(Components c, byte[] contrast, int width, int height, double scaleTo512) {
        int n = c.count;
        double[] sx = new double[n];
        double[] sy = new double[n];
        double[] sxx = new double[n];
        double[] syy = new double[n];
        double[] sxy = new double[n];
        double[] sc = new double[n];
        for (int i = 0; i < c.labels.length; i++) {
            int l = c.labels[i];
            if (l == 0) continue;
            double x = i % width;
            double y = i / width;
            sx[l] += x;
            sy[l] += y;
            sxx[l] += x * x;
            syy[l] += y * y;
            sxy[l] += x * y;
            sc[l] += contrast[i] & 0xFF;
        }
        double minLen = MIN_LENGTH_512 * scaleTo512;
        double maxLen = MAX_LENGTH_512 * scaleTo512;
        double maxWidth = Math.max(2, MAX_WIDTH_512 * scaleTo512);
        List<Tick> out = new ArrayList<>();
        for (int l = 1; l < n; l++) {
            double a = c.area[l];
            if (a < 3) continue;
            double mx = sx[l] / a;
            double my = sy[l] / a;
            // +1/12: a pixel is a unit square, not a point (keeps one-pixel-wide lines from width 0)
            double cxx = sxx[l] / a - mx * mx + 1.0 / 12;
            double cyy = syy[l] / a - my * my + 1.0 / 12;
            double cxy = sxy[l] / a - mx * my;
            double tr = cxx + cyy;
            double det = cxx * cyy - cxy * cxy;
            double disc = Math.sqrt(Math.max(0, tr * tr / 4 - det));
            double l1 = tr / 2 + disc;
            double l2 = Math.max(1e-9, tr / 2 - disc);
            // a uniform bar of length L has variance L^2 / 12 along it
            double length = Math.sqrt(12 * l1);
            double thickness = Math.sqrt(12 * l2);
            if (length < minLen || length > maxLen || thickness > maxWidth || length / thickness < MIN_ELONGATION) continue;
            double edge = Math.min(Math.min(mx, width - 1 - mx), Math.min(my, height - 1 - my)) / Math.max(width, height);
            if (sc[l] / a < STRONG_CONTRAST && edge > BORDER_BAND) continue;
            double theta = 0.5 * Math.atan2(2 * cxy, cxx - cyy);
            out.add(new Tick(mx, my, Math.cos(theta), Math.sin(theta), length, l));
        }
        return out;
    }

    /** The longest evenly spaced row of parallel ticks (empty when there are fewer than two ticks). */
    static Row longestRow(List<Tick> ticks, double scaleTo512) {
        double minStep = MIN_SPACING_512 * scaleTo512;
        double maxStep = MAX_SPACING_512 * scaleTo512;
        double maxAngle = Math.toRadians(MAX_ANGLE_DIFF_DEG);
        int[] best = new int[0];
        double[] bestAcross = new double[0];
        for (Tick seed : ticks) {
            // positions across the tick direction (s) of the parallel ticks that sit beside the seed
            List<double[]> row = new ArrayList<>();
            for (Tick t : ticks) {
                double cos = Math.abs(seed.ux * t.ux + seed.uy * t.uy);
                if (Math.acos(Math.min(1, cos)) > maxAngle) continue;
                double dx = t.x - seed.x;
                double dy = t.y - seed.y;
                double along = dx * seed.ux + dy * seed.uy;
                double across = -dx * seed.uy + dy * seed.ux;
                // ticks of one ruler share a base line; long (5 mm) ticks reach further
                if (Math.abs(along) > 0.5 * Math.max(seed.length, t.length) + 2) continue;
                row.add(new double[] {across, t.label});
            }
            if (row.size() < 2 || row.size() <= best.length) continue;
            row.sort((p, q) -> Double.compare(p[0], q[0]));
            int[] chain = evenChain(row, minStep, maxStep);
            if (chain.length > best.length) {
                best = chain;
                bestAcross = new double[chain.length];
                for (int i = 0; i < chain.length; i++) {
                    for (double[] p : row) {
                        if ((int) p[1] == chain[i]) {
                            bestAcross[i] = p[0];
                            break;
                        }
                    }
                }
            }
        }
        double[] lengths = new double[best.length];
        double cx = 0;
        double cy = 0;
        for (int i = 0; i < best.length; i++) {
            for (Tick t : ticks) {
                if (t.label == best[i]) {
                    lengths[i] = t.length;
                    cx += t.x / best.length;
                    cy += t.y / best.length;
                    break;
                }
            }
        }
        return best.length == 0 ? new Row(best, bestAcross, lengths, Double.NaN, Double.NaN)
                : new Row(best, bestAcross, lengths, cx, cy);
    }

    /**
     * Every row of at least {@code minTicks} ticks, longest first: the longest row is taken, its ticks
     * removed, and so on (a ruler's millimetre and half-millimetre edges, or two rulers, give two rows).
     */
    static List<Row> rows(List<Tick> ticks, double scaleTo512, int minTicks) {
        List<Row> out = new ArrayList<>();
        List<Tick> left = new ArrayList<>(ticks);
        while (true) {
            Row r = longestRow(left, scaleTo512);
            if (r.size() < Math.max(2, minTicks)) return out;
            out.add(r);
            java.util.Set<Integer> used = new java.util.HashSet<>();
            for (int l : r.labels()) used.add(l);
            left.removeIf(t -> used.contains(t.label));
        }
    }

    /**
     * The longest run of consecutive positions whose steps all stay within {@link #SPACING_TOLERANCE}
     * of the run's first step (positions closer than the minimum step are fragments of one tick and
     * skipped).
     */
    static int[] evenChain(List<double[]> sorted, double minStep, double maxStep) {
        double[] s = new double[sorted.size()];
        int[] lab = new int[sorted.size()];
        int m = 0;
        for (double[] p : sorted) {
            if (m > 0 && p[0] - s[m - 1] < minStep) continue;
            s[m] = p[0];
            lab[m++] = (int) p[1];
        }
        int bestStart = 0;
        int bestLen = Math.min(m, 1);
        for (int a = 0; a + 1 < m; a++) {
            double step = s[a + 1] - s[a];
            if (step > maxStep) continue;
            int b = a + 1;
            while (b + 1 < m && Math.abs((s[b + 1] - s[b]) - step) <= SPACING_TOLERANCE * step) b++;
            if (b - a + 1 > bestLen) {
                bestLen = b - a + 1;
                bestStart = a;
            }
        }
        return Arrays.copyOfRange(lab, bestStart, bestStart + bestLen);
    }
}

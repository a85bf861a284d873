package org.dermdesk.imaging;

import java.util.ArrayList;
import java.util.List;
import org.dermdesk.core.FieldOfView;
import org.dermdesk.core.Scale;
import org.dermdesk.core.ScaleSource;

/**
 * Pixels per millimetre from the ruler ticks in the image. Each evenly spaced row of at least
 * {@link #MIN_TICKS} ticks gives a tick spacing. Whether a row's ticks are 1 mm or 0.5 mm apart is read
 * from the ruler's own pattern: millimetre rulers draw every 5th tick longer, half-millimetre rulers
 * every 2nd (the whole millimetres); where two rows disagree by a factor of two, the finer row is the
 * half-millimetre one. A row with no pattern is taken as millimetre ticks, the common case, with less
 * confidence. The scales of the rows that agree with the longest row are combined by their median; the
 * spread over all rows says how consistent they are.
 */
final class RulerScale {

    /** Ticks a row needs before its spacing is trusted as a scale. */
    static final int MIN_TICKS = 5;
    /** Mean length of the pattern's long ticks over the others from which the pattern counts. */
    static final double PATTERN_RATIO = 1.25;
    /** Rows whose spacings differ by a factor within this of 2 are a millimetre and a half-millimetre row. */
    static final double HALF_MM_TOLERANCE = 0.12;
    /** Rows further than this (relative) from the median scale are left out as not from the same ruler. */
    static final double ROW_AGREEMENT = 0.15;
    /** Ticks in the rows from which the count no longer limits confidence. */
    static final int TICKS_FOR_FULL_CONFIDENCE = 15;

    /** One row's reading. */
    record RowScale(double spacingPx, int ticks, double tickMm, boolean patternSeen) {
        double pxPerMm() {
            return spacingPx / tickMm;
        }
    }

    private RulerScale() {
    }

    /**
     * The scale at full image resolution, or {@link Scale#unknown()} when no ruler row was found or the
     * reading would make the image cover an implausible {@link FieldOfView} (a row of 5 mm ticks read as 1 mm).
     */
    static Scale find(WorkingCopy wc) {
        Scale s = combine(readRows(wc), wc.scale);
        if (!s.known()) return s;
        return FieldOfView.plausible(wc.fullWidth, wc.fullHeight, s.pxPerMm()) ? s : Scale.unknown();
    }

    /** Every row's reading at working resolution (for validation: how consistent the rows of one image are). */
    static List<RowScale> readRows(WorkingCopy wc) {
        TickMarks tm = wc.tickMarks();
        List<TickRows.Row> rows = new ArrayList<>(TickRows.rows(tm.fine(), wc.scaleTo512(), MIN_TICKS));
        for (TickRows.Row r : TickRows.rows(tm.detached(), wc.scaleTo512(), MIN_TICKS)) {
            // the same ticks seen through both kernels are one row, not two that agree
            if (rows.stream().noneMatch(o -> sameRow(o, r))) rows.add(r);
        }
        List<RowScale> out = new ArrayList<>();
        for (TickRows.Row r : rows) {
            out.add(read(r));
        }
        return dropFiveMillimetreRows(resolveHalfMillimetres(out));
    }

    /** Whether two rows lie on the same ruler edge: centres within two tick spacings, spacings within 15%. */
    static boolean sameRow(TickRows.Row a, TickRows.Row b) {
        double s = Math.max(a.spacing(), b.spacing());
        return Math.hypot(a.cx() - b.cx(), a.cy() - b.cy()) < Math.max(2 * s, 0.5 * extent(a))
                && Math.abs(a.spacing() - b.spacing()) <= 0.15 * s;
    }

    private static double extent(TickRows.Row r) {
        return r.positions().length < 2 ? 0 : r.positions()[r.positions().length - 1] - r.positions()[0];
    }

    /** A row without a pattern at 5 or 10 times another row's spacing is that ruler's long ticks alone: left out. */
    static List<RowScale> dropFiveMillimetreRows(List<RowScale> rows) {
        List<RowScale> out = new ArrayList<>();
        for (RowScale r : rows) {
            boolean coarse = false;
            for (RowScale o : rows) {
                double ratio = r.spacingPx() / o.spacingPx();
                coarse |= o != r && !r.patternSeen()
                        && (Math.abs(ratio - 5) <= 5 * HALF_MM_TOLERANCE || Math.abs(ratio - 10) <= 10 * HALF_MM_TOLERANCE);
            }
            if (!coarse) out.add(r);
        }
        return out;
    }

    static RowScale read(TickRows.Row row) {
        double spacing = row.spacing();
        double every2 = patternRatio(row.lengths(), 2);
        double every5 = patternRatio(row.lengths(), 5);
        boolean half = every2 >= PATTERN_RATIO && every2 >= every5;
        boolean whole = !half && every5 >= PATTERN_RATIO;
        return new RowScale(spacing, row.size(), half ? 0.5 : 1.0, half || whole);
    }

    /** A row without its own pattern that runs at half the spacing of a patterned millimetre row is half-millimetre. */
    static List<RowScale> resolveHalfMillimetres(List<RowScale> rows) {
        List<RowScale> out = new ArrayList<>();
        for (RowScale r : rows) {
            RowScale resolved = r;
            if (!r.patternSeen()) {
                for (RowScale o : rows) {
                    double ratio = o.spacingPx() / r.spacingPx();
                    if (o != r && o.tickMm() == 1.0 && Math.abs(ratio - 2) <= 2 * HALF_MM_TOLERANCE) {
                        resolved = new RowScale(r.spacingPx(), r.ticks(), 0.5, true);
                    }
                }
            }
            out.add(resolved);
        }
        return out;
    }

    /**
     * Mean length of the ticks at the best phase of every {@code period}th tick over the mean of the rest
     * (1 when the row is too short to show the period twice or all ticks are alike).
     */
    static double patternRatio(double[] lengths, int period) {
        if (lengths.length < period + 1) return 1;
        double best = 1;
        for (int phase = 0; phase < period; phase++) {
            double on = 0;
            double off = 0;
            int nOn = 0;
            int nOff = 0;
            for (int i = 0; i < lengths.length; i++) {
                if (i % period == phase) {
                    on += lengths[i];
                    nOn++;
                } else {
                    off += lengths[i];
                    nOff++;
                }
            }
            if (nOn == 0 || nOff == 0 || off == 0) continue;
            best = Math.max(best, (on / nOn) / (off / nOff));
        }
        return best;
    }

    /**
     * The median scale of the rows that agree with the row of most ticks (the others left out and lowering
     * the confidence); {@code fullScale} = working / full size.
     */
    static Scale combine(List<RowScale> rows, double fullScale) {
        if (rows.isEmpty()) return Scale.unknown();
        // anchored on the row with the most ticks, so two rows that disagree cannot leave none agreeing
        double anchor = rows.stream().max(java.util.Comparator.comparingInt(RowScale::ticks)).orElseThrow().pxPerMm();
        List<RowScale> agree = rows.stream()
                .filter(r -> Math.abs(r.pxPerMm() - anchor) <= ROW_AGREEMENT * anchor).toList();
        double pxPerMm = median(agree.stream().mapToDouble(RowScale::pxPerMm).toArray());
        double spread = Double.NaN;
        if (rows.size() >= 2) {
            double min = rows.stream().mapToDouble(RowScale::pxPerMm).min().orElseThrow();
            double max = rows.stream().mapToDouble(RowScale::pxPerMm).max().orElseThrow();
            spread = (max - min) / pxPerMm;
        }
        int ticks = agree.stream().mapToInt(RowScale::ticks).sum();
        boolean pattern = agree.stream().anyMatch(RowScale::patternSeen);
        // more ticks, a recognised ruler pattern and rows that agree each make the reading surer
        double confidence = Math.min(1, (double) ticks / TICKS_FOR_FULL_CONFIDENCE) * (pattern ? 1 : 0.7)
                * (agree.size() < rows.size() ? 0.8 : 1);
        double tickMm = agree.stream().mapToDouble(RowScale::tickMm).min().orElse(1);
        return new Scale(pxPerMm / fullScale, ScaleSource.RULER, Math.round(confidence * 100) / 100.0, tickMm, spread);
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        java.util.Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }
}

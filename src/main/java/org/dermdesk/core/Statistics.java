package org.dermdesk.core;

import java.util.Arrays;

/** Order statistics for benchmarks and summaries. */
public final class Statistics {

    private Statistics() {
    }

    /** Median of the values (mean of the middle two for an even count; NaN for none). */
    public static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] s = values.clone();
        Arrays.sort(s);
        int m = s.length / 2;
        return s.length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2;
    }

    /** Nearest-rank percentile, {@code q} in 0..1 (0.9 = p90); NaN for no values. */
    public static double percentile(double[] values, double q) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] s = values.clone();
        Arrays.sort(s);
        int rank = (int) Math.ceil(q * s.length) - 1;
        return s[Math.max(0, Math.min(s.length - 1, rank))];
    }
}

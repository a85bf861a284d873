package org.dermdesk.ui;

import java.util.Locale;

/** Number formats shared by the panels. */
final class Format {

    private Format() {
    }

    static String percent(double fraction) {
        if (Double.isNaN(fraction)) {
            return "\u2014";
        }
        double pct = fraction * 100;
        return pct < 1 && pct > 0 ? String.format(Locale.ROOT, "%.1f%%", pct) : String.format(Locale.ROOT, "%.0f%%", pct);
    }

    static String decimal(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}

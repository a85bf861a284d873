package org.dermdesk.cli;

import java.io.PrintStream;
import org.dermdesk.core.ComparisonWording;
import org.dermdesk.core.LesionComparison;
import org.dermdesk.core.ResultWording;

/** The {@code compare} command's readable output. */
final class ComparisonText {

    private ComparisonText() {
    }

    static void print(LesionComparison c, PrintStream out) {
        out.println("Before: " + c.before().name() + "    After: " + c.after().name());
        out.println(c.verdict());
        for (String s : c.differentReasons()) out.println("  - " + s);
        for (String s : c.changes()) out.println("  - " + s);
        out.println(ComparisonWording.registration(c.registration()));
        out.printf("%-20s %-24s %-24s %s%n", "", "before", "after", "change");
        for (ComparisonWording.Row r : ComparisonWording.rows(c)) {
            out.printf("%-20s %-24s %-24s %s%n", r.label(), r.before(), r.after(), r.change());
        }
        out.println(c.scaleNote());
        out.println(ComparisonWording.thresholds());
        out.println(ResultWording.DISCLAIMER);
    }
}

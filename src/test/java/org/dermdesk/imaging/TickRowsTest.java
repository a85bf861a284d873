package org.dermdesk.imaging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TickRowsTest {

    private static List<double[]> positions(double... s) {
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < s.length; i++) out.add(new double[] {s[i], i + 1});
        return out;
    }

    @Test
    void evenChainStopsWhereTheSpacingBreaks() {
        assertArrayEquals(new int[] {1, 2, 3, 4}, TickRows.evenChain(positions(0, 10, 20, 31, 55), 4, 45));
    }

    @Test
    void fragmentsOfOneTickCountOnce() {
        // 20.5 is a second piece of the tick at 20
        assertArrayEquals(new int[] {1, 2, 3, 5}, TickRows.evenChain(positions(0, 10, 20, 20.5, 30), 4, 45));
    }

    @Test
    void stepsWiderThanTheLargestSpacingDoNotChain() {
        assertEquals(1, TickRows.evenChain(positions(0, 100, 200, 300), 4, 45).length);
    }

    @Test
    void parallelTicksSideBySideFormARowButCollinearPiecesDoNot() {
        List<TickRows.Tick> row = new ArrayList<>();
        List<TickRows.Tick> broken = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            row.add(new TickRows.Tick(100 + 12 * i, 50, 0, 1, 15, i + 1));
            broken.add(new TickRows.Tick(100, 50 + 20 * i, 0, 1, 15, i + 1));
        }
        assertEquals(5, TickRows.longestRow(row, 1).size());
        assertTrue(TickRows.longestRow(broken, 1).size() < 2);
    }
}

package org.dermdesk.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.dermdesk.core.ExplanationVerdicts.Faithfulness;
import org.dermdesk.core.ExplanationVerdicts.Stability;
import org.junit.jupiter.api.Test;

class ExplanationWordingTest {

    /** An explanation with the given insertion−deletion gain over a random order (random order at 0.10). */
    static Explanation explanation(double gain, OptionalDouble stability, double artifactShare, double outsideShare) {
        int[] labels = new int[4];
        return new Explanation(2, 2, 1, labels, new double[] {0.2}, 0.1, 0.6, 0.5, 0.5,
                0.30, 0.30 + 0.10 + gain, 0.40, 0.50, stability, artifactShare, outsideShare, 100, 1, Map.of());
    }

    @Test
    void faithfulnessVerdictsFollowTheGainOverARandomOrder() {
        assertEquals(Faithfulness.FAITHFUL, Faithfulness.ofGain(0.15));
        assertEquals(Faithfulness.MODERATELY_FAITHFUL, Faithfulness.ofGain(0.10), "the window and the PDF used to disagree here");
        assertEquals(Faithfulness.MODERATELY_FAITHFUL, Faithfulness.ofGain(0.05));
        assertEquals(Faithfulness.NOT_FAITHFUL, Faithfulness.ofGain(0.049));
        assertEquals(Faithfulness.NOT_FAITHFUL, Faithfulness.ofGain(Double.NaN));
        assertEquals(Faithfulness.MODERATELY_FAITHFUL, Faithfulness.of(explanation(0.10, OptionalDouble.empty(), 0, 0)));
    }

    @Test
    void stabilityVerdictsFollowTheRankCorrelation() {
        assertEquals(Stability.STABLE, Stability.of(0.8));
        assertEquals(Stability.FAIRLY_STABLE, Stability.of(0.75), "the window and the PDF used to disagree here");
        assertEquals(Stability.FAIRLY_STABLE, Stability.of(0.5));
        assertEquals(Stability.UNSTABLE, Stability.of(0.45));
    }

    @Test
    void sentencesStartWithTheVerdictAndGiveTheFigures() {
        Explanation e = explanation(0.10, OptionalDouble.of(0.75), 0.1, 0.2);
        assertEquals("Moderately faithful: the highlighted regions matter somewhat more than random ones"
                + " (score 0.20 against 0.10 for a random order).", ExplanationWording.faithfulness(e));
        assertEquals("Fairly stable: a second run with another random seed ranks the regions similarly"
                + " (rank correlation 0.75).", ExplanationWording.stability(e));
        assertEquals(ExplanationWording.STABILITY_NOT_MEASURED,
                ExplanationWording.stability(explanation(0.1, OptionalDouble.empty(), 0, 0)));
    }

    @Test
    void shortcutAlarmNamesOnlyTheSharesThatRaiseIt() {
        String artifacts = ExplanationWording.shortcutAlarm(explanation(0.2, OptionalDouble.empty(), 0.45, 0.2)).orElseThrow();
        assertEquals("Shortcut alarm: 45% of the evidence lies on artifacts (hair, ruler, ink, dark corners)"
                + " \u2014 the model may be reacting to something other than the lesion.", artifacts);
        String both = ExplanationWording.shortcutAlarm(explanation(0.2, OptionalDouble.empty(), 0.45, 0.7)).orElseThrow();
        assertTrue(both.contains("45% of the evidence lies on artifacts") && both.contains("70% of the evidence lies on skin outside"), both);
        assertFalse(ExplanationWording.shortcutAlarm(explanation(0.2, OptionalDouble.empty(), 0.1, 0.2)).isPresent());
    }

    @Test
    void withoutAnAlarmThePdfStillSaysWhereTheEvidenceLies() {
        List<String> s = ExplanationWording.summary(explanation(0.2, OptionalDouble.of(0.9), 0.12, 0.18));
        assertEquals(3, s.size());
        assertTrue(s.get(0).startsWith("Faithful:"), s.get(0));
        assertTrue(s.get(1).startsWith("Stable:"), s.get(1));
        assertEquals("No shortcut alarm: 12% of the evidence lies on artifacts and 18% outside the lesion.", s.get(2));
    }

    @Test
    void sharesWithoutAMaskAreSaidToBeUnmeasuredNotPrintedAsNaN() {
        String s = ExplanationWording.noShortcutAlarm(explanation(0.2, OptionalDouble.empty(), Double.NaN, Double.NaN));
        assertFalse(s.contains("NaN"), s);
        assertEquals("No shortcut alarm: evidence on artifacts not measured and evidence outside the lesion not measured.", s);
    }
}

package org.dermdesk.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BidiTextTest {

    private static String display(String logical) {
        return BidiText.visual(BidiText.shape(logical));
    }

    @Test
    void hebrewIsDrawnRightToLeft() {
        assertEquals("\u05DD\u05D5\u05DC\u05E9", display("\u05E9\u05DC\u05D5\u05DD")); // shalom: final mem drawn first
    }

    @Test
    void arabicIsJoinedAndDrawnRightToLeft() {
        // bab (door): beh initial, alef final, beh isolated; drawn from the left: isolated beh, alef, initial beh
        assertEquals("\uFE8F\uFE8E\uFE91", display("\u0628\u0627\u0628"));
    }

    @Test
    void rightToLeftWordsInsideLeftToRightTextKeepTheirPlace() {
        // "Site: dhahr (back)": zah initial, heh medial, reh final, the word reversed, the Latin left alone
        assertEquals("Site: \uFEAE\uFEEC\uFEC7 (back)", display("Site: \u0638\u0647\u0631 (back)"));
        assertEquals("plain text", display("plain text"));
    }
}

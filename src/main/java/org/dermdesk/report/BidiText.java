package org.dermdesk.report;

import com.ibm.icu.text.ArabicShaping;
import com.ibm.icu.text.ArabicShapingException;
import com.ibm.icu.text.Bidi;

/**
 * Right-to-left text for a PDF, which draws glyphs left to right as given: Arabic letters are shaped into
 * their joined (initial, medial, final, isolated) presentation forms, and a line in logical order is put
 * into display order (Unicode bidirectional algorithm, mirrored brackets), so Arabic and Hebrew read
 * correctly, alone or mixed with left-to-right text. Text without right-to-left characters is returned as is.
 */
final class BidiText {

    private BidiText() {
    }

    /** Arabic letters in their joined forms, still in logical order (so it can be measured and wrapped). */
    static String shape(String logical) {
        if (!hasArabic(logical)) {
            return logical;
        }
        try {
            return new ArabicShaping(ArabicShaping.LETTERS_SHAPE | ArabicShaping.TEXT_DIRECTION_LOGICAL
                    | ArabicShaping.LENGTH_GROW_SHRINK).shape(logical);
        } catch (ArabicShapingException e) {
            return logical; // unshaped letters still read, if less well
        }
    }

    /** One line in display order, left to right; the paragraph direction follows its first strong character. */
    static String visual(String logicalLine) {
        if (!Bidi.requiresBidi(logicalLine.toCharArray(), 0, logicalLine.length())) {
            return logicalLine;
        }
        Bidi bidi = new Bidi(logicalLine, Bidi.LEVEL_DEFAULT_LTR);
        return bidi.writeReordered(Bidi.DO_MIRRORING | Bidi.REMOVE_BIDI_CONTROLS);
    }

    private static boolean hasArabic(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x0600 && c <= 0x06FF || c >= 0x0750 && c <= 0x077F || c >= 0x08A0 && c <= 0x08FF) {
                return true;
            }
        }
        return false;
    }
}

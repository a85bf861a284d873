package org.dermdesk.report;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes a text file of unknown encoding as a spreadsheet may have saved it: a byte-order mark says
 * UTF-8, UTF-16LE or UTF-16BE; without one, UTF-16 is recognised by its zero bytes (ASCII text in UTF-16
 * has one in every pair), then strict UTF-8 is tried, and anything else is read as Windows-1252 (Latin-1
 * with the quotes and dashes Excel writes on Windows). Never fails: every byte sequence decodes.
 */
final class TextDecoding {

    /** The text and the name of the encoding it was read as. */
    record Decoded(String text, String encoding) {
    }

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private TextDecoding() {
    }

    static Decoded decode(byte[] b) {
        if (startsWith(b, 0xEF, 0xBB, 0xBF)) {
            return new Decoded(lenient(b, 3, StandardCharsets.UTF_8), "UTF-8");
        }
        if (startsWith(b, 0xFF, 0xFE)) {
            return new Decoded(lenient(b, 2, StandardCharsets.UTF_16LE), "UTF-16");
        }
        if (startsWith(b, 0xFE, 0xFF)) {
            return new Decoded(lenient(b, 2, StandardCharsets.UTF_16BE), "UTF-16");
        }
        int evenZeros = 0;
        int oddZeros = 0;
        int pairs = Math.min(b.length / 2, 4096);
        for (int i = 0; i < pairs; i++) {
            evenZeros += b[2 * i] == 0 ? 1 : 0;
            oddZeros += b[2 * i + 1] == 0 ? 1 : 0;
        }
        if (pairs > 0 && oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) {
            return new Decoded(lenient(b, 0, StandardCharsets.UTF_16LE), "UTF-16");
        }
        if (pairs > 0 && evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) {
            return new Decoded(lenient(b, 0, StandardCharsets.UTF_16BE), "UTF-16");
        }
        try {
            CharBuffer cb = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b));
            return new Decoded(cb.toString(), "UTF-8");
        } catch (CharacterCodingException e) {
            // not UTF-8: the usual other encoding of a spreadsheet's CSV
        }
        return new Decoded(lenient(b, 0, WINDOWS_1252), "Windows-1252 (Latin-1)");
    }

    private static String lenient(byte[] b, int from, Charset cs) {
        try {
            return cs.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(b, from, b.length - from)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalStateException(e); // REPLACE never reports
        }
    }

    private static boolean startsWith(byte[] b, int... prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}

package org.dermdesk.report;

import java.io.Closeable;
import java.io.IOException;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Measures, wraps and draws text on one document with per-character font fallback: each run of
 * characters is drawn in the first embedded font that has them (regular or bold DejaVu, then the CJK
 * font); Arabic is shaped and right-to-left text drawn in display order ({@link BidiText}); an emoji no
 * font has is named in brackets, other characters no font has become U+FFFD or '?'.
 */
final class PdfText implements Closeable {

    private final ReportFonts fonts;
    private final PDFont regular;
    private final PDFont bold;
    private final PDFont cjk;
    private final String replacement;
    private final List<Closeable> open = new ArrayList<>();

    /** Close only after the document is saved: the fonts are subset when it is. */
    PdfText(PDDocument doc, ReportFonts fonts) throws IOException {
        this.fonts = fonts;
        this.regular = load(doc, fonts.regular());
        this.bold = load(doc, fonts.bold());
        this.cjk = fonts.cjk() == null ? null : load(doc, fonts.cjk());
        this.replacement = fonts.regular().has(0xFFFD) ? "\uFFFD" : "?";
    }

    private PDFont load(PDDocument doc, ReportFonts.Face face) throws IOException {
        if (face.face() == null) {
            return PDType0Font.load(doc, face.file().toFile());
        }
        TrueTypeCollection ttc = new TrueTypeCollection(face.file().toFile());
        open.add(ttc);
        TrueTypeFont ttf = ttc.getFontByName(face.face());
        if (ttf == null) {
            throw new IOException(face.file() + " has no font named " + face.face());
        }
        return PDType0Font.load(doc, ttf, true);
    }

    @Override
    public void close() throws IOException {
        for (Closeable c : open) {
            c.close();
        }
        open.clear();
    }

    private record Run(PDFont font, String text) {
    }

    /**
     * Replaces control characters, shapes Arabic letters into their joined forms ({@link BidiText#shape}) and
     * stands in for characters no font has: an emoji by its name in brackets ("[grinning face]"), anything
     * else by U+FFFD; keeps line breaks out (callers split first). The result is still in logical order.
     */
    String clean(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        BidiText.shape(s).codePoints().forEach(cp -> {
            if (cp == '\t') {
                sb.append("    ");
            } else if (Character.isISOControl(cp) || cp == 0x2028 || cp == 0x2029) {
                sb.append(' ');
            } else if (Character.getType(cp) == Character.FORMAT) {
                // zero-width joiners, direction marks, BOM: nothing to draw
            } else if (fonts.canRender(cp)) {
                sb.appendCodePoint(cp);
            } else if (isEmojiModifier(cp)) {
                // variation selector, skin tone, tag: it changes the emoji before it, which is already named
            } else if (isEmoji(cp) && Character.getName(cp) != null) {
                sb.append('[').append(Character.getName(cp).toLowerCase(Locale.ROOT)).append(']');
            } else {
                sb.append(replacement);
            }
        });
        return sb.toString();
    }

    private static boolean isEmoji(int cp) {
        return cp >= 0x1F000 && cp <= 0x1FAFF || cp >= 0x2600 && cp <= 0x27BF || cp >= 0x2B00 && cp <= 0x2BFF
                || cp >= 0x2300 && cp <= 0x23FF;
    }

    private static boolean isEmojiModifier(int cp) {
        return cp >= 0xFE00 && cp <= 0xFE0F || cp >= 0x1F3FB && cp <= 0x1F3FF || cp >= 0xE0020 && cp <= 0xE007F
                || cp == 0x20E3;
    }

    private List<Run> runs(String cleaned, boolean isBold) {
        ReportFonts.Face primary = isBold ? fonts.bold() : fonts.regular();
        PDFont primaryFont = isBold ? bold : regular;
        List<Run> runs = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        PDFont curFont = null;
        for (int i = 0; i < cleaned.length(); ) {
            int cp = cleaned.codePointAt(i);
            i += Character.charCount(cp);
            PDFont f;
            if (primary.has(cp) || cp == ' ') {
                f = primaryFont;
            } else if (fonts.regular().has(cp)) {
                f = regular; // a character the bold face lacks
            } else if (cjk != null) {
                f = cjk;
            } else {
                f = primaryFont; // clean() has already replaced what no font has
            }
            if (f != curFont && cur.length() > 0) {
                runs.add(new Run(curFont, cur.toString()));
                cur.setLength(0);
            }
            curFont = f;
            cur.appendCodePoint(cp);
        }
        if (cur.length() > 0) {
            runs.add(new Run(curFont, cur.toString()));
        }
        return runs;
    }

    /** Width in points of already cleaned text. */
    float width(String cleaned, float size, boolean isBold) throws IOException {
        float w = 0;
        for (Run r : runs(cleaned, isBold)) {
            w += r.font().getStringWidth(r.text()) / 1000f * size;
        }
        return w;
    }

    /** Draws one line of text with its baseline at y. */
    void draw(PDPageContentStream cs, String text, float x, float y, float size, boolean isBold) throws IOException {
        String cleaned = BidiText.visual(clean(text)); // glyphs are drawn left to right: right-to-left text reversed
        if (cleaned.isEmpty()) {
            return;
        }
        cs.beginText();
        cs.newLineAtOffset(x, y);
        for (Run r : runs(cleaned, isBold)) {
            cs.setFont(r.font(), size);
            cs.showText(r.text());
        }
        cs.endText();
    }

    /** Draws text so that it ends at {@code right}. */
    void drawRight(PDPageContentStream cs, String text, float right, float y, float size, boolean isBold) throws IOException {
        draw(cs, text, right - width(clean(text), size, isBold), y, size, isBold);
    }

    /**
     * Breaks text into lines no wider than {@code maxWidth}: at spaces where possible, between any two
     * characters where a word is too long (CJK text has no spaces). Line breaks in the text are kept.
     */
    List<String> wrap(String text, float maxWidth, float size, boolean isBold) throws IOException {
        List<String> lines = new ArrayList<>();
        String normalised = text.replace("\r\n", "\n").replace('\r', '\n');
        for (String paragraph : normalised.split("\n", -1)) {
            String p = clean(paragraph).stripTrailing();
            if (p.isEmpty()) {
                lines.add("");
                continue;
            }
            StringBuilder line = new StringBuilder();
            for (String word : p.split("(?<= )")) { // words keep their trailing space
                String candidate = line + word;
                if (width(candidate.stripTrailing(), size, isBold) <= maxWidth) {
                    line.append(word);
                    continue;
                }
                if (line.length() > 0) {
                    lines.add(line.toString().stripTrailing());
                    line.setLength(0);
                }
                // the word alone may still be too wide: break it between characters
                String rest = word;
                while (width(rest.stripTrailing(), size, isBold) > maxWidth) {
                    int cut = fitting(rest, maxWidth, size, isBold);
                    lines.add(rest.substring(0, cut));
                    rest = rest.substring(cut);
                }
                line.append(rest);
            }
            if (line.length() > 0) {
                lines.add(line.toString().stripTrailing());
            }
        }
        return lines;
    }

    /** The longest prefix (in chars, at a code-point boundary, at least one code point) that fits. */
    private int fitting(String s, float maxWidth, float size, boolean isBold) throws IOException {
        int end = s.offsetByCodePoints(0, 1);
        while (end < s.length()) {
            int next = s.offsetByCodePoints(end, 1);
            if (width(s.substring(0, next), size, isBold) > maxWidth) {
                break;
            }
            end = next;
        }
        return end;
    }
}

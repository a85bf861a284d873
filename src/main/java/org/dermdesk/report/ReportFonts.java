package org.dermdesk.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.io.ByteArrayInputStream;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

/**
 * The TrueType fonts a report embeds: DejaVu Sans (regular and bold; Latin, Greek, Cyrillic) and
 * WenQuanYi Micro Hei (Chinese, Japanese, Korean). Text is split into runs, each drawn in the first font that has its glyphs,
 * so any name or note renders; a character no font has is drawn as a replacement mark.
 *
 * <p>The files are looked up in, in order: the folder named by the system property
 * {@code dermdesk.fonts.dir}; {@code assets/fonts} under the working directory; {@code assets/fonts}
 * beside or above the folder of the application's jar; the Debian system folders
 * ({@code fonts-dejavu-core}, {@code fonts-wqy-microhei}). Instances are immutable and thread-safe.
 */
public final class ReportFonts {

    static final String REGULAR = "DejaVuSans.ttf";
    static final String BOLD = "DejaVuSans-Bold.ttf";
    static final String CJK = "wqy-microhei.ttc";
    /** The face used from the CJK collection. */
    static final String CJK_FACE = "WenQuanYiMicroHei";

    private static volatile ReportFonts located;

    private final Face regular;
    private final Face bold;
    private final Face cjk; // may be null: then CJK text shows replacement marks

    /**
     * One font and its Unicode lookup, used to decide which font draws which character.
     *
     * @param face the font's name inside a TrueType collection (.ttc), or null for a plain .ttf
     */
    record Face(Path file, String face, CmapLookup cmap) {
        boolean has(int codePoint) {
            return cmap.getGlyphId(codePoint) > 0;
        }
    }

    private ReportFonts(Face regular, Face bold, Face cjk) {
        this.regular = Objects.requireNonNull(regular);
        this.bold = Objects.requireNonNull(bold);
        this.cjk = cjk;
    }

    /** The fonts found in the usual places (see the class comment), found once per process. */
    public static ReportFonts locate() throws IOException {
        ReportFonts f = located;
        if (f == null) {
            synchronized (ReportFonts.class) {
                f = located;
                if (f == null) {
                    f = fromFiles(find(REGULAR), find(BOLD), findOptional(CJK));
                    located = f;
                }
            }
        }
        return f;
    }

    /** Fonts from explicit files; {@code cjk} may be null. */
    public static ReportFonts fromFiles(Path regular, Path bold, Path cjk) throws IOException {
        return new ReportFonts(face(regular, null), face(bold, null), cjk == null ? null : face(cjk, CJK_FACE));
    }

    private static Face face(Path file, String faceName) throws IOException {
        byte[] bytes = Files.readAllBytes(file); // the lookup reads from these bytes, kept for the process
        TrueTypeFont ttf = isCollection(file)
                ? new TrueTypeCollection(new ByteArrayInputStream(bytes)).getFontByName(faceName)
                : new TTFParser().parse(new RandomAccessReadBuffer(bytes));
        if (ttf == null) {
            throw new IOException(file + " has no font named " + faceName);
        }
        CmapLookup cmap = ttf.getUnicodeCmapLookup(false);
        if (cmap == null) {
            throw new IOException(file + " has no Unicode character map");
        }
        return new Face(file, isCollection(file) ? faceName : null, cmap);
    }

    static boolean isCollection(Path file) {
        return file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".ttc");
    }

    static List<Path> searchFolders() {
        List<Path> dirs = new ArrayList<>();
        String prop = System.getProperty("dermdesk.fonts.dir");
        if (prop != null && !prop.isBlank()) {
            dirs.add(Path.of(prop));
        }
        dirs.add(Path.of("assets", "fonts").toAbsolutePath());
        try {
            Path code = Path.of(ReportFonts.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path dir = Files.isDirectory(code) ? code : code.getParent();
            for (int up = 0; up < 3 && dir != null; up++, dir = dir.getParent()) {
                dirs.add(dir.resolve("assets").resolve("fonts"));
            }
        } catch (Exception e) {
            // no code source (unusual class loader): the other folders remain
        }
        dirs.add(Path.of("/usr/share/fonts/truetype/dejavu"));
        dirs.add(Path.of("/usr/share/fonts/truetype/wqy"));
        return dirs;
    }

    private static Path find(String name) throws IOException {
        Path p = findOptional(name);
        if (p == null) {
            throw new IOException("font " + name + " not found in " + searchFolders()
                    + " - reinstall DermDesk or install the Debian package fonts-dejavu-core");
        }
        return p;
    }

    private static Path findOptional(String name) {
        for (Path dir : searchFolders()) {
            Path p = dir.resolve(name);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }

    Face regular() {
        return regular;
    }

    Face bold() {
        return bold;
    }

    Face cjk() {
        return cjk;
    }

    /** Whether any of the fonts can draw the character. */
    public boolean canRender(int codePoint) {
        return regular.has(codePoint) || (cjk != null && cjk.has(codePoint));
    }
}

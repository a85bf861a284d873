package org.dermdesk.report;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.zip.CRC32;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.dermdesk.core.CaseRecord;

/**
 * The append-only CSV case log: one row per saved analysis, readable in any spreadsheet.
 *
 * <h2>Format (version 1)</h2>
 * UTF-8, RFC 4180 (comma, CRLF, fields with comma/quote/line break quoted, quotes doubled). The first
 * line is the header {@link #COLUMNS}; the version is the first column, {@code log_version}, which is
 * "1" on every row, so each row says which layout it has and a spreadsheet still sees a plain header.
 * The last column, {@code row_crc32}, is the CRC-32 of the row's other fields: a row cut short by a
 * crash, even one cut inside the last text field, fails it and is reported instead of read as data.
 * Text fields that a spreadsheet would take for a formula (starting with {@code = + - @}, tab or CR)
 * are stored with a leading apostrophe, as are fields that start with an apostrophe; the reader
 * removes exactly one, so every value round-trips unchanged.
 *
 * <h2>Crash safety</h2>
 * Each row is written with one write of its complete bytes and then forced to disk
 * ({@link FileChannel#force}); rows already in the file are never rewritten or reordered. When a crash
 * left a half row at the end, the next append first terminates it (closing an open quoted field, then a
 * line break) so it cannot swallow the new row; the reader then reports that row as damaged and skips
 * it. Appends from several processes are serialised with a file lock.
 *
 * <p>The log holds patient details: nothing from it is ever logged.
 */
public final class CaseLog {

    public static final String VERSION = "1";

    public static final List<String> COLUMNS = List.of("log_version", "timestamp", "case_id", "image_path",
            "image_sha256", "age", "sex", "site", "p_malignant", "verdict", "threshold", "retake", "reasons",
            "model_name", "model_version", "model_sha256", "reviewer_notes", "row_crc32");

    private static final CSVFormat FORMAT = CSVFormat.RFC4180;
    private static final byte[] HEADER_LINE = encodeRecord(COLUMNS);
    private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS_LOCKS = new ConcurrentHashMap<>();

    private final Path file;
    private final ReentrantLock lock;
    // what this instance has already scanned of the file (the file only ever grows)
    private long scannedLength;
    private boolean insideQuotes;
    private int lastByte = -1;

    public CaseLog(Path file) {
        this.file = file.toAbsolutePath().normalize();
        this.lock = IN_PROCESS_LOCKS.computeIfAbsent(this.file, p -> new ReentrantLock());
    }

    /** Whether appending to {@code file} is safe: it is missing, empty, or starts with this log's header. */
    public static boolean isCaseLogOrAbsent(Path file) throws IOException {
        if (!Files.exists(file) || Files.size(file) == 0) {
            return true;
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size < HEADER_LINE.length) {
                // a header cut short by a crash: a prefix of ours
                ByteBuffer buf = ByteBuffer.allocate((int) size);
                ch.read(buf, 0);
                return Arrays.equals(buf.array(), Arrays.copyOf(HEADER_LINE, (int) size));
            }
            return startsWithHeader(ch, size);
        }
    }

    public Path file() {
        return file;
    }

    public void append(CaseRecord record) throws IOException {
        append(CaseLogEntry.of(record));
    }

    /** Appends one row and returns once it is on disk. */
    public void append(CaseLogEntry entry) throws IOException {
        byte[] row = encodeRow(entry);
        lock.lock();
        try {
            Path dir = file.getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
            boolean created = !Files.exists(file);
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.READ);
                 FileLock ignored = ch.lock()) {
                long size = ch.size();
                boolean headerOk = startsWithHeader(ch, size);
                scan(ch, size);
                // a log whose header was cut short by a crash gets a fresh header after the fragment
                boolean needHeader = size == 0 || !headerOk;
                byte[] bytes = concat(terminator(), needHeader ? HEADER_LINE : new byte[0], row);
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                long pos = size;
                while (buf.hasRemaining()) {
                    pos += ch.write(buf, pos);
                }
                ch.force(true);
                scannedLength = pos;
                insideQuotes = false;
                lastByte = '\n';
            }
            if (created && dir != null) {
                forceDirectory(dir);
            }
        } finally {
            lock.unlock();
        }
    }

    private static boolean startsWithHeader(FileChannel ch, long size) throws IOException {
        if (size < HEADER_LINE.length) {
            return false;
        }
        ByteBuffer buf = ByteBuffer.allocate(HEADER_LINE.length);
        while (buf.hasRemaining() && ch.read(buf, buf.position()) > 0) {
            // fill
        }
        return Arrays.equals(buf.array(), HEADER_LINE);
    }

    /** Brings the quote state and last byte up to date with the file's current end. */
    private void scan(FileChannel ch, long size) throws IOException {
        if (size < scannedLength) { // replaced or truncated behind our back: start again
            scannedLength = 0;
            insideQuotes = false;
            lastByte = -1;
        }
        ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
        long pos = scannedLength;
        while (pos < size) {
            buf.clear();
            int n = ch.read(buf, pos);
            if (n <= 0) {
                break;
            }
            byte[] a = buf.array();
            for (int i = 0; i < n; i++) {
                if (a[i] == '"') {
                    insideQuotes = !insideQuotes;
                }
            }
            lastByte = a[n - 1] & 0xFF;
            pos += n;
        }
        scannedLength = pos;
    }

    /** What must go before the next row so that a half row left by a crash ends safely. */
    private byte[] terminator() {
        if (scannedLength == 0) {
            return new byte[0];
        }
        if (insideQuotes) {
            return "\"\r\n".getBytes(StandardCharsets.US_ASCII);
        }
        if (lastByte == '\n') {
            return new byte[0];
        }
        return (lastByte == '\r' ? "\n" : "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static void forceDirectory(Path dir) {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // not every file system lets a directory be synced; the row itself is on disk
        }
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int o = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, o, p.length);
            o += p.length;
        }
        return out;
    }

    // ---------------------------------------------------------------- encoding

    /** The complete bytes of one row, ending in CRLF. Package-private for the crash tests. */
    static byte[] encodeRow(CaseLogEntry e) {
        List<String> fields = new ArrayList<>(COLUMNS.size());
        fields.add(VERSION);
        fields.add(e.timestamp().toString());
        fields.add(text(e.caseId()));
        fields.add(text(e.imagePath()));
        fields.add(e.imageSha256());
        fields.add(e.age() == null ? "" : e.age().toString());
        fields.add(text(e.sex()));
        fields.add(text(e.site()));
        fields.add(number(e.pMalignant()));
        fields.add(text(e.verdict()));
        fields.add(number(e.threshold()));
        fields.add(e.retake() == null ? "" : e.retake() ? "yes" : "no");
        fields.add(text(String.join("\n", e.reasons())));
        fields.add(text(e.modelName()));
        fields.add(text(e.modelVersion()));
        fields.add(text(e.modelSha256()));
        fields.add(text(e.reviewerNotes()));
        fields.add(crc(fields));
        return encodeRecord(fields);
    }

    private static byte[] encodeRecord(List<String> fields) {
        StringBuilder sb = new StringBuilder();
        try (CSVPrinter p = new CSVPrinter(sb, FORMAT)) {
            p.printRecord(fields);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not fail
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    /** Guards a text value against spreadsheet formula injection; null becomes empty. */
    static String text(String s) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        char c = s.charAt(0);
        boolean guard = c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' || c == '\'';
        return guard ? "'" + s : s;
    }

    static String untext(String s) {
        if (s.isEmpty()) {
            return null;
        }
        return s.charAt(0) == '\'' ? s.substring(1) : s;
    }

    private static String crc(List<String> fields) {
        CRC32 crc = new CRC32();
        for (String f : fields) {
            crc.update(f.getBytes(StandardCharsets.UTF_8));
            crc.update(0x1F);
        }
        return String.format(Locale.ROOT, "%08x", crc.getValue());
    }

    // ---------------------------------------------------------------- reading

    /** The rows of a log and what was wrong with any that could not be read. */
    public record Contents(List<CaseLogEntry> entries, List<String> problems) {
        public Contents {
            entries = List.copyOf(entries);
            problems = List.copyOf(problems);
        }

        /** SHA-256 of every image already in the log (for resuming a batch). */
        public Set<String> imageHashes() {
            Set<String> s = new LinkedHashSet<>();
            entries.forEach(e -> s.add(e.imageSha256()));
            return s;
        }
    }

    /** Reads every intact row; damaged or half rows are reported by line number and skipped. A missing file is empty. */
    public static Contents read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return new Contents(List.of(), List.of());
        }
        // a row cut inside a multi-byte character must not stop the rows around it from being read
        String text = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)
                .decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        return parse(new StringReader(text));
    }

    static Contents parse(Reader reader) throws IOException {
        List<CaseLogEntry> entries = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get()) {
            Iterator<CSVRecord> it = parser.iterator();
            boolean headerSeen = false;
            while (true) {
                long line = parser.getCurrentLineNumber() + 1;
                CSVRecord rec;
                try {
                    if (!it.hasNext()) {
                        break;
                    }
                    rec = it.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    problems.add("line " + line + ": unfinished row at the end of the file (an interrupted save) ignored");
                    break;
                }
                List<String> values = rec.toList();
                if (values.size() == 1 && values.get(0).isEmpty()) {
                    continue; // blank line
                }
                if (values.equals(COLUMNS)) {
                    headerSeen = true;
                    continue;
                }
                if (!headerSeen) {
                    if (!values.isEmpty() && values.get(0).equals("log_version")) {
                        problems.add("line " + line + ": unsupported case log layout (a newer DermDesk?): "
                                + "header not recognised, rows skipped until a known header");
                    } else {
                        problems.add("line " + line + ": not a DermDesk case log header; row ignored");
                    }
                    continue;
                }
                try {
                    entries.add(decodeRow(values));
                } catch (IllegalArgumentException | DateTimeParseException e) {
                    problems.add("line " + line + ": " + e.getMessage() + "; row ignored");
                }
            }
        }
        return new Contents(entries, problems);
    }

    private static CaseLogEntry decodeRow(List<String> v) {
        if (v.size() != COLUMNS.size()) {
            throw new IllegalArgumentException("incomplete row (" + v.size() + " of " + COLUMNS.size() + " columns)");
        }
        if (!VERSION.equals(v.get(0))) {
            throw new IllegalArgumentException("unknown row version '" + v.get(0) + "'");
        }
        String expected = crc(v.subList(0, v.size() - 1));
        if (!expected.equals(v.get(v.size() - 1))) {
            throw new IllegalArgumentException("damaged or incomplete row (checksum mismatch)");
        }
        String retake = v.get(11);
        String reasons = untext(v.get(12));
        return new CaseLogEntry(Instant.parse(v.get(1)), nonNull(untext(v.get(2))), untext(v.get(3)), v.get(4),
                v.get(5).isEmpty() ? null : Integer.valueOf(v.get(5)), untext(v.get(6)), untext(v.get(7)),
                Double.parseDouble(v.get(8)), untext(v.get(9)), Double.parseDouble(v.get(10)),
                retake.isEmpty() ? null : "yes".equals(retake),
                reasons == null ? List.of() : List.of(reasons.split("\n")),
                untext(v.get(13)), untext(v.get(14)), untext(v.get(15)), untext(v.get(16)));
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}

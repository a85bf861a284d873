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
import org.dermdesk.core.ImageSuitability;

/**
 * The append-only CSV case log: one row per saved analysis, readable in any spreadsheet.
 *
 * <h2>Format (version 3)</h2>
 * UTF-8, RFC 4180 (comma, CRLF, fields with comma/quote/line break quoted, quotes doubled). The first
 * line is the header {@link #COLUMNS}; the version is the first column, {@code log_version}, which is
 * "3" on every row, so each row says which layout it has and a spreadsheet still sees a plain header.
 * {@code p_malignant} is the probability shown to the user; right after it, {@code p_malignant_image_only}
 * is the image's own probability (always filled, equal to {@code p_malignant} when not adjusted) and
 * {@code adjusted_for_age_and_sex} ({@code yes}/{@code no}) says whether {@code p_malignant} also weighs
 * the patient's age and sex; {@code hair_removed} ({@code yes}/{@code no}) says whether the model saw
 * the image after digital hair removal. The last column, {@code row_crc32}, is the CRC-32 of the row's other fields: a
 * row cut short by a crash, even one cut inside the last text field, fails it and is reported instead of
 * read as data. Text fields that a spreadsheet would take for a formula (starting with {@code = + - @},
 * tab or CR) are stored with a leading apostrophe, as are fields that start with an apostrophe; the
 * reader removes exactly one, so every value round-trips unchanged.
 *
 * <h2>Version 3</h2>
 * Version 3 ({@link Layout#V3}, new files) adds the lesion measurement before {@code reviewer_notes}:
 * {@code scale_px_per_mm} (empty without a scale, as are the three millimetre columns), {@code scale_source}
 * ({@code ruler}, {@code device_profile}, {@code file_metadata}, {@code unknown}), {@code diameter_mm},
 * {@code perpendicular_diameter_mm}, {@code area_mm2}, {@code diameter_px}, {@code asymmetry} (0-2),
 * {@code border_sectors} (0-8), {@code colours} (keys joined by {@code ;}) and {@code tds} (without the
 * differential-structures term); all ten are empty when no lesion was measured. Appending to a version 1
 * or 2 file keeps that file's layout, and the measurement is not recorded there.
 *
 * <h2>Version 4</h2>
 * Version 4 ({@link Layout#V4}, new files) adds, after {@code tds}, the model's judgement of the image:
 * {@code dermoscopic} ({@code yes}/{@code no}), {@code dermoscopic_score} (0-1), {@code unfamiliar}
 * ({@code yes}/{@code no}: unlike the training images) and {@code unfamiliar_score} (0-1); all four are empty
 * for a model without that check. A non-dermoscopic image has the verdict {@code not dermoscopic}. Appending
 * to a file of an earlier version keeps that file's layout, without these cells.
 *
 * <h2>Version 5</h2>
 * Version 5 ({@link Layout#V5}, new files) adds, right after {@code site}, the case's identity:
 * {@code patient_id} (the clinic's patient identifier) and {@code lesion_id} (the lesion's label for that
 * patient), both empty when not given. Together they find the same lesion's earlier cases
 * ({@link #earlierCases}). Appending to a file of an earlier version keeps that file's layout, without them.
 *
 * <h2>Version 1 files</h2>
 * Version 1 ({@link Layout#V1}) has the same columns without the three after {@code p_malignant}, so its
 * rows do not say whether {@code p_malignant} was adjusted. A file keeps the layout of its header: a new
 * file gets the version 2 header, and appending to a version 1 file writes version 1 rows (the adjustment
 * is not recorded; {@link #append} returns the layout so the caller can say so), so no file mixes layouts
 * and no row is rewritten. The reader reads both; version 1 entries have the two values unknown (null).
 *
 * <h2>Crash safety</h2>
 * Each row is written with one write of its complete bytes and then forced to disk
 * ({@link FileChannel#force}); rows already in the file are never rewritten or reordered. When a crash
 * left a half row at the end, the next append first terminates it (closing an open quoted field, then a
 * line break) so it cannot swallow the new row; the reader then reports that row as damaged and skips
 * it. A header cut short (also one followed by the NUL bytes a power loss leaves) gets a complete header
 * after it, which later appends recognise. Appends from
 * several processes are serialised with a file lock.
 *
 * <p>The log holds patient details: nothing from it is ever logged.
 */
public final class CaseLog {

    /** The row layouts the log has had; a file's rows all have the layout of its header. */
    public enum Layout {
        V1("1", List.of("log_version", "timestamp", "case_id", "image_path", "image_sha256", "age", "sex", "site",
                "p_malignant", "verdict", "threshold", "retake", "reasons", "model_name", "model_version",
                "model_sha256", "reviewer_notes", "row_crc32")),
        V2("2", List.of("log_version", "timestamp", "case_id", "image_path", "image_sha256", "age", "sex", "site",
                "p_malignant", "p_malignant_image_only", "adjusted_for_age_and_sex", "hair_removed", "verdict", "threshold",
                "retake", "reasons", "model_name", "model_version", "model_sha256", "reviewer_notes", "row_crc32")),
        V3("3", List.of("log_version", "timestamp", "case_id", "image_path", "image_sha256", "age", "sex", "site",
                "p_malignant", "p_malignant_image_only", "adjusted_for_age_and_sex", "hair_removed", "verdict", "threshold",
                "retake", "reasons", "model_name", "model_version", "model_sha256", "scale_px_per_mm", "scale_source",
                "diameter_mm", "perpendicular_diameter_mm", "area_mm2", "diameter_px", "asymmetry", "border_sectors",
                "colours", "tds", "reviewer_notes", "row_crc32")),
        V4("4", List.of("log_version", "timestamp", "case_id", "image_path", "image_sha256", "age", "sex", "site",
                "p_malignant", "p_malignant_image_only", "adjusted_for_age_and_sex", "hair_removed", "verdict", "threshold",
                "retake", "reasons", "model_name", "model_version", "model_sha256", "scale_px_per_mm", "scale_source",
                "diameter_mm", "perpendicular_diameter_mm", "area_mm2", "diameter_px", "asymmetry", "border_sectors",
                "colours", "tds", "dermoscopic", "dermoscopic_score", "unfamiliar", "unfamiliar_score",
                "reviewer_notes", "row_crc32")),
        V5("5", List.of("log_version", "timestamp", "case_id", "image_path", "image_sha256", "age", "sex", "site",
                "patient_id", "lesion_id",
                "p_malignant", "p_malignant_image_only", "adjusted_for_age_and_sex", "hair_removed", "verdict", "threshold",
                "retake", "reasons", "model_name", "model_version", "model_sha256", "scale_px_per_mm", "scale_source",
                "diameter_mm", "perpendicular_diameter_mm", "area_mm2", "diameter_px", "asymmetry", "border_sectors",
                "colours", "tds", "dermoscopic", "dermoscopic_score", "unfamiliar", "unfamiliar_score",
                "reviewer_notes", "row_crc32"));

        private final String version;
        private final List<String> columns;
        // column names need no quoting, so this is exactly the RFC 4180 header line
        private final byte[] headerLine;

        Layout(String version, List<String> columns) {
            this.version = version;
            this.columns = columns;
            this.headerLine = (String.join(",", columns) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        }

        public String version() {
            return version;
        }

        public List<String> columns() {
            return columns;
        }

        /** Whether rows say if {@code p_malignant} was adjusted (and give the image-only figure). */
        boolean recordsAdjustment() {
            return this != V1;
        }

        /** Whether rows carry the lesion measurement. */
        boolean recordsMeasurements() {
            return compareTo(V3) >= 0;
        }

        /** Whether rows say if the image looked dermoscopic and familiar to the model. */
        boolean recordsSuitability() {
            return compareTo(V4) >= 0;
        }

        /** Whether rows carry the patient identifier and lesion label. */
        boolean recordsIdentity() {
            return compareTo(V5) >= 0;
        }
    }

    /** The layout of new files. */
    public static final Layout CURRENT = Layout.V5;
    public static final String VERSION = CURRENT.version();
    public static final List<String> COLUMNS = CURRENT.columns();

    private static final CSVFormat FORMAT = CSVFormat.RFC4180;
    // enough of a file's start for its header and any header fragments crashes left before it
    private static final int HEAD_BYTES = 16 * 1024;
    private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS_LOCKS = new ConcurrentHashMap<>();

    private final Path file;
    private final ReentrantLock lock;
    // what this instance has already scanned of the file (the file only ever grows)
    private long scannedLength;
    // the images in the file as it was knownLength bytes long (for appendIfNew); -1: not read yet
    private long knownLength = -1;
    private Set<String> knownHashes = new LinkedHashSet<>();
    private boolean insideQuotes;
    private int lastByte = -1;

    public CaseLog(Path file) {
        this.file = file.toAbsolutePath().normalize();
        this.lock = IN_PROCESS_LOCKS.computeIfAbsent(this.file, p -> new ReentrantLock());
    }

    /**
     * Whether appending to {@code file} is safe: it is missing, empty, starts with a known version's header
     * (after any header fragments a crash left), or is just a header cut short by a crash.
     */
    public static boolean isCaseLogOrAbsent(Path file) throws IOException {
        if (!Files.exists(file)) {
            return true;
        }
        if (!Files.isRegularFile(file)) {
            return false; // a device (/dev/full), pipe or folder
        }
        if (Files.size(file) == 0) {
            return true;
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            byte[] head = readHead(ch, size);
            if (headerLayout(head) != null) {
                return true;
            }
            boolean wholeFile = head.length == size || onlyNulBytesAfter(ch, head.length, size);
            return wholeFile && isHeaderFragment(head, afterHeaderFragments(head), head.length);
        }
    }

    /** Whether the file holds nothing but NUL bytes from {@code from} to its end (what a power loss leaves). */
    private static boolean onlyNulBytesAfter(FileChannel ch, long from, long size) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
        for (long pos = from; pos < size; ) {
            buf.clear();
            int n = ch.read(buf, pos);
            if (n <= 0) {
                return false;
            }
            for (int i = 0; i < n; i++) {
                if (buf.get(i) != 0) {
                    return false;
                }
            }
            pos += n;
        }
        return true;
    }

    public Path file() {
        return file;
    }

    /** Appends the record's row; see {@link #append(CaseLogEntry)}. */
    public Layout append(CaseRecord record) throws IOException {
        return append(CaseLogEntry.of(record));
    }

    /**
     * Appends one row and returns once it is on disk. The row has the layout of the file's header (a new
     * file gets {@link #CURRENT}); returns that layout, so a caller can tell the user when a version 1 file
     * could not record whether the probability was adjusted.
     */
    public Layout append(CaseLogEntry entry) throws IOException {
        return append(entry, false);
    }

    /**
     * As {@link #append(CaseRecord)}, unless the log already has a row for the same image (by SHA-256),
     * written by this or any other process: then nothing is written and null is returned. The check and the
     * write happen under the file lock, so two batches over the same folder log each image once.
     */
    public Layout appendIfNew(CaseRecord record) throws IOException {
        return append(CaseLogEntry.of(record), true);
    }

    @SuppressWarnings("try") // the FileLock is held for the block and never read: javac's lint cannot tell
    private Layout append(CaseLogEntry entry, boolean onlyIfNew) throws IOException {
        Layout layout;
        lock.lock();
        try {
            Path dir = file.getParent();
            if (dir != null) {
                OwnerOnly.createDirectories(dir); // the log holds reviewer notes: a new folder is 0700, a new log 0600
            }
            boolean created = !Files.exists(file);
            try (FileChannel ch = FileChannel.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.READ), OwnerOnly.newFile(file));
                 FileLock ignored = ch.lock()) {
                long size = ch.size();
                if (onlyIfNew) {
                    if (size != knownLength) { // another writer has appended: learn its images
                        knownHashes = parse(new StringReader(decode(readAll(ch, size)))).imageHashes();
                        knownLength = size;
                    }
                    if (knownHashes.contains(entry.imageSha256())) {
                        return null;
                    }
                }
                Layout existing = headerLayout(readHead(ch, size));
                scan(ch, size);
                // an empty log, or one whose header was cut short by a crash, gets a fresh header (after the fragment)
                layout = existing == null ? CURRENT : existing;
                byte[] header = existing == null ? layout.headerLine : new byte[0];
                byte[] bytes = concat(terminator(), header, encodeRow(entry, layout));
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                long pos = size;
                while (buf.hasRemaining()) {
                    pos += ch.write(buf, pos);
                }
                ch.force(true);
                if (knownLength == size) {
                    knownLength = pos;
                    knownHashes.add(entry.imageSha256());
                }
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
        return layout;
    }

    // ---------------------------------------------------------------- header detection

    private static byte[] readHead(FileChannel ch, long size) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate((int) Math.min(size, HEAD_BYTES));
        while (buf.hasRemaining() && ch.read(buf, buf.position()) > 0) {
            // fill
        }
        return Arrays.copyOf(buf.array(), buf.position());
    }

    /** The layout of the file's first complete header, after any header fragments; null when there is none. */
    private static Layout headerLayout(byte[] head) {
        int start = afterHeaderFragments(head);
        for (Layout layout : Layout.values()) {
            if (regionEquals(head, start, layout.headerLine, layout.headerLine.length)) {
                return layout;
            }
        }
        return null;
    }

    /** Where the first line that is not a header cut short (and ended by a later append) begins. */
    private static int afterHeaderFragments(byte[] head) {
        int start = 0;
        while (true) {
            int lineEnd = indexOf(head, (byte) '\n', start);
            if (lineEnd < 0 || !isHeaderFragment(head, start, lineEnd + 1)) {
                return start;
            }
            start = lineEnd + 1;
        }
    }

    /**
     * Whether bytes [from, to), less a line break, are a proper prefix of a header, possibly followed by NUL
     * bytes (a power loss can leave a file's new length on disk without its data, which reads as zeros); NUL
     * bytes alone count too, as a header of which nothing reached the disk.
     */
    private static boolean isHeaderFragment(byte[] b, int from, int to) {
        int end = to;
        if (end > from && b[end - 1] == '\n') {
            end--;
        }
        if (end > from && b[end - 1] == '\r') {
            end--;
        }
        int textEnd = end;
        while (textEnd > from && b[textEnd - 1] == 0) {
            textEnd--;
        }
        if (textEnd == from) {
            return end > from; // only NUL bytes
        }
        end = textEnd;
        int n = end - from;
        for (Layout layout : Layout.values()) {
            int textLength = layout.headerLine.length - 2; // less CRLF
            if (n > 0 && n < textLength && regionEquals(b, from, layout.headerLine, n)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code b} holds the first {@code n} bytes of {@code expected} at {@code from}. */
    private static boolean regionEquals(byte[] b, int from, byte[] expected, int n) {
        return from + n <= b.length && Arrays.equals(b, from, from + n, expected, 0, n);
    }

    private static int indexOf(byte[] b, byte value, int from) {
        for (int i = from; i < b.length; i++) {
            if (b[i] == value) {
                return i;
            }
        }
        return -1;
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

    /** The complete bytes of one row in the current layout, ending in CRLF. Package-private for the crash tests. */
    static byte[] encodeRow(CaseLogEntry e) {
        return encodeRow(e, CURRENT);
    }

    /** The complete bytes of one row in the given layout, ending in CRLF. */
    static byte[] encodeRow(CaseLogEntry e, Layout layout) {
        List<String> fields = new ArrayList<>(layout.columns().size());
        fields.add(layout.version());
        fields.add(e.timestamp().toString());
        fields.add(text(e.caseId()));
        fields.add(text(e.imagePath()));
        fields.add(e.imageSha256());
        fields.add(e.age() == null ? "" : e.age().toString());
        fields.add(text(e.sex()));
        fields.add(text(e.site()));
        if (layout.recordsIdentity()) {
            fields.add(text(e.patientId()));
            fields.add(text(e.lesionId()));
        }
        fields.add(number(e.pMalignant()));
        if (layout.recordsAdjustment()) {
            fields.add(e.pMalignantImageOnly() == null ? "" : number(e.pMalignantImageOnly()));
            fields.add(yesNo(e.adjustedForAgeAndSex()));
            fields.add(yesNo(e.hairRemoved()));
        }
        fields.add(text(e.verdict()));
        fields.add(number(e.threshold()));
        fields.add(yesNo(e.retake()));
        fields.add(text(String.join("\n", e.reasons())));
        fields.add(text(e.modelName()));
        fields.add(text(e.modelVersion()));
        fields.add(text(e.modelSha256()));
        if (layout.recordsMeasurements()) {
            addMeasurements(fields, e.measurements());
        }
        if (layout.recordsSuitability()) {
            addSuitability(fields, e.suitability());
        }
        fields.add(text(e.reviewerNotes()));
        fields.add(crc(fields));
        return encodeRecord(fields);
    }

    /** The ten measurement cells; all empty when no measurement was made. */
    private static void addMeasurements(List<String> fields, CaseLogMeasurements m) {
        if (m == null) {
            for (int i = 0; i < MEASUREMENT_CELLS; i++) {
                fields.add("");
            }
            return;
        }
        fields.add(optional(m.scalePxPerMm()));
        fields.add(m.scaleSource());
        fields.add(optional(m.diameterMm()));
        fields.add(optional(m.perpendicularDiameterMm()));
        fields.add(optional(m.areaMm2()));
        fields.add(String.format(Locale.ROOT, "%.1f", m.diameterPx()));
        fields.add(Integer.toString(m.asymmetry()));
        fields.add(Integer.toString(m.borderSectors()));
        fields.add(String.join(";", m.colours()));
        fields.add(String.format(Locale.ROOT, "%.2f", m.tds()));
    }

    private static final int MEASUREMENT_CELLS = 10;

    /** The four image-kind cells; all empty when the model has no such check. */
    private static void addSuitability(List<String> fields, ImageSuitability s) {
        if (s == null) {
            fields.addAll(List.of("", "", "", ""));
            return;
        }
        fields.add(yesNo(s.dermoscopic()));
        fields.add(number(s.dermoscopicScore()));
        fields.add(yesNo(s.unfamiliar()));
        fields.add(number(s.unfamiliarScore()));
    }

    private static ImageSuitability readSuitability(Iterator<String> cell) {
        String dermoscopic = cell.next();
        String dermoscopicScore = cell.next();
        String unfamiliar = cell.next();
        String unfamiliarScore = cell.next();
        if (dermoscopic.isEmpty()) {
            return null;
        }
        return new ImageSuitability(parseYesNo(dermoscopic), Double.parseDouble(dermoscopicScore), parseYesNo(unfamiliar),
                Double.parseDouble(unfamiliarScore));
    }

    private static String optional(Double v) {
        return v == null ? "" : String.format(Locale.ROOT, "%.2f", v);
    }

    private static CaseLogMeasurements readMeasurements(Iterator<String> cell) {
        List<String> v = new ArrayList<>(MEASUREMENT_CELLS);
        for (int i = 0; i < MEASUREMENT_CELLS; i++) {
            v.add(cell.next());
        }
        if (v.stream().allMatch(String::isEmpty)) {
            return null;
        }
        return new CaseLogMeasurements(parseOptionalNumber(v.get(0)), v.get(1), parseOptionalNumber(v.get(2)),
                parseOptionalNumber(v.get(3)), parseOptionalNumber(v.get(4)), Double.parseDouble(v.get(5)),
                Integer.parseInt(v.get(6)), Integer.parseInt(v.get(7)),
                v.get(8).isEmpty() ? List.of() : List.of(v.get(8).split(";")), Double.parseDouble(v.get(9)));
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

    private static String yesNo(Boolean b) {
        return b == null ? "" : b ? "yes" : "no";
    }

    private static Boolean parseYesNo(String s) {
        return switch (s) {
            case "" -> null;
            case "yes" -> true;
            case "no" -> false;
            default -> throw new IllegalArgumentException("'" + s + "' is not yes or no");
        };
    }

    private static Double parseOptionalNumber(String s) {
        return s.isEmpty() ? null : Double.valueOf(s);
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

    /**
     * Reads every intact row; damaged or half rows are reported by line number and skipped. A missing file is
     * empty; anything but a regular file (a device such as /dev/full or /dev/zero, a pipe) is refused, since
     * reading it might never end.
     */
    public static Contents read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return new Contents(List.of(), List.of());
        }
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + " is not a regular file (a device, pipe or folder), so it cannot be a case log");
        }
        return parse(new StringReader(decode(Files.readAllBytes(file))));
    }

    /** The log's text; a row cut inside a multi-byte character must not stop the rows around it from being read. */
    private static String decode(byte[] bytes) throws IOException {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)
                .decode(ByteBuffer.wrap(bytes)).toString();
    }

    private static byte[] readAll(FileChannel ch, long size) throws IOException {
        if (size > Integer.MAX_VALUE - 8) {
            throw new IOException("the case log is too large to read (" + size / (1024 * 1024) + " MB)");
        }
        ByteBuffer buf = ByteBuffer.allocate((int) size);
        while (buf.hasRemaining() && ch.read(buf, buf.position()) > 0) {
            // fill
        }
        return Arrays.copyOf(buf.array(), buf.position());
    }

    static Contents parse(Reader reader) throws IOException {
        List<CaseLogEntry> entries = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get()) {
            Iterator<CSVRecord> it = parser.iterator();
            Layout layout = null; // of the last header seen
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
                Layout header = layoutWithColumns(values);
                if (header != null) {
                    layout = header;
                    continue;
                }
                if (layout == null) {
                    problems.add("line " + line + ": " + notAHeader(values));
                    continue;
                }
                try {
                    entries.add(decodeRow(values, layout));
                } catch (IllegalArgumentException | DateTimeParseException e) {
                    problems.add("line " + line + ": " + e.getMessage() + "; row ignored");
                }
            }
        }
        return new Contents(entries, problems);
    }

    private static Layout layoutWithColumns(List<String> values) {
        for (Layout layout : Layout.values()) {
            if (layout.columns().equals(values)) {
                return layout;
            }
        }
        return null;
    }

    /** Why a line before any known header was skipped. */
    private static String notAHeader(List<String> values) {
        byte[] line = String.join(",", values).getBytes(StandardCharsets.UTF_8);
        if (isHeaderFragment(line, 0, line.length)) {
            return "header cut short by an interrupted save; ignored";
        }
        if (values.get(0).equals("log_version")) {
            return "unsupported case log layout (a newer DermDesk?): header not recognised, rows skipped until a known header";
        }
        return "not a DermDesk case log header; row ignored";
    }

    private static CaseLogEntry decodeRow(List<String> v, Layout layout) {
        int columns = layout.columns().size();
        if (v.size() != columns) {
            throw new IllegalArgumentException("incomplete row (" + v.size() + " of " + columns + " columns)");
        }
        if (!layout.version().equals(v.get(0))) {
            throw new IllegalArgumentException("row version '" + v.get(0) + "' under a version " + layout.version() + " header");
        }
        String expected = crc(v.subList(0, v.size() - 1));
        if (!expected.equals(v.get(v.size() - 1))) {
            throw new IllegalArgumentException("damaged or incomplete row (checksum mismatch)");
        }
        // the cells in column order; the layouts differ in the three cells after p_malignant and the measurement cells
        Iterator<String> cell = v.subList(1, v.size() - 1).iterator();
        Instant timestamp = Instant.parse(cell.next());
        String caseId = nonNull(untext(cell.next()));
        String imagePath = untext(cell.next());
        String imageSha256 = cell.next();
        String age = cell.next();
        String sex = untext(cell.next());
        String site = untext(cell.next());
        String patientId = layout.recordsIdentity() ? untext(cell.next()) : null;
        String lesionId = layout.recordsIdentity() ? untext(cell.next()) : null;
        double pMalignant = Double.parseDouble(cell.next());
        Double imageOnly = layout.recordsAdjustment() ? parseOptionalNumber(cell.next()) : null;
        Boolean adjusted = layout.recordsAdjustment() ? parseYesNo(cell.next()) : null;
        Boolean hairRemoved = layout.recordsAdjustment() ? parseYesNo(cell.next()) : null;
        String verdict = untext(cell.next());
        double threshold = Double.parseDouble(cell.next());
        Boolean retake = parseYesNo(cell.next());
        String reasons = untext(cell.next());
        String modelName = untext(cell.next());
        String modelVersion = untext(cell.next());
        String modelSha256 = untext(cell.next());
        CaseLogMeasurements measurements = layout.recordsMeasurements() ? readMeasurements(cell) : null;
        ImageSuitability suitability = layout.recordsSuitability() ? readSuitability(cell) : null;
        return new CaseLogEntry(timestamp, caseId, imagePath, imageSha256, age.isEmpty() ? null : Integer.valueOf(age),
                sex, site, pMalignant, imageOnly, adjusted, hairRemoved, verdict, threshold, retake,
                reasons == null ? List.of() : List.of(reasons.split("\n")),
                modelName, modelVersion, modelSha256, untext(cell.next()), measurements, suitability, patientId, lesionId);
    }

    /**
     * The cases of the given patient's lesion in the log, newest first (version 5 rows; older rows name no
     * lesion). Identifiers are compared ignoring case and outer spaces; a missing file has none.
     */
    public static List<CaseLogEntry> earlierCases(Path file, String patientId, String lesionId) throws IOException {
        if (patientId == null || lesionId == null || patientId.isBlank() || lesionId.isBlank()) {
            return List.of();
        }
        List<CaseLogEntry> same = new ArrayList<>();
        for (CaseLogEntry e : read(file).entries()) {
            if (e.isLesion(patientId, lesionId)) {
                same.add(e);
            }
        }
        same.sort(java.util.Comparator.comparing(CaseLogEntry::timestamp).reversed());
        return List.copyOf(same);
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}

package org.dermdesk.report;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dermdesk.core.CaseDetails;

/**
 * Reads patient/lesion details from an ISIC- or HAM10000-style metadata CSV and matches them to image
 * files by name (without extension, case-insensitively). Recognised columns: {@code image_id} or
 * {@code image_name}; {@code age} or {@code age_approx}; {@code sex}; {@code localization},
 * {@code anatom_site_general} or {@code anatom_site_general_challenge}; {@code patient_id} and
 * {@code lesion_id} (which name the same lesion's images across visits). Other columns are ignored.
 * Values "unknown", "NA" and empty count as not recorded.
 *
 * <p>A bad row (no image id, an age that is not a number in 0..130, a short or long row, a repeated
 * image id) is reported with its line number and skipped; the rest are read.
 */
public final class MetadataImport {

    private static final long MAX_FILE_BYTES = 256L * 1024 * 1024;
    /** An age as a person writes one: whole years or a decimal (ISIC writes 45.0); not 1e2, 0x40 or 45d. */
    private static final Pattern AGE = Pattern.compile("\\d{1,3}(\\.\\d+)?");
    private static final List<String> ID_COLUMNS = List.of("image_id", "image_name", "isic_id", "image");
    private static final List<String> AGE_COLUMNS = List.of("age", "age_approx");
    private static final List<String> SEX_COLUMNS = List.of("sex", "gender");
    private static final List<String> SITE_COLUMNS = List.of("localization", "anatom_site_general",
            "anatom_site_general_challenge", "anatom_site", "site");
    private static final List<String> PATIENT_COLUMNS = List.of("patient_id");
    private static final List<String> LESION_COLUMNS = List.of("lesion_id");

    /** One skipped row or other problem, by line number (1 = the header line). */
    public record Problem(long line, String message) {
        @Override
        public String toString() {
            return "line " + line + ": " + message;
        }
    }

    /**
     * Details by image id (lower case), what could not be read, and the encoding the file was read as
     * (null when read from characters).
     */
    public record Result(Map<String, CaseDetails> byImageId, List<Problem> problems, String encoding) {
        public Result {
            byImageId = Collections.unmodifiableMap(new HashMap<>(byImageId));
            problems = List.copyOf(problems);
        }

        public Result(Map<String, CaseDetails> byImageId, List<Problem> problems) {
            this(byImageId, problems, null);
        }

        Result withEncoding(String name) {
            return new Result(byImageId, problems, name);
        }

        /** The details for an image file, matched by its name without extension. */
        public Optional<CaseDetails> find(Path image) {
            return Optional.ofNullable(byImageId.get(key(stem(image.getFileName().toString()))));
        }

        /** As {@link #find}, with no details when the file has no row for the image. */
        public CaseDetails details(Path image) {
            return find(image).orElse(CaseDetails.none());
        }

        public int size() {
            return byImageId.size();
        }
    }

    private MetadataImport() {
    }

    /**
     * Reads a metadata file in whichever encoding a spreadsheet saved it ({@link TextDecoding}: UTF-8 with
     * or without a byte-order mark, UTF-16, Windows-1252/Latin-1); {@link Result#encoding()} says which.
     * Throws, naming the file and the problem, when it is not a regular file of at most 256 MB.
     */
    public static Result read(Path csv) throws IOException {
        if (!Files.isRegularFile(csv)) {
            throw new IOException(csv.getFileName() + ": " + (Files.exists(csv) ? "is not a regular file" : "file not found"));
        }
        if (Files.size(csv) > MAX_FILE_BYTES) {
            throw new IOException(csv.getFileName() + ": too large for a metadata file (" + Files.size(csv) / (1024 * 1024) + " MB)");
        }
        TextDecoding.Decoded text = TextDecoding.decode(Files.readAllBytes(csv));
        return read(new StringReader(text.text())).withEncoding(text.encoding());
    }

    public static Result read(Reader reader) throws IOException {
        Map<String, CaseDetails> out = new HashMap<>();
        List<Problem> problems = new ArrayList<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).setTrim(true).get();
        try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
            Iterator<CSVRecord> it = parser.iterator();
            if (!it.hasNext()) {
                problems.add(new Problem(1, "the file is empty"));
                return new Result(out, problems);
            }
            List<String> header = it.next().toList().stream()
                    .map(h -> h.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT)).toList();
            int id = column(header, ID_COLUMNS);
            int age = column(header, AGE_COLUMNS);
            int sex = column(header, SEX_COLUMNS);
            int site = column(header, SITE_COLUMNS);
            int patient = column(header, PATIENT_COLUMNS);
            int lesion = column(header, LESION_COLUMNS);
            if (id < 0) {
                problems.add(new Problem(1, "no image id column (expected one of " + ID_COLUMNS + ")"));
                return new Result(out, problems);
            }
            while (true) {
                long line = parser.getCurrentLineNumber() + 1;
                CSVRecord rec;
                try {
                    if (!it.hasNext()) {
                        break;
                    }
                    rec = it.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    problems.add(new Problem(line, "unreadable CSV from here on (" + rootMessage(e) + "); the rest of the file was skipped"));
                    break;
                }
                if (rec.size() != header.size()) {
                    problems.add(new Problem(line, "has " + rec.size() + " fields, the header has " + header.size() + "; row skipped"));
                    continue;
                }
                String imageId = stem(rec.get(id).strip());
                if (imageId.isEmpty()) {
                    problems.add(new Problem(line, "no image id; row skipped"));
                    continue;
                }
                Integer years;
                try {
                    years = age < 0 ? null : parseAge(rec.get(age));
                } catch (IllegalArgumentException e) {
                    problems.add(new Problem(line, e.getMessage() + " for " + imageId + "; row skipped"));
                    continue;
                }
                String k = key(imageId);
                if (out.containsKey(k)) {
                    problems.add(new Problem(line, "image " + imageId + " appears again; the first row is kept"));
                    continue;
                }
                out.put(k, new CaseDetails(years, sex < 0 ? null : value(rec.get(sex)),
                        site < 0 ? null : value(rec.get(site)), null,
                        patient < 0 ? null : value(rec.get(patient)), lesion < 0 ? null : value(rec.get(lesion))));
            }
        }
        return new Result(out, problems);
    }

    private static int column(List<String> header, List<String> names) {
        for (String n : names) {
            int i = header.indexOf(n);
            if (i >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static Integer parseAge(String raw) {
        String s = value(raw);
        if (s == null) {
            return null;
        }
        if (!AGE.matcher(s).matches()) {
            throw new IllegalArgumentException("age '" + s + "' is not a number of years");
        }
        double v = Double.parseDouble(s);
        if (!(v >= 0 && v <= 130)) {
            throw new IllegalArgumentException("age " + s + " is out of range");
        }
        return (int) Math.round(v);
    }

    private static String value(String raw) {
        String s = raw == null ? "" : raw.strip();
        String l = s.toLowerCase(Locale.ROOT);
        return s.isEmpty() || l.equals("unknown") || l.equals("na") || l.equals("nan") || l.equals("n/a") ? null : s;
    }

    static String stem(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static String key(String id) {
        return id.toLowerCase(Locale.ROOT);
    }

    private static String rootMessage(Throwable e) {
        Throwable c = e;
        while (c.getCause() != null) {
            c = c.getCause();
        }
        return c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
    }
}

package org.dermdesk.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dermdesk.core.CaseDetails;
import org.dermdesk.core.CaseRecord;
import org.dermdesk.report.CaseLog.Layout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Version 2 rows (image-only probability and adjustment), and logs written by version 1. */
class CaseLogVersionsTest {

    @TempDir
    Path dir;

    /** A record whose shown probability (0.6100) weighs age and sex; the image alone said 0.4200. */
    private static CaseRecord adjusted(String caseId) {
        CaseRecord r = TestCases.record(caseId, new CaseDetails(71, "male", "back", null), 0.42, false);
        return withPrediction(r, r.prediction().withPatientProbability(0.61));
    }

    /** A record from the image alone (no age): 0.3300. */
    private static CaseRecord imageOnly(String caseId) {
        return TestCases.record(caseId, CaseDetails.none(), 0.33, false);
    }

    /** The adjusted record was also classified after digital hair removal; the image-only one was not. */
    private static CaseRecord withPrediction(CaseRecord r, org.dermdesk.core.Prediction p) {
        return new CaseRecord(r.timestamp(), r.caseId(), r.imagePath(), r.imageSha256(), r.details(), p, r.quality(),
                r.explanation(), r.image(), r.heatmap(), true);
    }

    private Path copyOfV1Fixture(String name) throws IOException {
        return TestCases.writeVersion1Log(dir.resolve(name));
    }


    private static List<String> header(Path file) throws IOException {
        try (CSVParser p = CSVParser.parse(file, StandardCharsets.UTF_8, CSVFormat.RFC4180)) {
            return p.getRecords().get(0).toList();
        }
    }

    @Test
    void version2HasTheThreeColumnsAfterPMalignant() {
        assertEquals(List.of("log_version", "timestamp", "case_id", "image_path", "image_sha256", "age", "sex", "site",
                "p_malignant", "p_malignant_image_only", "adjusted_for_age_and_sex", "hair_removed", "verdict", "threshold", "retake",
                "reasons", "model_name", "model_version", "model_sha256", "reviewer_notes", "row_crc32"), Layout.V2.columns());
        List<String> v1 = new ArrayList<>(Layout.V2.columns());
        v1.removeAll(List.of("p_malignant_image_only", "adjusted_for_age_and_sex", "hair_removed"));
        assertEquals(v1, Layout.V1.columns(), "version 2 is version 1 plus the three columns");
    }

    @Test
    void version2RoundTripsAdjustedAndImageOnlyRows() throws IOException {
        Path file = dir.resolve("new.csv");
        CaseLog log = new CaseLog(file);
        assertEquals(CaseLog.CURRENT, log.append(adjusted("ADJ")));
        assertEquals(CaseLog.CURRENT, log.append(imageOnly("IMG")));

        CaseLog.Contents read = CaseLog.read(file);
        assertEquals(List.of(), read.problems());
        assertEquals(List.of(CaseLogEntry.of(adjusted("ADJ")), CaseLogEntry.of(imageOnly("IMG"))), read.entries());
        CaseLogEntry adj = read.entries().get(0);
        assertEquals(0.61, adj.pMalignant());
        assertEquals(0.42, adj.pMalignantImageOnly());
        assertEquals(Boolean.TRUE, adj.adjustedForAgeAndSex());
        assertEquals(Boolean.TRUE, adj.hairRemoved());
        CaseLogEntry img = read.entries().get(1);
        assertEquals(0.33, img.pMalignant());
        assertEquals(0.33, img.pMalignantImageOnly(), "always filled: the image's own figure");
        assertEquals(Boolean.FALSE, img.adjustedForAgeAndSex());
        assertEquals(Boolean.FALSE, img.hairRemoved());
    }

    /** Reads the cells by header name, so a value written one column off fails here. */
    @Test
    void eachValueIsUnderItsOwnColumnName() throws IOException {
        Path file = dir.resolve("new.csv");
        new CaseLog(file).append(adjusted("ADJ"));
        new CaseLog(file).append(imageOnly("IMG"));
        assertEquals(CaseLog.COLUMNS, header(file));
        List<CSVRecord> rows = TestCases.cells(file);
        assertEquals(Map.of("log_version", CaseLog.VERSION, "p_malignant", "0.6100", "p_malignant_image_only", "0.4200",
                "adjusted_for_age_and_sex", "yes", "hair_removed", "yes", "verdict", "suspicious", "threshold", "0.3500"),
                pick(rows.get(0), "log_version", "p_malignant", "p_malignant_image_only", "adjusted_for_age_and_sex",
                        "hair_removed", "verdict", "threshold"));
        assertEquals(Map.of("p_malignant", "0.3300", "p_malignant_image_only", "0.3300", "adjusted_for_age_and_sex", "no",
                "hair_removed", "no"),
                pick(rows.get(1), "p_malignant", "p_malignant_image_only", "adjusted_for_age_and_sex", "hair_removed"));
    }

    private static Map<String, String> pick(CSVRecord row, String... names) {
        return Arrays.stream(names).collect(Collectors.toMap(n -> n, row::get));
    }

    @Test
    void readsTheVersion1FixtureWithTheAdjustmentUnknown() throws IOException {
        Path file = copyOfV1Fixture("old.csv");
        assertEquals(Layout.V1.columns(), header(file));
        CaseLog.Contents read = CaseLog.read(file);
        assertEquals(List.of(), read.problems());
        assertEquals(List.of("V1-A", "V1-B"), read.entries().stream().map(CaseLogEntry::caseId).toList());
        CaseLogEntry a = read.entries().get(0);
        assertEquals(0.4321, a.pMalignant());
        assertNull(a.pMalignantImageOnly());
        assertNull(a.adjustedForAgeAndSex());
        assertNull(a.hairRemoved());
        assertEquals("=first, \"quoted\"\nnote", a.reviewerNotes());
        assertEquals(List.of("Blur: refocus", "Hair"), read.entries().get(1).reasons());
        assertEquals(Set.of("1".repeat(64), "2".repeat(64)), read.imageHashes());
    }

    @Test
    void appendingToAVersion1LogWritesVersion1RowsAndRewritesNothing() throws IOException {
        Path file = copyOfV1Fixture("old.csv");
        byte[] before = Files.readAllBytes(file);
        assertTrue(CaseLog.isCaseLogOrAbsent(file));

        CaseLog log = new CaseLog(file);
        assertEquals(Layout.V1, log.append(adjusted("NEW-1")));
        assertEquals(Layout.V1, log.append(imageOnly("NEW-2")));

        byte[] after = Files.readAllBytes(file);
        assertArrayEquals(before, Arrays.copyOf(after, before.length), "existing bytes rewritten");
        assertEquals(Layout.V1.columns(), header(file));
        List<CSVRecord> rows = TestCases.cells(file);
        assertEquals(4, rows.size(), "one header only: no version 2 header was added");
        for (CSVRecord r : rows) {
            assertEquals("1", r.get("log_version"));
            assertEquals(Layout.V1.columns().size(), r.size());
        }
        assertEquals("0.6100", rows.get(2).get("p_malignant"), "the probability shown, as version 1 always stored");

        CaseLog.Contents read = CaseLog.read(file);
        assertEquals(List.of(), read.problems());
        assertEquals(4, read.entries().size());
        assertEquals(List.of(CaseLogEntry.of(adjusted("NEW-1")).asVersion1(), CaseLogEntry.of(imageOnly("NEW-2")).asVersion1()),
                read.entries().subList(2, 4));
        assertEquals(4, read.imageHashes().size(), "batch resume sees old and new rows");
    }

    @Test
    void readsADirectoryOfLogsFromBothVersions() throws IOException {
        Path oldLog = copyOfV1Fixture("2025.csv");
        new CaseLog(oldLog).append(adjusted("OLD-ADJ")); // recorded in version 1: adjustment unknown
        Path newLog = dir.resolve("2026.csv");
        new CaseLog(newLog).append(adjusted("NEW-ADJ"));
        new CaseLog(newLog).append(imageOnly("NEW-IMG"));
        Files.writeString(dir.resolve("notes.txt"), "not a log");

        List<CaseLogEntry> pooled = new ArrayList<>();
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".csv")).sorted().toList()) {
                CaseLog.Contents c = CaseLog.read(f);
                assertEquals(List.of(), c.problems(), f.getFileName().toString());
                pooled.addAll(c.entries());
            }
        }
        Map<Boolean, List<String>> byAdjustment = pooled.stream().filter(e -> e.adjustedForAgeAndSex() != null)
                .collect(Collectors.groupingBy(CaseLogEntry::adjustedForAgeAndSex,
                        Collectors.mapping(CaseLogEntry::caseId, Collectors.toList())));
        assertEquals(Map.of(true, List.of("NEW-ADJ"), false, List.of("NEW-IMG")), byAdjustment);
        assertEquals(List.of("V1-A", "V1-B", "OLD-ADJ"),
                pooled.stream().filter(e -> e.adjustedForAgeAndSex() == null).map(CaseLogEntry::caseId).toList(),
                "version 1 rows stay apart as unknown, never counted as image-only");
        // an image-only pool from version 2 rows alone: the adjusted row contributes its image's own figure
        assertEquals(List.of(0.42, 0.33), pooled.stream().filter(e -> e.pMalignantImageOnly() != null)
                .map(CaseLogEntry::pMalignantImageOnly).toList());
    }

    @Test
    void acceptsEitherHeaderOrOneCutShortAndRefusesOthers() throws IOException {
        String v1 = String.join(",", Layout.V1.columns()) + "\r\n";
        String v2 = String.join(",", Layout.V2.columns()) + "\r\n";
        assertTrue(CaseLog.isCaseLogOrAbsent(dir.resolve("missing.csv")));
        for (String ok : List.of(v1, v2, v1.substring(0, 60), v2.substring(0, 110), "log_version,ti",
                v1 + "1,2026", v2.substring(0, 30) + "\r\n" + v2)) {
            assertTrue(CaseLog.isCaseLogOrAbsent(Files.writeString(dir.resolve("ok.csv"), ok)), ok);
        }
        for (String bad : List.of("a,b\r\n", "log_version,timestamp,other\r\n", "p_malignant\r\n",
                v1.substring(0, 30) + "\r\nx,y\r\n")) {
            assertFalse(CaseLog.isCaseLogOrAbsent(Files.writeString(dir.resolve("bad.csv"), bad)), bad);
        }
    }

    /** A version 1 header cut short by a crash had no rows yet: the log goes on in the current version, with one header. */
    @Test
    void aHeaderCutShortIsFollowedByOneCurrentHeader() throws IOException {
        Path file = dir.resolve("cut.csv");
        String v1 = String.join(",", Layout.V1.columns());
        Files.writeString(file, v1.substring(0, v1.indexOf(",verdict") + 4));
        CaseLog log = new CaseLog(file);
        assertEquals(CaseLog.CURRENT, log.append(adjusted("A")));
        assertTrue(CaseLog.isCaseLogOrAbsent(file), "a recovered log is still a case log");
        assertEquals(CaseLog.CURRENT, new CaseLog(file).append(imageOnly("B")));

        String text = Files.readString(file);
        assertEquals(1, text.split(String.join(",", CaseLog.COLUMNS), -1).length - 1, "header written once: " + text);
        CaseLog.Contents read = CaseLog.read(file);
        assertEquals(List.of(CaseLogEntry.of(adjusted("A")), CaseLogEntry.of(imageOnly("B"))), read.entries());
        assertEquals(1, read.problems().size());
        assertTrue(read.problems().get(0).contains("header cut short"), read.problems().get(0));
    }

    @Test
    void aRowWithHalfItsProvenanceIsRejected() {
        Instant t = Instant.parse("2026-01-02T03:04:05Z");
        assertThrows(IllegalArgumentException.class, () -> new CaseLogEntry(t, "x", null, "0".repeat(64), null, null,
                null, 0.5, 0.4, null, null, null, 0.35, null, List.of(), null, null, null, null));
    }
}

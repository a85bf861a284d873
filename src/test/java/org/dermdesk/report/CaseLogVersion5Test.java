package org.dermdesk.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.dermdesk.core.CaseDetails;
import org.dermdesk.core.CaseRecord;
import org.dermdesk.report.CaseLog.Layout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Version 5 of the case log: the patient identifier and lesion label after the body site. */
class CaseLogVersion5Test {

    @TempDir
    Path dir;

    private static CaseRecord of(String caseId, String patient, String lesion, String when) {
        CaseRecord r = TestCases.record(caseId, new CaseDetails(61, "female", "back", "notes", patient, lesion), 0.3, false);
        return new CaseRecord(Instant.parse(when), r.caseId(), r.imagePath(), r.imageSha256(), r.details(), r.prediction(),
                r.quality(), r.explanation(), r.image(), r.heatmap(), false);
    }

    @Test
    void version5IsVersion4WithPatientAndLesionAfterTheSite() {
        assertEquals("5", CaseLog.VERSION);
        List<String> expected = new ArrayList<>(Layout.V4.columns());
        expected.addAll(expected.indexOf("site") + 1, List.of("patient_id", "lesion_id"));
        assertEquals(expected, CaseLog.COLUMNS);
    }

    /** A file opened by a relative name is logged by its absolute path, so that a later comparison finds it from any folder. */
    @Test
    void aRelativeImagePathIsLoggedAbsolute() throws IOException {
        CaseRecord r = of("A", "IP_1", "L1", "2026-03-14T09:26:53Z");
        CaseRecord relative = new CaseRecord(r.timestamp(), r.caseId(), Path.of("photos", "..", "lesion.jpg"), r.imageSha256(),
                r.details(), r.prediction(), r.quality(), r.explanation(), r.image(), r.heatmap(), false);
        Path file = dir.resolve("log.csv");
        new CaseLog(file).append(relative);
        assertEquals(Path.of("lesion.jpg").toAbsolutePath().toString(), CaseLog.read(file).entries().get(0).imagePath());
    }

    @Test
    void identityRoundTripsGuardedAgainstSpreadsheetFormulas() throws IOException {
        Path file = dir.resolve("log.csv");
        CaseLog log = new CaseLog(file);
        CaseRecord plain = of("A", "IP_7279968", "L1", "2026-03-14T09:26:53Z");
        CaseRecord hostile = of("B", "=HYPERLINK(\"x\")", "left shoulder, \"upper\"\nsecond line", "2026-03-15T09:26:53Z");
        CaseRecord anonymous = of("C", null, null, "2026-03-16T09:26:53Z");
        for (CaseRecord r : List.of(plain, hostile, anonymous)) {
            assertEquals(Layout.V5, log.append(r));
        }
        CaseLog.Contents read = CaseLog.read(file);
        assertEquals(List.of(), read.problems());
        assertEquals(List.of(CaseLogEntry.of(plain), CaseLogEntry.of(hostile), CaseLogEntry.of(anonymous)), read.entries());
        assertEquals("=HYPERLINK(\"x\")", read.entries().get(1).patientId());
        assertNull(read.entries().get(2).lesionId());

        List<CSVRecord> rows = TestCases.cells(file);
        assertEquals("IP_7279968", rows.get(0).get("patient_id"));
        assertEquals("L1", rows.get(0).get("lesion_id"));
        assertEquals("'=HYPERLINK(\"x\")", rows.get(1).get("patient_id"), "a formula is stored behind an apostrophe");
        assertEquals("", rows.get(2).get("patient_id"));
    }

    @Test
    void appendingToAVersion4LogKeepsVersion4RowsAndRewritesNothing() throws IOException {
        Path file = dir.resolve("v4.csv");
        Files.writeString(file, String.join(",", Layout.V4.columns()) + "\r\n", StandardCharsets.US_ASCII);
        assertEquals(Layout.V4, new CaseLog(file).append(TestCases.measuredRecord("OLD", true)));
        byte[] before = Files.readAllBytes(file);
        CaseRecord named = of("NEW", "IP_SECRET_42", "LESION_SECRET", "2026-03-15T10:00:00Z");
        assertEquals(Layout.V4, new CaseLog(file).append(named));
        byte[] after = Files.readAllBytes(file);
        assertArrayEquals(before, Arrays.copyOf(after, before.length), "existing bytes rewritten");
        String text = Files.readString(file);
        assertFalse(text.contains("IP_SECRET_42") || text.contains("LESION_SECRET"), "a version 4 file has no room for them");
        for (CSVRecord r : TestCases.cells(file)) {
            assertEquals("4", r.get("log_version"));
            assertEquals(Layout.V4.columns().size(), r.size());
        }
        CaseLog.Contents read = CaseLog.read(file);
        assertEquals(List.of(), read.problems());
        assertEquals(CaseLogEntry.of(named).asVersion4(), read.entries().get(1));
        assertEquals(List.of(), CaseLog.earlierCases(file, "IP_SECRET_42", "LESION_SECRET"), "older rows name no lesion");
    }

    @Test
    void listsTheSameLesionsEarlierCasesNewestFirst() throws IOException {
        Path file = dir.resolve("log.csv");
        CaseLog log = new CaseLog(file);
        CaseRecord first = of("visit1", "P1", "L1", "2025-01-10T10:00:00Z");
        CaseRecord otherLesion = of("visit1-l2", "P1", "L2", "2025-01-10T10:05:00Z");
        CaseRecord otherPatient = of("other", "P2", "L1", "2025-03-01T10:00:00Z");
        CaseRecord second = of("visit2", "p1", " l1 ", "2025-07-10T10:00:00Z");
        for (CaseRecord r : List.of(first, otherLesion, otherPatient, second)) {
            log.append(r);
        }
        List<CaseLogEntry> same = CaseLog.earlierCases(file, "P1", "L1");
        assertEquals(List.of("visit2", "visit1"), same.stream().map(CaseLogEntry::caseId).toList());
        assertEquals(List.of(), CaseLog.earlierCases(file, "P1", null), "both identifiers are needed");
        assertEquals(List.of(), CaseLog.earlierCases(file, "P1", " "));
        assertEquals(List.of(), CaseLog.earlierCases(dir.resolve("missing.csv"), "P1", "L1"));
    }

    @Test
    void entriesAndDetailsNeverPrintTheIdentifiers() {
        CaseRecord r = of("case", "IP_SECRET_42", "LESION_SECRET", "2026-03-14T09:26:53Z");
        for (String s : List.of(r.toString(), r.details().toString(), CaseLogEntry.of(r).toString())) {
            assertFalse(s.contains("IP_SECRET_42") || s.contains("LESION_SECRET"), s);
        }
    }
}

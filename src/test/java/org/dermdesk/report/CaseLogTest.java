package org.dermdesk.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dermdesk.core.CaseDetails;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaseLogTest {

    @TempDir
    Path dir;

    /** The log holds reviewer notes: a new folder and log are for their owner only, like the PDFs. */
    @Test
    void createsTheLogFolderAndFileForTheOwnerOnly() throws IOException {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"), "no POSIX permissions here: test skipped");
        Path file = dir.resolve("new/inner/log.csv");
        new CaseLog(file).append(TestCases.record("c1", CaseDetails.none(), 0.2, false));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("new"))));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void roundTripsHostileNotesAndValues() throws IOException {
        Path file = dir.resolve("log.csv");
        CaseLog log = new CaseLog(file);
        List<CaseLogEntry> written = new ArrayList<>();
        String[] notes = {TestCases.HOSTILE_NOTES, "=1+2", "+cmd", "-x", "@SUM(1)", "'already quoted", "''two",
            "\ttab first", "\rCR first", "\"", "\"\"", ",", "\n", "  spaced  ", "# not a comment", null};
        for (int i = 0; i < notes.length; i++) {
            CaseLogEntry e = new CaseLogEntry(Instant.parse("2026-01-02T03:04:05Z"), i == 0 ? "=evil,\"id\"" : "c" + i,
                    "/path with, comma/\u00e9\u03b1.jpg", "0".repeat(63) + (i % 10), i == 1 ? null : 40 + i,
                    i == 2 ? null : "female", "upper extremity, \"left\"", 0.1234, i == 4 ? null : i % 3 == 0 ? 0.0567 : 0.1234,
                    i == 4 ? null : i % 3 == 0, i == 4 ? null : i % 2 == 0, "suspicious", 0.35,
                    i == 3 ? null : i % 2 == 0, List.of("Blur: refocus, then retake", "Hair \"dense\""),
                    "m,odel", "1\n0", "ab".repeat(32), notes[i]);
            log.append(e);
            written.add(e);
        }
        CaseLog.Contents read = CaseLog.read(file);
        assertEquals(List.of(), read.problems());
        assertEquals(written, read.entries());

        // what a spreadsheet sees: the same cells, with formula-like text guarded by an apostrophe
        try (CSVParser p = CSVParser.parse(file, StandardCharsets.UTF_8, CSVFormat.RFC4180)) {
            List<CSVRecord> recs = p.getRecords();
            assertEquals(CaseLog.COLUMNS, recs.get(0).toList());
            assertEquals("'=evil,\"id\"", recs.get(1).get("case_id".equals(CaseLog.COLUMNS.get(2)) ? 2 : -1));
            for (CSVRecord r : recs.subList(1, recs.size())) {
                for (String v : r) {
                    assertTrue(v.isEmpty() || "=+-@\t\r".indexOf(v.charAt(0)) < 0, "unguarded cell: " + v);
                }
            }
        }
        String raw = Files.readString(file);
        assertTrue(raw.endsWith("\r\n"));
    }

    @Test
    void fromCaseRecordKeepsWhatTheLogNeeds() throws IOException {
        Path file = dir.resolve("log.csv");
        var rec = TestCases.record("K-17", new CaseDetails(54, "female", "back", TestCases.HOSTILE_NOTES), 0.7312, true);
        new CaseLog(file).append(rec);
        CaseLogEntry e = CaseLog.read(file).entries().get(0);
        assertEquals("K-17", e.caseId());
        assertEquals(54, e.age());
        assertEquals(0.7312, e.pMalignant());
        assertEquals("suspicious", e.verdict());
        assertEquals(Boolean.TRUE, e.retake());
        assertEquals(2, e.reasons().size());
        assertEquals(TestCases.MODEL.sha256(), e.modelSha256());
        assertEquals(TestCases.HOSTILE_NOTES, e.reviewerNotes());
        assertEquals(rec.imageSha256(), e.imageSha256());
    }

    /**
     * Every prefix of a row, left by a crash, is skipped by the reader and safely ended by the next append,
     * in a new (version 3) log and in version 1 and 2 logs that DermDesk goes on appending to.
     */
    @Test
    void recoversFromAHalfRowCutAtEveryPosition() throws IOException {
        for (CaseLog.Layout layout : CaseLog.Layout.values()) {
            recoversFromAHalfRowCutAtEveryPosition(layout);
        }
    }

    private void recoversFromAHalfRowCutAtEveryPosition(CaseLog.Layout layout) throws IOException {
        CaseLogEntry first = CaseLogCrashWriter.entry(1);
        CaseLogEntry torn = CaseLogCrashWriter.entry(2);
        CaseLogEntry next = CaseLogCrashWriter.entry(3);
        byte[] tornRow = CaseLog.encodeRow(torn, layout);
        int step = Math.max(1, tornRow.length / 300);
        List<Integer> cuts = new ArrayList<>();
        for (int cut = 1; cut < tornRow.length; cut += step) {
            cuts.add(cut);
        }
        cuts.addAll(List.of(tornRow.length - 2, tornRow.length - 1));
        for (int cut : cuts.stream().distinct().toList()) {
            String where = layout + ", cut at " + cut;
            Path file = dir.resolve(layout + "-cut" + cut + ".csv");
            if (layout == CaseLog.Layout.V1) {
                TestCases.writeVersion1Log(file);
            } else if (layout != CaseLog.CURRENT) {
                Files.writeString(file, String.join(",", layout.columns()) + "\r\n", java.nio.charset.StandardCharsets.US_ASCII);
            }
            assertEquals(layout, new CaseLog(file).append(first), where);
            List<CaseLogEntry> intact = CaseLog.read(file).entries();
            Files.write(file, Arrays.copyOf(tornRow, cut), StandardOpenOption.APPEND);
            byte[] before = Files.readAllBytes(file);
            // cut only in the final CRLF, the row is whole: every field and its checksum are there
            boolean whole = cut >= tornRow.length - 2;
            List<CaseLogEntry> survivors = new ArrayList<>(intact);
            if (whole) {
                survivors.add(keptBy(layout, torn));
            }
            int problems = whole ? 0 : 1;
            // the reader alone copes with the half row
            CaseLog.Contents mid = CaseLog.read(file);
            assertEquals(survivors, mid.entries(), where);
            assertEquals(problems, mid.problems().size(), where);

            assertEquals(layout, new CaseLog(file).append(next), where);
            byte[] after = Files.readAllBytes(file);
            assertArrayEquals(before, Arrays.copyOf(after, before.length), "existing bytes rewritten, " + where);
            CaseLog.Contents read = CaseLog.read(file);
            List<CaseLogEntry> all = new ArrayList<>(survivors);
            all.add(keptBy(layout, next));
            assertEquals(all, read.entries(), where);
            assertEquals(problems, read.problems().size(), where + ": " + read.problems());
            read.problems().forEach(pr -> assertTrue(pr.startsWith("line "), pr));
        }
    }

    private static CaseLogEntry keptBy(CaseLog.Layout layout, CaseLogEntry e) {
        return layout == CaseLog.Layout.V1 ? e.asVersion1() : e;
    }

    @Test
    void recoversFromAHeaderCutShort() throws IOException {
        Path file = dir.resolve("log.csv");
        Files.writeString(file, "log_version,timesta");
        new CaseLog(file).append(CaseLogCrashWriter.entry(5));
        CaseLog.Contents read = CaseLog.read(file);
        assertEquals(List.of(CaseLogCrashWriter.entry(5)), read.entries());
        assertEquals(1, read.problems().size());
    }

    @Test
    void repairsAHeaderCutShortAndFollowedByNulBytes() throws IOException {
        // a power loss can leave the file's new length on disk without its data: the header's start, then zeros
        for (String start : List.of("log_version,timesta", "", CaseLog.Layout.V3.columns().get(0) + ",")) {
            Path file = dir.resolve("nul-" + start.length() + ".csv");
            byte[] head = start.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            Files.write(file, java.util.Arrays.copyOf(head, head.length + 4096));
            assertTrue(CaseLog.isCaseLogOrAbsent(file), "refused: header '" + start + "' and NUL bytes");
            new CaseLog(file).append(CaseLogCrashWriter.entry(5));
            new CaseLog(file).append(CaseLogCrashWriter.entry(6));
            assertTrue(CaseLog.isCaseLogOrAbsent(file));
            CaseLog.Contents read = CaseLog.read(file);
            assertEquals(List.of(CaseLogCrashWriter.entry(5), CaseLogCrashWriter.entry(6)), read.entries());
            assertEquals(1, read.problems().size(), read.problems().toString());
            assertTrue(read.problems().get(0).contains("cut short"), read.problems().get(0));
        }
    }

    @Test
    void reportsAForeignFileWithoutCrashing() throws IOException {
        CaseLog.Contents read = CaseLog.parse(new StringReader("a,b\r\n1,2\r\n"));
        assertEquals(List.of(), read.entries());
        assertEquals(2, read.problems().size());
        assertTrue(read.problems().get(0).startsWith("line 1:"), read.problems().get(0));
    }

    @Test
    void missingFileIsEmpty() throws IOException {
        assertEquals(0, CaseLog.read(dir.resolve("none.csv")).entries().size());
    }
}

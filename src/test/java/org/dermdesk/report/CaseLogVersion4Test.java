package org.dermdesk.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.dermdesk.core.CaseRecord;
import org.dermdesk.core.ImageSuitability;
import org.dermdesk.core.ResultWording;
import org.dermdesk.report.CaseLog.Layout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Version 4 of the case log: the image-kind check (dermoscopic, unfamiliar) after the measurement. */
class CaseLogVersion4Test {

    @TempDir
    Path dir;


    private static CaseRecord judged(String caseId, ImageSuitability s) {
        CaseRecord r = TestCases.measuredRecord(caseId, true);
        return new CaseRecord(r.timestamp(), r.caseId(), r.imagePath(), r.imageSha256(), r.details(),
                r.prediction().withSuitability(s), r.quality(), r.explanation(), r.image(), r.heatmap(), false);
    }

    @Test
    void version4IsVersion3WithTheFourImageKindColumnsBeforeTheNotes() {
        assertEquals("4", Layout.V4.version());
        List<String> expected = new ArrayList<>(Layout.V3.columns());
        expected.addAll(expected.indexOf("reviewer_notes"), List.of("dermoscopic", "dermoscopic_score", "unfamiliar", "unfamiliar_score"));
        assertEquals(expected, Layout.V4.columns());
    }

    @Test
    void imageKindRoundTripsAndANonDermoscopicImageHasNoVerdict() throws IOException {
        Path file = dir.resolve("log.csv");
        CaseLog log = new CaseLog(file);
        CaseRecord clinical = judged("CLIN", new ImageSuitability(false, 0.031234, true, 0.999));
        CaseRecord unfamiliar = judged("ODD", new ImageSuitability(true, 0.97, true, 0.9712));
        CaseRecord unchecked = TestCases.record("OLDMODEL", org.dermdesk.core.CaseDetails.none(), 0.2, false);
        for (CaseRecord r : List.of(clinical, unfamiliar, unchecked)) {
            assertEquals(CaseLog.CURRENT, log.append(r)); // version 5 keeps the image-kind cells
        }
        CaseLog.Contents read = CaseLog.read(file);
        assertEquals(List.of(), read.problems());
        assertEquals(List.of(CaseLogEntry.of(clinical), CaseLogEntry.of(unfamiliar), CaseLogEntry.of(unchecked)), read.entries());
        assertEquals(new ImageSuitability(false, 0.0312, true, 0.999), read.entries().get(0).suitability());
        assertNull(read.entries().get(2).suitability(), "a model without the check records nothing");

        List<CSVRecord> rows = TestCases.cells(file);
        assertEquals("no", rows.get(0).get("dermoscopic"));
        assertEquals(ResultWording.CODE_NOT_DERMOSCOPIC, rows.get(0).get("verdict"));
        assertEquals("yes", rows.get(1).get("dermoscopic"));
        assertEquals("yes", rows.get(1).get("unfamiliar"));
        assertEquals("0.9712", rows.get(1).get("unfamiliar_score"));
        assertEquals("", rows.get(2).get("dermoscopic"));
    }

    @Test
    void appendingToAVersion3LogKeepsVersion3RowsAndRewritesNothing() throws IOException {
        Path file = dir.resolve("v3.csv");
        Files.writeString(file, String.join(",", Layout.V3.columns()) + "\r\n", StandardCharsets.US_ASCII);
        assertEquals(Layout.V3, new CaseLog(file).append(TestCases.measuredRecord("OLD", true)));
        byte[] before = Files.readAllBytes(file);
        CaseRecord clinical = judged("NEW", new ImageSuitability(false, 0.02, false, 0.5));
        assertEquals(Layout.V3, new CaseLog(file).append(clinical));
        byte[] after = Files.readAllBytes(file);
        assertArrayEquals(before, Arrays.copyOf(after, before.length), "existing bytes rewritten");
        for (CSVRecord r : TestCases.cells(file)) {
            assertEquals("3", r.get("log_version"));
            assertEquals(Layout.V3.columns().size(), r.size());
        }
        CaseLog.Contents read = CaseLog.read(file);
        assertEquals(List.of(), read.problems());
        assertEquals(CaseLogEntry.of(clinical).asVersion3(), read.entries().get(1));
        assertEquals(ResultWording.CODE_NOT_DERMOSCOPIC, read.entries().get(1).verdict(), "the verdict column still says so");
    }
}

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
import org.dermdesk.report.CaseLog.Layout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Version 3 rows (the lesion measurement) beside logs written by versions 1 and 2. */
class CaseLogVersion3Test {

    @TempDir
    Path dir;


    @Test
    void version3IsVersion2WithTheTenMeasurementColumnsBeforeTheNotes() {
        List<String> expected = new ArrayList<>(Layout.V2.columns());
        expected.addAll(expected.indexOf("reviewer_notes"), List.of("scale_px_per_mm", "scale_source", "diameter_mm",
                "perpendicular_diameter_mm", "area_mm2", "diameter_px", "asymmetry", "border_sectors", "colours", "tds"));
        assertEquals(expected, Layout.V3.columns());
    }

    @Test
    void measuredRowsRoundTripWithAndWithoutAScale() throws IOException {
        Path file = dir.resolve("log.csv");
        CaseLog log = new CaseLog(file);
        assertEquals(CaseLog.CURRENT, log.append(TestCases.measuredRecord("MM", true)));
        assertEquals(CaseLog.CURRENT, log.append(TestCases.measuredRecord("PX", false)));
        assertEquals(CaseLog.CURRENT, log.append(TestCases.record("NONE", null, 0.2, false)));

        CaseLog.Contents read = CaseLog.read(file);
        assertEquals(List.of(), read.problems());
        assertEquals(List.of(CaseLogEntry.of(TestCases.measuredRecord("MM", true)),
                CaseLogEntry.of(TestCases.measuredRecord("PX", false)),
                CaseLogEntry.of(TestCases.record("NONE", null, 0.2, false))), read.entries());
        CaseLogMeasurements mm = read.entries().get(0).measurements();
        assertEquals(8.2, mm.diameterMm());
        assertEquals(List.of("light_brown", "dark_brown", "blue_gray"), mm.colours());
        assertNull(read.entries().get(1).measurements().diameterMm(), "no millimetres without a scale");
        assertNull(read.entries().get(2).measurements(), "no lesion measured");

        List<CSVRecord> rows = TestCases.cells(file);
        assertEquals("23.50", rows.get(0).get("scale_px_per_mm"));
        assertEquals("ruler", rows.get(0).get("scale_source"));
        assertEquals("8.20", rows.get(0).get("diameter_mm"));
        assertEquals("39.00", rows.get(0).get("area_mm2"));
        assertEquals("1", rows.get(0).get("asymmetry"));
        assertEquals("5", rows.get(0).get("border_sectors"));
        assertEquals("light_brown;dark_brown;blue_gray", rows.get(0).get("colours"));
        assertEquals("3.30", rows.get(0).get("tds"), "1.3 x 1 + 0.1 x 5 + 0.5 x 3");
        assertEquals("", rows.get(1).get("scale_px_per_mm"));
        assertEquals("unknown", rows.get(1).get("scale_source"));
        assertEquals("192.7", rows.get(1).get("diameter_px"));
    }

    @Test
    void appendingToAVersion2LogWritesVersion2RowsAndRewritesNothing() throws IOException {
        Path file = dir.resolve("v2.csv");
        Files.writeString(file, String.join(",", Layout.V2.columns()) + "\r\n", StandardCharsets.US_ASCII);
        assertEquals(Layout.V2, new CaseLog(file).append(TestCases.record("OLD", null, 0.3, false)));
        byte[] before = Files.readAllBytes(file);

        assertEquals(Layout.V2, new CaseLog(file).append(TestCases.measuredRecord("NEW", true)));
        byte[] after = Files.readAllBytes(file);
        assertArrayEquals(before, Arrays.copyOf(after, before.length), "existing bytes rewritten");
        for (CSVRecord r : TestCases.cells(file)) {
            assertEquals("2", r.get("log_version"));
            assertEquals(Layout.V2.columns().size(), r.size());
        }
        CaseLog.Contents read = CaseLog.read(file);
        assertEquals(List.of(), read.problems());
        assertEquals(CaseLogEntry.of(TestCases.measuredRecord("NEW", true)).asVersion2(), read.entries().get(1));
        assertNull(read.entries().get(1).measurements());
    }

    @Test
    void readsVersion1Version2AndVersion3LogsSideBySide() throws IOException {
        Path v1 = TestCases.writeVersion1Log(dir.resolve("1.csv"));
        Path v2 = dir.resolve("2.csv");
        Files.writeString(v2, String.join(",", Layout.V2.columns()) + "\r\n", StandardCharsets.US_ASCII);
        new CaseLog(v2).append(TestCases.measuredRecord("B", true));
        Path v3 = dir.resolve("3.csv");
        new CaseLog(v3).append(TestCases.measuredRecord("C", true));
        List<CaseLogEntry> all = new ArrayList<>();
        for (Path f : List.of(v1, v2, v3)) {
            CaseLog.Contents c = CaseLog.read(f);
            assertEquals(List.of(), c.problems(), f.toString());
            all.addAll(c.entries());
        }
        assertEquals(List.of("V1-A", "V1-B", "B", "C"), all.stream().map(CaseLogEntry::caseId).toList());
        assertEquals(1, all.stream().filter(e -> e.measurements() != null).count(), "only the version 3 row has one");
    }
}

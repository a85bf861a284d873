package org.dermdesk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.dermdesk.core.CaseDetails;
import org.dermdesk.core.CaseRecord;
import org.dermdesk.core.LesionImage;
import org.dermdesk.core.ModelInfo;
import org.dermdesk.core.Prediction;
import org.dermdesk.report.CaseLog;
import org.dermdesk.report.CaseLogEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The window's record services write real files: the case log and the PDF. */
class DesktopServicesTest {

    @TempDir
    Path dir;

    private static CaseRecord record() {
        byte[] rgb = new byte[120 * 100 * 3];
        java.util.Arrays.fill(rgb, (byte) 150);
        LesionImage img = new LesionImage("x.png", 120, 100, rgb);
        Prediction p = new Prediction(0.7, 0.4, Map.of(), new ModelInfo("m", "1", "00"));
        return new CaseRecord(Instant.parse("2026-01-02T03:04:05Z"), "x.png", Path.of("x.png"), "a".repeat(64),
                new CaseDetails(50, "female", "back", "notes"), p, null, null, img, null);
    }

    @Test
    void savesToTheCaseLogAndExportsAPdf() throws Exception {
        Path log = dir.resolve("sub/case-log.csv");
        DesktopServices services = new DesktopServices(dir.resolve("no-model"), log, null);
        assertEquals(log.toString(), services.caseLog().orElseThrow().save(record()));
        assertTrue(Files.readString(log).contains("x.png"));
        Path pdf = dir.resolve("x-report.pdf");
        services.pdfExporter().orElseThrow().export(record(), pdf);
        assertTrue(Files.size(pdf) > 1000);
        assertTrue(services.metadata().isEmpty());
    }

    @Test
    void recordsTheAdjustmentInNewLogsAndSaysWhenAnOldLogCannot() throws Exception {
        CaseRecord r = record();
        CaseRecord adjusted = new CaseRecord(r.timestamp(), r.caseId(), r.imagePath(), r.imageSha256(), r.details(),
                r.prediction().withPatientProbability(0.8), null, null, r.image(), null);
        Path fresh = dir.resolve("new.csv");
        assertEquals(fresh.toString(), new DesktopServices(dir, fresh, null).caseLog().orElseThrow().save(adjusted));
        CaseLogEntry e = CaseLog.read(fresh).entries().get(0);
        assertEquals(0.8, e.pMalignant());
        assertEquals(0.7, e.pMalignantImageOnly());
        assertEquals(Boolean.TRUE, e.adjustedForAgeAndSex());

        Path old = Files.writeString(dir.resolve("old.csv"), String.join(",", CaseLog.Layout.V1.columns()) + "\r\n");
        String where = new DesktopServices(dir, old, null).caseLog().orElseThrow().save(adjusted);
        assertEquals(old + DesktopServices.OLD_LAYOUT_NOTE, where);
        assertEquals(null, CaseLog.read(old).entries().get(0).adjustedForAgeAndSex());
    }

    @Test
    void saysWhenAVersion4LogCannotRecordThePatientAndLesion() throws Exception {
        CaseRecord r = record();
        CaseRecord named = new CaseRecord(r.timestamp(), r.caseId(), r.imagePath(), r.imageSha256(),
                r.details().withIdentity("P-1", "L-1"), r.prediction(), null, null, r.image(), null);
        Path old = Files.writeString(dir.resolve("v4.csv"), String.join(",", CaseLog.Layout.V4.columns()) + "\r\n");
        assertEquals(old + DesktopServices.VERSION_4_NOTE, new DesktopServices(dir, old, null).caseLog().orElseThrow().save(named));
        Path fresh = dir.resolve("v5.csv");
        assertEquals(fresh.toString(), new DesktopServices(dir, fresh, null).caseLog().orElseThrow().save(named));
        assertEquals("P-1", CaseLog.read(fresh).entries().get(0).patientId());
    }

    @Test
    void refusesToAppendToAFileThatIsNotACaseLog() throws Exception {
        Path other = Files.writeString(dir.resolve("shopping.csv"), "milk,eggs\n");
        DesktopServices services = new DesktopServices(dir.resolve("no-model"), other, null);
        Exception e = assertThrows(Exception.class, () -> services.caseLog().orElseThrow().save(record()));
        assertTrue(e.getMessage().contains("not a DermDesk case log"));
        assertEquals("milk,eggs\n", Files.readString(other));
    }
}

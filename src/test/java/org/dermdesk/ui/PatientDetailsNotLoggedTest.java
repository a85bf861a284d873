package org.dermdesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.prefs.Preferences;
import org.dermdesk.core.CaseDetails;
import org.dermdesk.report.CaseLog;
import org.dermdesk.report.CaseLogEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Everything logged (at every level) while an image is analysed, its case saved to a real case log and a
 * save fails, holds none of the patient's identifiers, age or notes.
 */
class PatientDetailsNotLoggedTest {

    private static final String PATIENT = "IP_SECRET_7279968";
    private static final String LESION = "LESION_SECRET_L7";
    private static final String NOTES = "NOTES_SECRET_itchy";

    @TempDir
    Path dir;
    private Preferences node;
    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private Logger root;
    private Level rootLevel;

    @BeforeEach
    void capture() {
        node = Preferences.userRoot().node("org/dermdesk/test/" + UUID.randomUUID());
        root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        rootLevel = root.getLevel();
        root.setLevel(Level.TRACE); // debug and trace lines too (Level.ALL is deprecated; TRACE is the lowest)
        captured.start();
        root.addAppender(captured);
    }

    @AfterEach
    void release() throws Exception {
        root.detachAppender(captured);
        root.setLevel(rootLevel);
        node.removeNode();
    }

    @Test
    void analysisAndCaseSaveLogNoPatientDetails() throws Exception {
        Path logFile = dir.resolve("case-log.csv");
        Path notALog = Files.writeString(dir.resolve("shopping.csv"), "milk,eggs\n");
        List<Path> target = new ArrayList<>(List.of(logFile));
        FakeServices services = new FakeServices() {
            @Override
            public Optional<org.dermdesk.ui.CaseMetadataLookup> metadata() {
                return Optional.of(image -> Optional.of(new CaseDetails(57, "female", "back", null, PATIENT, LESION)));
            }
        };
        services.caseLog = record -> {
            Path file = target.get(0);
            if (!CaseLog.isCaseLogOrAbsent(file)) {
                throw new java.io.IOException(file + " is not a DermDesk case log");
            }
            new CaseLog(file).append(record);
            return file.toString();
        };
        ManualTaskRunner runner = new ManualTaskRunner();
        WorkstationViewModel vm = new WorkstationViewModel(services, runner, new WorkstationPreferences(node));
        List<UserMessage> messages = new ArrayList<>();
        vm.setMessageSink(m -> {
            messages.add(m);
            LoggerFactory.getLogger(PatientDetailsNotLoggedTest.class).info("{}: {}", m.title(), m.text());
        });
        vm.start();
        runner.runAll();
        vm.open(SyntheticImages.writePng(SyntheticImages.lesion(300, 225, 0.6, 2, false, 3), dir.resolve("lesion.png")));
        runner.runAll();
        assertEquals(PATIENT, vm.caseDetails().patientIdProperty().get(), "prefilled from the metadata");
        vm.caseDetails().notesProperty().set(NOTES);
        vm.saveToCaseLog();
        runner.runAll();
        target.set(0, notALog);
        vm.saveToCaseLog(); // fails: logged as an error
        runner.runAll();

        CaseLogEntry saved = CaseLog.read(logFile).entries().get(0);
        assertEquals(PATIENT, saved.patientId(), "the case log itself keeps them");
        assertEquals(LESION, saved.lesionId());
        assertEquals(1, messages.size(), messages.toString());
        assertTrue(captured.list.stream().anyMatch(e -> e.getLevel() == Level.ERROR && e.getThrowableProxy() != null),
                "the failed save was logged with its exception: " + captured.list.size());
        for (ILoggingEvent e : captured.list) {
            String text = everything(e);
            for (String secret : List.of(PATIENT, LESION, NOTES)) {
                assertFalse(text.contains(secret), "logged by " + e.getLoggerName() + ": " + text);
            }
        }
    }

    /** The line, its arguments, its MDC and every exception message and stack line in its causes. */
    private static String everything(ILoggingEvent e) {
        StringBuilder sb = new StringBuilder(e.getFormattedMessage()).append(' ').append(e.getMDCPropertyMap());
        if (e.getArgumentArray() != null) {
            for (Object a : e.getArgumentArray()) {
                sb.append(' ').append(a);
            }
        }
        for (IThrowableProxy t = e.getThrowableProxy(); t != null; t = t.getCause()) {
            sb.append(' ').append(t.getClassName()).append(": ").append(t.getMessage());
        }
        return sb.toString();
    }
}

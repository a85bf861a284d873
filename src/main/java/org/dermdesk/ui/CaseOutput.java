package org.dermdesk.ui;

import java.nio.file.Path;
import java.util.function.Consumer;
import org.dermdesk.core.CaseExporter;
import org.dermdesk.core.CaseLogWriter;
import org.dermdesk.core.CaseRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workstation's two ways out for a case: the PDF report and the case log. Both run on the one
 * {@link TaskRunner}; a failure says what to do and leaves the case open.
 */
final class CaseOutput {

    private static final Logger LOG = LoggerFactory.getLogger(CaseOutput.class);

    private final TaskRunner runner;
    private final Consumer<String> status;
    private final Consumer<UserMessage> messages;

    CaseOutput(TaskRunner runner, Consumer<String> status, Consumer<UserMessage> messages) {
        this.runner = runner;
        this.status = status;
        this.messages = messages;
    }

    void exportPdf(CaseExporter exporter, Work<CaseRecord> record, Path target) {
        runner.submit("Exporting the report", false, (p, c) -> {
            exporter.export(record.run(p, c), target);
            return target;
        }, t -> {
            status.accept("Report saved to " + t.getFileName() + ".");
            messages.accept(UserMessage.info("Report exported", "The report was saved to " + t + "."));
        }, error -> {
            LOG.error("Export failed", error);
            messages.accept(UserMessage.error("Could not export the report",
                    UserMessage.describe(error) + "\n\nChoose another folder and try again; the case is still open."));
        }, () -> { });
    }

    void save(CaseLogWriter log, Work<CaseRecord> record) {
        runner.submit("Saving to the case log", false, (p, c) -> log.save(record.run(p, c)), where -> {
            status.accept("Case saved" + (where == null || where.isBlank() ? "." : " to " + where + "."));
        }, error -> {
            LOG.error("Saving the case failed", error);
            messages.accept(UserMessage.error("Could not save the case",
                    UserMessage.describe(error) + "\n\nThe case is still open; nothing you entered was lost. Try again."));
        }, () -> { });
    }
}

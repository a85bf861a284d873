package org.dermdesk.ui;

import java.nio.file.Path;
import org.dermdesk.core.CaseRecord;

/** Writes a report of the case (the PDF summary) to {@code target}. Called off the FX thread. */
@FunctionalInterface
public interface CaseExporter {

    void export(CaseRecord record, Path target) throws Exception;
}

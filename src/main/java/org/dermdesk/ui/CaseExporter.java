package org.dermdesk.ui;

import java.nio.file.Path;

/** Writes a report of the case (the PDF summary) to {@code target}. Called off the FX thread. */
@FunctionalInterface
public interface CaseExporter {

    void export(CaseSnapshot snapshot, Path target) throws Exception;
}

package org.dermdesk.core;

import java.nio.file.Path;

/** Writes a report of the case (the PDF summary) to {@code target}. Called off the FX thread. */
@FunctionalInterface
public interface CaseExporter {

    void export(CaseRecord record, Path target) throws Exception;
}

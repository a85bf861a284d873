package org.dermdesk.core;

import java.nio.file.Path;

/** Writes the follow-up comparison's report (the comparison PDF) to {@code target}. Called off the FX thread. */
@FunctionalInterface
public interface ComparisonExporter {

    void export(LesionComparison comparison, Path target) throws Exception;
}

package org.dermdesk.ui;

import java.nio.file.Path;
import java.util.Optional;

/** Finds known case details (age, sex, body site) for an image, e.g. from a metadata CSV. */
@FunctionalInterface
public interface CaseMetadataLookup {

    Optional<CaseDetails> lookup(Path image);
}

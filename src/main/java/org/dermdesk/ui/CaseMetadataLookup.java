package org.dermdesk.ui;

import java.nio.file.Path;
import java.util.Optional;
import org.dermdesk.core.CaseDetails;

/** Finds known case details (age, sex, body site) for an image, e.g. from a metadata CSV. Off the FX thread. */
@FunctionalInterface
public interface CaseMetadataLookup {

    Optional<CaseDetails> lookup(Path image);
}

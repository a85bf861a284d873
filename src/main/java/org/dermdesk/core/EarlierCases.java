package org.dermdesk.core;

import java.util.List;

/** Finds a lesion's saved cases (implemented over the case log). Called off the FX thread. */
@FunctionalInterface
public interface EarlierCases {

    /** The given patient's lesion's cases, newest first; empty when either identifier is missing. */
    List<EarlierCase> of(String patientId, String lesionId) throws Exception;
}

package org.dermdesk.ui;

import org.dermdesk.core.CaseRecord;

/** Appends the case to the case log; returns a short description of where it went. Off the FX thread. */
@FunctionalInterface
public interface CaseLogWriter {

    String save(CaseRecord record) throws Exception;
}

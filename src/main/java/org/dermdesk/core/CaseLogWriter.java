package org.dermdesk.core;


/** Appends the case to the case log; returns a short description of where it went. Off the FX thread. */
@FunctionalInterface
public interface CaseLogWriter {

    String save(CaseRecord record) throws Exception;
}

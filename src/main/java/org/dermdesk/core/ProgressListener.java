package org.dermdesk.core;

/** Receives progress of a long task as a fraction 0..1 and a short message; may be called from any thread. */
@FunctionalInterface
public interface ProgressListener {

    ProgressListener NONE = (fraction, message) -> { };

    void progress(double fraction, String message);
}

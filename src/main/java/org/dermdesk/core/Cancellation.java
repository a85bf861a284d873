package org.dermdesk.core;

import java.util.concurrent.atomic.AtomicBoolean;

/** A token that a front end sets and long-running core work polls between steps. */
public final class Cancellation {

    private final AtomicBoolean cancelled = new AtomicBoolean();

    public static Cancellation none() {
        return new Cancellation();
    }

    public void cancel() {
        cancelled.set(true);
    }

    public boolean isCancelled() {
        return cancelled.get();
    }

    /** Throws {@link CancelledException} when cancellation was requested. */
    public void check() {
        if (isCancelled()) {
            throw new CancelledException();
        }
    }

    /** Thrown by {@link #check()}; unchecked so that it passes through batch functions. */
    public static final class CancelledException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        public CancelledException() {
            super("cancelled by the user");
        }
    }
}

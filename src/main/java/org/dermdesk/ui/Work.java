package org.dermdesk.ui;

import org.dermdesk.core.Cancellation;
import org.dermdesk.core.ProgressListener;

/** A piece of long work for the {@link TaskRunner}: runs off the UI thread, reports progress, polls cancellation. */
@FunctionalInterface
public interface Work<T> {

    T run(ProgressListener progress, Cancellation cancellation) throws Exception;
}

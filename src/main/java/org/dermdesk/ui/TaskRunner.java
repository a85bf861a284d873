package org.dermdesk.ui;

import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;

/**
 * Runs long work off the UI thread, one task at a time and in submission order (the classifier is
 * thread-confined), and delivers exactly one of the three outcomes on the UI thread. A task that
 * throws {@link org.dermdesk.core.Cancellation.CancelledException}, or whose cancellation was
 * requested, ends in {@code onCancelled} and its result is dropped.
 */
public interface TaskRunner {

    <T> TaskHandle submit(String title, boolean cancellable, Work<T> work,
                          Consumer<? super T> onSuccess, Consumer<Throwable> onFailure, Runnable onCancelled);

    /** Whether any task is queued or running. */
    ReadOnlyBooleanProperty busyProperty();

    /** Progress 0..1 of the running task, or -1 when it gives none. */
    ReadOnlyDoubleProperty progressProperty();

    /** Title and latest message of the running task. */
    ReadOnlyStringProperty messageProperty();

    /** Whether the running task can be cancelled by the user. */
    ReadOnlyBooleanProperty cancellableProperty();

    /** Cancels the running task, if it is cancellable. */
    void cancelCurrent();

    /**
     * Asks all queued and running work to cancel, then runs {@code last} on the worker thread (to
     * close thread-confined resources such as the classifier) and stops accepting work.
     */
    void shutdown(Runnable last);
}

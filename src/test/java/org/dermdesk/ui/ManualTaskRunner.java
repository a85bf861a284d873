package org.dermdesk.ui;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.dermdesk.core.Cancellation;

/** A task runner for view-model tests: work runs on the test thread when the test says so. */
final class ManualTaskRunner implements TaskRunner {

    private final Deque<Runnable> queue = new ArrayDeque<>();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper cancellable = new ReadOnlyBooleanWrapper(false);
    private Cancellation current;
    boolean shutDown;

    @Override
    public <T> TaskHandle submit(String title, boolean canCancel, Work<T> work, Consumer<? super T> onSuccess,
                                 Consumer<Throwable> onFailure, Runnable onCancelled) {
        Cancellation token = new Cancellation();
        queue.add(() -> {
            if (token.isCancelled()) {
                onCancelled.run();
                return;
            }
            current = token;
            cancellable.set(canCancel);
            message.set(title);
            try {
                T value = work.run((f, m) -> progress.set(f), token);
                if (token.isCancelled()) {
                    onCancelled.run();
                } else {
                    onSuccess.accept(value);
                }
            } catch (Cancellation.CancelledException e) {
                onCancelled.run();
            } catch (Exception e) {
                onFailure.accept(e);
            } finally {
                current = null;
                cancellable.set(false);
            }
        });
        busy.set(true);
        return token::cancel;
    }

    /** Runs the next queued task; false when none was queued. */
    boolean runNext() {
        Runnable r = queue.poll();
        if (r != null) {
            r.run();
        }
        busy.set(!queue.isEmpty());
        return r != null;
    }

    void runAll() {
        while (runNext()) {
            // keep going: outcomes may queue more work
        }
    }

    int queued() {
        return queue.size();
    }

    @Override
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyBooleanProperty cancellableProperty() {
        return cancellable.getReadOnlyProperty();
    }

    @Override
    public void cancelCurrent() {
        if (current != null) {
            current.cancel();
        }
    }

    @Override
    public void shutdown(Runnable last) {
        shutDown = true;
        queue.clear();
        last.run();
    }
}

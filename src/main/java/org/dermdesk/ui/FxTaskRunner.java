package org.dermdesk.ui;

import java.util.function.Consumer;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.concurrent.Task;
import org.dermdesk.core.Cancellation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one task runner of the workstation: {@link Task}s on a single worker thread. */
public final class FxTaskRunner implements TaskRunner {

    private static final Logger LOG = LoggerFactory.getLogger(FxTaskRunner.class);

    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "dermdesk-worker");
        t.setDaemon(true);
        return t;
    });
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper cancellable = new ReadOnlyBooleanWrapper(false);
    private final java.util.Set<Job<?>> jobs = new java.util.LinkedHashSet<>();
    private int pending;
    private Job<?> current;

    @Override
    public <T> TaskHandle submit(String title, boolean canCancel, Work<T> work,
                                 Consumer<? super T> onSuccess, Consumer<Throwable> onFailure, Runnable onCancelled) {
        requireFxThread();
        Job<T> job = new Job<>(title, canCancel, work);
        job.setOnRunning(e -> show(job));
        job.setOnSucceeded(e -> finish(job, () -> {
            if (job.token.isCancelled()) {
                onCancelled.run();
            } else {
                onSuccess.accept(job.getValue());
            }
        }));
        job.setOnFailed(e -> finish(job, () -> {
            Throwable error = job.getException();
            if (job.token.isCancelled() || error instanceof Cancellation.CancelledException) {
                onCancelled.run();
            } else {
                onFailure.accept(error);
            }
        }));
        job.setOnCancelled(e -> finish(job, onCancelled));
        pending++;
        jobs.add(job);
        busy.set(true);
        executor.execute(job);
        return job::requestCancel;
    }

    private void show(Job<?> job) {
        current = job;
        progress.bind(job.progressProperty());
        message.bind(job.messageProperty());
        cancellable.set(job.canCancel);
    }

    private void finish(Job<?> job, Runnable outcome) {
        pending--;
        jobs.remove(job);
        if (current == job) {
            current = null;
            progress.unbind();
            message.unbind();
            progress.set(0);
            message.set("");
            cancellable.set(false);
        }
        busy.set(pending > 0);
        long start = System.nanoTime();
        try {
            outcome.run();
        } catch (RuntimeException e) {
            LOG.error("Handling a task's outcome failed", e); // titles name files: not logged
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        if (ms > 50) {
            LOG.warn("Showing a task's outcome held the UI thread for {} ms", ms);
        } else {
            LOG.debug("Showing a task's outcome took {} ms", ms);
        }
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
        if (current != null && current.canCancel) {
            current.requestCancel();
        }
    }

    @Override
    public void shutdown(Runnable last) {
        for (Job<?> job : jobs) {
            job.requestCancel();
        }
        executor.execute(() -> {
            try {
                last.run();
            } catch (RuntimeException e) {
                LOG.warn("Shutting down failed: {}", e.getMessage());
            }
        });
        executor.shutdown();
    }

    private static void requireFxThread() {
        if (!Platform.isFxApplicationThread()) {
            throw new IllegalStateException("submit work from the FX application thread");
        }
    }

    private static final class Job<T> extends Task<T> {
        private final String title;
        private final boolean canCancel;
        private final Work<T> work;
        private final Cancellation token = new Cancellation();

        Job(String title, boolean canCancel, Work<T> work) {
            this.title = title;
            this.canCancel = canCancel;
            this.work = work;
            updateMessage(title);
            updateProgress(-1, 1);
        }

        void requestCancel() {
            token.cancel();
            if (!isRunning()) {
                cancel(false); // never started: it will not run
            }
        }

        @Override
        protected T call() throws Exception {
            token.check();
            return work.run((fraction, text) -> {
                updateProgress(Math.max(0, Math.min(1, fraction)), 1);
                updateMessage(text == null || text.isBlank() ? title : title + ": " + text);
            }, token);
        }
    }
}

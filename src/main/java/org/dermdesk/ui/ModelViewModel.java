package org.dermdesk.ui;

import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.dermdesk.core.LesionClassifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The classifier's life in the window: loaded once in the background, its state in the status bar,
 * and why there is no result while it is missing. Closed on the worker thread with the window.
 */
public final class ModelViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(ModelViewModel.class);

    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Model: not loaded");
    private final ReadOnlyBooleanWrapper ready = new ReadOnlyBooleanWrapper(false);
    private volatile LesionClassifier classifier;
    private volatile String problem = "the model is still loading";

    /** Loads the model off the UI thread; {@code unavailable} gets the reason for "no result" ("" once ready). */
    void load(TaskRunner runner, WorkstationServices services, Consumer<String> unavailable, Consumer<UserMessage> messages) {
        status.set("Model: loading\u2026");
        runner.submit("Loading the model", false, (progress, cancel) -> {
            try {
                LesionClassifier c = services.openClassifier();
                classifier = c;
                return c;
            } catch (Exception | LinkageError e) {
                problem = UserMessage.describe(e);
                throw e;
            }
        }, c -> {
            ready.set(true);
            status.set("Model: " + c.info().name() + " " + c.info().version() + " ready");
            unavailable.accept("");
        }, error -> {
            LOG.error("The model could not be loaded", error);
            status.set("Model: not available");
            unavailable.accept("No result: the model could not be loaded (" + UserMessage.describe(error) + ").");
            messages.accept(UserMessage.error("The model could not be loaded", UserMessage.describe(error)
                    + "\n\nImages can still be opened and checked for quality, but not classified. "
                    + "Reinstall DermDesk or check the model folder."));
        }, () -> { });
    }

    /** The loaded classifier, or null while it loads or when it failed; safe from any thread. */
    LesionClassifier classifier() {
        return classifier;
    }

    /** Why an image analysed without the model gets no result ("No result: the model is still loading."). */
    String noResultReason() {
        return "No result: " + problem + ".";
    }

    /** Forgets the classifier and closes it; call on the worker thread. */
    void close() {
        LesionClassifier c = classifier;
        classifier = null;
        if (c != null) {
            c.close();
        }
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty readyProperty() {
        return ready.getReadOnlyProperty();
    }
}

package org.dermdesk.ui;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.dermdesk.core.Explanation;
import org.dermdesk.core.ExplanationWording;

/** A LIME explanation's trustworthiness in plain words, and the shortcut alarm (the words are {@link ExplanationWording}). */
public final class ExplanationViewModel {

    private final ObjectProperty<Explanation> explanation = new SimpleObjectProperty<>();
    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private final boolean explainerWired;
    private final ReadOnlyBooleanWrapper available = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper state = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper faithfulness = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper stability = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper fit = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper shortcutAlarm = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper shortcutText = new ReadOnlyStringWrapper("");

    public ExplanationViewModel(boolean explainerWired) {
        this.explainerWired = explainerWired;
        explanation.addListener((o, a, b) -> update());
        running.addListener((o, a, b) -> update());
        update();
    }

    private void update() {
        Explanation e = explanation.get();
        available.set(e != null);
        shortcutAlarm.set(false);
        shortcutText.set("");
        faithfulness.set("");
        stability.set("");
        fit.set("");
        if (e == null) {
            state.set(!explainerWired ? "No explainer is installed."
                    : running.get() ? "Explaining\u2026 (Esc cancels)" : "Not explained yet \u2014 press Explain (Ctrl+E).");
            return;
        }
        state.set("Explained with " + e.samples() + " samples. Orange regions push towards \u201csuspicious\u201d, blue towards benign.");
        faithfulness.set(ExplanationWording.faithfulness(e));
        stability.set(ExplanationWording.stability(e));
        fit.set(ExplanationWording.fit(e));
        ExplanationWording.shortcutAlarm(e).ifPresent(alarm -> {
            shortcutAlarm.set(true);
            shortcutText.set(alarm);
        });
    }

    public ObjectProperty<Explanation> explanationProperty() {
        return explanation;
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    public boolean explainerWired() {
        return explainerWired;
    }

    public ReadOnlyBooleanProperty availableProperty() {
        return available.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty faithfulnessProperty() {
        return faithfulness.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty stabilityProperty() {
        return stability.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty fitProperty() {
        return fit.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty shortcutAlarmProperty() {
        return shortcutAlarm.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty shortcutTextProperty() {
        return shortcutText.getReadOnlyProperty();
    }
}

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

/** A LIME explanation's trustworthiness in plain words, and the shortcut alarm. */
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
        faithfulness.set(faithfulnessWords(e));
        stability.set(e.stability().isPresent() ? stabilityWords(e.stability().getAsDouble())
                : "Stability: not measured for this explanation.");
        fit.set("The simple model behind the explanation reproduces the classifier "
                + (e.r2() >= 0.5 ? "well" : e.r2() >= 0.2 ? "only partly" : "poorly")
                + " (R\u00b2 " + Format.decimal(e.r2()) + ").");
        StringBuilder alarm = new StringBuilder();
        if (e.restsOnArtifacts()) {
            alarm.append(Format.percent(e.artifactShare()))
                    .append(" of the evidence lies on artifacts (hair, ruler, ink, dark corners). ");
        }
        if (e.restsOutsideLesion()) {
            alarm.append(Format.percent(e.outsideLesionShare())).append(" of the evidence lies on skin outside the lesion. ");
        }
        if (alarm.length() > 0) {
            shortcutAlarm.set(true);
            shortcutText.set("Possible shortcut: " + alarm + "The model may be reacting to something other than the lesion.");
        }
    }

    static String faithfulnessWords(Explanation e) {
        double gain = e.faithfulness() - e.randomFaithfulness();
        String verdict = gain >= 0.15 ? "Faithful: removing the highlighted regions changes the model's output far more than removing random ones."
                : gain >= 0.05 ? "Moderately faithful: the highlighted regions matter somewhat more than random ones."
                : "Not faithful: the highlighted regions matter no more than random ones \u2014 do not rely on this map.";
        return verdict + " (score " + Format.decimal(e.faithfulness()) + " vs " + Format.decimal(e.randomFaithfulness()) + " for random)";
    }

    static String stabilityWords(double rho) {
        String verdict = rho >= 0.8 ? "Stable: a second run ranks the regions almost the same."
                : rho >= 0.5 ? "Fairly stable: a second run ranks the regions similarly."
                : "Unstable: a second run ranks the regions differently \u2014 treat the map with caution.";
        return verdict + " (rank correlation " + Format.decimal(rho) + ")";
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

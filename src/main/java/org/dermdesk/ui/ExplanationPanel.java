package org.dermdesk.ui;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** Runs the explanation and says, in plain words, how far to trust it. */
final class ExplanationPanel extends VBox {

    ExplanationPanel(ExplanationViewModel vm, ObservableBooleanValue canExplain, Runnable explainAction, Runnable cancelAction) {
        setSpacing(6);
        setPadding(new Insets(8));
        getStyleClass().add("panel");
        setId("explanationPanel");

        Button explain = new Button("Explain (Ctrl+E)");
        explain.setId("explainButton");
        explain.disableProperty().bind(Bindings.not(canExplain));
        explain.setOnAction(e -> explainAction.run());
        Button cancel = new Button("Cancel (Esc)");
        cancel.setId("cancelExplain");
        Panels.showWhen(cancel, vm.runningProperty());
        cancel.setOnAction(e -> cancelAction.run());
        Label state = Panels.wrapped("explanationState", "muted");
        state.textProperty().bind(vm.stateProperty());

        Label alarm = Panels.wrapped("shortcutAlarm", "shortcut-alarm");
        alarm.textProperty().bind(vm.shortcutTextProperty());
        Panels.showWhen(alarm, vm.shortcutAlarmProperty());
        Label faithfulness = Panels.wrapped("faithfulness", null);
        faithfulness.textProperty().bind(vm.faithfulnessProperty());
        Label stability = Panels.wrapped("stability", null);
        stability.textProperty().bind(vm.stabilityProperty());
        Label fit = Panels.wrapped("fit", "muted");
        fit.textProperty().bind(vm.fitProperty());
        VBox details = new VBox(4, alarm, faithfulness, stability, fit, legend());
        Panels.showWhen(details, vm.availableProperty());

        HBox buttons = new HBox(6, explain, cancel);
        buttons.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(Panels.heading("Explanation"), buttons, state, details);
    }

    private static HBox legend() {
        HBox box = new HBox(6, swatch(OverlayRenderer.POSITIVE_RGB), new Label("towards suspicious"),
                swatch(OverlayRenderer.NEGATIVE_RGB), new Label("towards benign"));
        box.setAlignment(Pos.CENTER_LEFT);
        box.getStyleClass().add("legend");
        return box;
    }

    private static Region swatch(int rgb) {
        Region r = new Region();
        r.setMinSize(14, 14);
        r.setMaxSize(14, 14);
        r.setStyle(String.format("-fx-background-color: #%06X; -fx-border-color: #444;", rgb));
        return r;
    }
}

package org.dermdesk.ui;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Verdict, probability bar with the threshold, the differential, the model and the disclaimer. */
final class ResultPanel extends VBox {

    private final ResultViewModel vm;
    private final Slider threshold = new Slider(0.01, 0.99, 0.5);
    private final GridPane differential = new GridPane();
    private boolean syncing;

    ResultPanel(ResultViewModel vm) {
        this.vm = vm;
        setSpacing(6);
        setPadding(new Insets(8));
        getStyleClass().add("panel");
        setId("resultPanel");

        Label verdict = Panels.wrapped("verdict", "verdict");
        verdict.textProperty().bind(vm.verdictProperty());
        vm.suspiciousProperty().addListener((o, a, b) -> style(verdict));
        vm.hasResultProperty().addListener((o, a, b) -> style(verdict));
        style(verdict);

        Label unreliable = Panels.wrapped("unreliable", "unreliable");
        unreliable.setText(ResultViewModel.UNRELIABLE);
        Panels.showWhen(unreliable, vm.unreliableProperty().and(vm.hasResultProperty()));

        ProbabilityBar bar = new ProbabilityBar();
        bar.setId("probabilityBar");
        bar.valueProperty().bind(vm.probabilityProperty());
        bar.thresholdProperty().bind(vm.thresholdProperty());
        Label probability = Panels.wrapped("probabilityText", "probability-text");
        probability.textProperty().bind(vm.probabilityTextProperty());
        VBox probabilityBox = new VBox(4, probability, bar);
        Panels.showWhen(probabilityBox, vm.hasResultProperty());

        threshold.setId("thresholdSlider");
        threshold.setBlockIncrement(0.01);
        threshold.setMajorTickUnit(0.25);
        threshold.setShowTickMarks(true);
        threshold.setAccessibleText("Decision threshold");
        threshold.setTooltip(new Tooltip("Decision threshold: images at or above it are called suspicious (arrow keys move it by 0.01)"));
        HBox.setHgrow(threshold, Priority.ALWAYS);
        threshold.setValue(vm.thresholdProperty().get());
        vm.thresholdProperty().addListener((o, a, b) -> {
            syncing = true;
            threshold.setValue(b.doubleValue());
            syncing = false;
        });
        threshold.valueProperty().addListener((o, a, b) -> {
            if (!syncing && vm.hasResultProperty().get()) {
                vm.setThreshold(Math.round(b.doubleValue() * 100) / 100.0);
            }
        });
        Button reset = new Button("Model's threshold");
        reset.setId("resetThreshold");
        reset.setTooltip(new Tooltip("Use the threshold documented in the model card"));
        reset.setOnAction(e -> vm.resetThreshold());
        Label thresholdText = Panels.wrapped("thresholdText", "muted");
        thresholdText.textProperty().bind(vm.thresholdTextProperty());
        VBox thresholdBox = new VBox(2, new HBox(6, threshold, reset), thresholdText);
        Panels.showWhen(thresholdBox, vm.hasResultProperty());

        differential.setHgap(6);
        differential.setVgap(2);
        differential.setId("differential");
        ColumnConstraints c0 = new ColumnConstraints();
        c0.setHgrow(Priority.ALWAYS);
        ColumnConstraints c1 = new ColumnConstraints(90);
        ColumnConstraints c2 = new ColumnConstraints(44);
        differential.getColumnConstraints().addAll(c0, c1, c2);
        vm.differential().addListener((ListChangeListener<ResultViewModel.DiagnosisRow>) ch -> rebuildDifferential());
        Label diffHeading = new Label("Differential (seven diagnoses)");
        diffHeading.getStyleClass().add("subheading");
        VBox diffBox = new VBox(3, diffHeading, differential);
        Panels.showWhen(diffBox, Bindings.isNotEmpty(vm.differential()));

        Label model = Panels.wrapped("modelText", "muted");
        model.textProperty().bind(vm.modelTextProperty());
        Label disclaimer = Panels.wrapped("disclaimer", "disclaimer");
        disclaimer.setText(ResultViewModel.DISCLAIMER);

        getChildren().addAll(Panels.heading("Result"), verdict, unreliable, probabilityBox, thresholdBox, diffBox, model, disclaimer);
    }

    private void style(Label verdict) {
        verdict.getStyleClass().removeAll("suspicious", "benign", "empty");
        verdict.getStyleClass().add(!vm.hasResultProperty().get() ? "empty" : vm.suspiciousProperty().get() ? "suspicious" : "benign");
    }

    private void rebuildDifferential() {
        differential.getChildren().clear();
        int row = 0;
        for (ResultViewModel.DiagnosisRow r : vm.differential()) {
            Label name = new Label(r.label());
            name.setWrapText(true);
            ProgressBar p = new ProgressBar(r.probability());
            p.setMaxWidth(Double.MAX_VALUE);
            p.getStyleClass().add(r.diagnosis().malignant() ? "malignant-bar" : "benign-bar");
            p.setFocusTraversable(false);
            Label pct = new Label(r.percent());
            differential.addRow(row++, name, p, pct);
        }
    }
}

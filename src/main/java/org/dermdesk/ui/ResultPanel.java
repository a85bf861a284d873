package org.dermdesk.ui;

import java.util.ArrayList;
import java.util.List;
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
import org.dermdesk.core.Diagnosis;
import org.dermdesk.core.ResultWording;

/** Verdict, probability bar with the threshold, the differential, the model and the disclaimer. */
final class ResultPanel extends VBox {

    private final ResultViewModel vm;
    private final Slider threshold = new Slider(0.01, 0.99, 0.5);
    private final GridPane differential = new GridPane();
    private final List<DifferentialRow> rows = new ArrayList<>();
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
        vm.notDermoscopicProperty().addListener((o, a, b) -> style(verdict));
        style(verdict);

        Label unreliable = Panels.wrapped("unreliable", "unreliable");
        unreliable.setText(ResultWording.UNRELIABLE);
        Panels.showWhen(unreliable, vm.unreliableProperty().and(vm.hasResultProperty()));

        Label hairRemoval = Panels.wrapped("hairRemovalText", "muted");
        hairRemoval.textProperty().bind(vm.hairRemovalTextProperty());
        Panels.showWhen(hairRemoval, vm.hasResultProperty().and(vm.hairRemovalTextProperty().isNotEmpty()));

        Label suitability = Panels.wrapped("suitabilityNote", "suitability-note");
        suitability.textProperty().bind(vm.suitabilityNoteProperty());
        vm.notDermoscopicProperty().addListener((o, a, b) -> styleSuitability(suitability));
        styleSuitability(suitability);
        Panels.showWhen(suitability, vm.hasResultProperty().and(vm.suitabilityNoteProperty().isNotEmpty()));
        Button reveal = new Button(ResultWording.SHOW_PROBABILITY_ANYWAY);
        reveal.setId("revealProbability");
        reveal.setTooltip(new Tooltip("The model was not made for this kind of image; its probability is shown labelled as not valid"));
        reveal.setOnAction(e -> vm.revealProbability());
        Panels.showWhen(reveal, vm.notDermoscopicProperty().and(vm.probabilityShownProperty().not()));

        ProbabilityBar bar = new ProbabilityBar();
        bar.setId("probabilityBar");
        bar.valueProperty().bind(vm.probabilityProperty());
        bar.thresholdProperty().bind(vm.thresholdProperty());
        Label probability = Panels.wrapped("probabilityText", "probability-text");
        probability.textProperty().bind(vm.probabilityTextProperty());
        Panels.showWhen(bar, vm.probabilityShownProperty());
        VBox probabilityBox = new VBox(4, probability, bar, reveal);
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
        Panels.showWhen(thresholdBox, vm.probabilityShownProperty());

        differential.setHgap(6);
        differential.setVgap(2);
        differential.setId("differential");
        ColumnConstraints c0 = new ColumnConstraints();
        c0.setHgrow(Priority.ALWAYS);
        ColumnConstraints c1 = new ColumnConstraints(90);
        ColumnConstraints c2 = new ColumnConstraints(44);
        differential.getColumnConstraints().addAll(c0, c1, c2);
        // one row per diagnosis, built once: a result only changes their text (no new nodes, no new skins)
        for (int i = 0; i < Diagnosis.values().length; i++) {
            DifferentialRow row = new DifferentialRow();
            differential.addRow(i, row.name, row.bar, row.percent);
            rows.add(row);
        }
        vm.differential().addListener((ListChangeListener<ResultViewModel.DiagnosisRow>) ch -> showDifferential());
        showDifferential();
        Label diffHeading = new Label("Differential (seven diagnoses)");
        diffHeading.getStyleClass().add("subheading");
        VBox diffBox = new VBox(3, diffHeading, differential);
        Panels.showWhen(diffBox, Bindings.isNotEmpty(vm.differential()));

        Label model = Panels.wrapped("modelText", "muted");
        model.textProperty().bind(vm.modelTextProperty());
        Label disclaimer = Panels.wrapped("disclaimer", "disclaimer");
        disclaimer.setText(ResultWording.DISCLAIMER);

        getChildren().addAll(Panels.heading("Result"), verdict, suitability, unreliable, probabilityBox, hairRemoval, thresholdBox, diffBox, model, disclaimer);
    }

    private void style(Label verdict) {
        verdict.getStyleClass().removeAll("suspicious", "benign", "empty");
        boolean noVerdict = !vm.hasResultProperty().get() || vm.notDermoscopicProperty().get();
        verdict.getStyleClass().add(noVerdict ? "empty" : vm.suspiciousProperty().get() ? "suspicious" : "benign");
    }

    /** Not dermoscopic reads as a stop (red), unfamiliar as a caution (amber). */
    private void styleSuitability(Label note) {
        note.getStyleClass().removeAll("not-dermoscopic", "unfamiliar");
        note.getStyleClass().add(vm.notDermoscopicProperty().get() ? "not-dermoscopic" : "unfamiliar");
    }

    private void showDifferential() {
        List<ResultViewModel.DiagnosisRow> shown = vm.differential();
        for (int i = 0; i < rows.size(); i++) {
            rows.get(i).show(i < shown.size() ? shown.get(i) : null);
        }
    }

    /** One line of the differential: diagnosis, bar, percentage; hidden while it has nothing to show. */
    private static final class DifferentialRow {
        final Label name = new Label();
        final ProgressBar bar = new ProgressBar(0);
        final Label percent = new Label();

        DifferentialRow() {
            name.setWrapText(true);
            bar.setMaxWidth(Double.MAX_VALUE);
            bar.setFocusTraversable(false);
        }

        void show(ResultViewModel.DiagnosisRow r) {
            for (javafx.scene.Node n : List.of(name, bar, percent)) {
                n.setVisible(r != null);
                n.setManaged(r != null);
            }
            if (r == null) {
                return;
            }
            name.setText(r.label());
            bar.setProgress(r.probability());
            percent.setText(r.percent());
            String kind = r.diagnosis().malignant() ? "malignant-bar" : "benign-bar";
            if (!bar.getStyleClass().contains(kind)) {
                bar.getStyleClass().removeAll("malignant-bar", "benign-bar");
                bar.getStyleClass().add(kind);
            }
        }
    }
}

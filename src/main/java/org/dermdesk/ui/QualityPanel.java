package org.dermdesk.ui;

import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Each artifact with its status and severity. (The retake banner sits above the viewer.) */
final class QualityPanel extends VBox {

    private final QualityViewModel vm;
    private final GridPane grid = new GridPane();

    QualityPanel(QualityViewModel vm) {
        this.vm = vm;
        setSpacing(6);
        setPadding(new Insets(8));
        getStyleClass().add("panel");
        setId("qualityPanel");
        Label summary = Panels.wrapped("qualitySummary", null);
        summary.textProperty().bind(vm.summaryProperty());
        grid.setId("qualityGrid");
        grid.setHgap(6);
        grid.setVgap(2);
        ColumnConstraints c0 = new ColumnConstraints();
        c0.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        ColumnConstraints c1 = new ColumnConstraints();
        c1.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        ColumnConstraints c2 = new ColumnConstraints();
        c2.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        ColumnConstraints c3 = new ColumnConstraints();
        c3.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(c0, c1, c2, c3);
        vm.rows().addListener((ListChangeListener<QualityViewModel.Row>) ch -> rebuild());
        getChildren().addAll(Panels.heading("Image quality"), summary, grid);
    }

    private void rebuild() {
        grid.getChildren().clear();
        if (vm.rows().isEmpty()) {
            return;
        }
        grid.addRow(0, header("Artifact"), header("Status"), header("Severity"), header("Detail"));
        int row = 1;
        for (QualityViewModel.Row r : vm.rows()) {
            Label status = new Label(r.status());
            status.getStyleClass().add(r.present() ? "artifact-present" : "artifact-absent");
            Label severity = new Label(r.severity().label());
            severity.getStyleClass().add("severity-" + r.severity().name().toLowerCase(java.util.Locale.ROOT));
            Label detail = new Label(r.detail());
            detail.setWrapText(true);
            detail.getStyleClass().add("muted");
            grid.addRow(row++, new Label(r.label()), status, severity, detail);
        }
    }

    private static Label header(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("subheading");
        return l;
    }
}

package org.dermdesk.ui;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.dermdesk.core.ArtifactKind;

/** Each artifact with its status and severity. (The retake banner sits above the viewer.) */
final class QualityPanel extends VBox {

    private final QualityViewModel vm;
    private final GridPane grid = new GridPane();
    private final Map<ArtifactKind, ArtifactRow> rows = new EnumMap<>(ArtifactKind.class);
    private final List<Label> headers = List.of(header("Artifact"), header("Status"), header("Severity"), header("Detail"));

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
        // one row per artifact kind, built once: a report only changes their text (no new nodes, no new skins)
        grid.addRow(0, headers.toArray(Label[]::new));
        int row = 1;
        for (ArtifactKind kind : ArtifactKind.values()) {
            ArtifactRow r = new ArtifactRow(kind);
            grid.addRow(row++, r.cells().toArray(Label[]::new));
            rows.put(kind, r);
        }
        vm.rows().addListener((ListChangeListener<QualityViewModel.Row>) ch -> showRows());
        showRows();
        getChildren().addAll(Panels.heading("Image quality"), summary, grid);
    }

    private void showRows() {
        Map<ArtifactKind, QualityViewModel.Row> byKind = new EnumMap<>(ArtifactKind.class);
        for (QualityViewModel.Row r : vm.rows()) {
            byKind.put(r.kind(), r);
        }
        showCells(headers, !byKind.isEmpty());
        rows.forEach((kind, row) -> row.show(byKind.get(kind)));
    }

    private static void showCells(List<Label> cells, boolean show) {
        for (Label cell : cells) {
            cell.setVisible(show);
            cell.setManaged(show);
        }
    }

    /** One artifact's line: name, status, severity, detail; hidden while the report has no finding for it. */
    private static final class ArtifactRow {
        private final Label name;
        private final Label status = new Label();
        private final Label severity = new Label();
        private final Label detail = new Label();

        ArtifactRow(ArtifactKind kind) {
            name = new Label(kind.label());
            detail.setWrapText(true);
            detail.getStyleClass().add("muted");
        }

        List<Label> cells() {
            return List.of(name, status, severity, detail);
        }

        void show(QualityViewModel.Row r) {
            showCells(cells(), r != null);
            if (r == null) {
                return;
            }
            status.setText(r.status());
            restyle(status, "artifact-", r.present() ? "artifact-present" : "artifact-absent");
            severity.setText(r.severity().label());
            restyle(severity, "severity-", "severity-" + r.severity().name().toLowerCase(Locale.ROOT));
            detail.setText(r.detail());
        }

        /** Swaps the one style class starting with {@code prefix}; untouched when it is already right. */
        private static void restyle(Label label, String prefix, String styleClass) {
            if (!label.getStyleClass().contains(styleClass)) {
                label.getStyleClass().removeIf(c -> c.startsWith(prefix));
                label.getStyleClass().add(styleClass);
            }
        }
    }

    private static Label header(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("subheading");
        return l;
    }
}

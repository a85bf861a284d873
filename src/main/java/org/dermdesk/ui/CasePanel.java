package org.dermdesk.ui;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Age, sex, body site, patient and lesion identifiers and notes, and the export / save actions (disabled while not installed). */
final class CasePanel extends VBox {

    CasePanel(WorkstationViewModel workstation, Runnable exportPdf) {
        CaseViewModel vm = workstation.caseDetails();
        setSpacing(6);
        setPadding(new Insets(8));
        getStyleClass().add("panel");
        setId("casePanel");

        TextField age = new TextField();
        age.setId("age");
        age.setPrefColumnCount(4);
        age.setPromptText("years");
        age.textProperty().bindBidirectional(vm.ageProperty());
        ComboBox<String> sex = new ComboBox<>();
        sex.setId("sex");
        sex.getItems().addAll(CaseViewModel.SEXES);
        sex.valueProperty().bindBidirectional(vm.sexProperty());
        TextField site = new TextField();
        site.setId("bodySite");
        site.setPromptText("e.g. back, left shoulder");
        site.textProperty().bindBidirectional(vm.bodySiteProperty());
        TextField patient = new TextField();
        patient.setId("patientId");
        patient.setPromptText("the clinic's patient number");
        patient.textProperty().bindBidirectional(vm.patientIdProperty());
        TextField lesion = new TextField();
        lesion.setId("lesionId");
        lesion.setPromptText("e.g. L1, left shoulder naevus");
        lesion.textProperty().bindBidirectional(vm.lesionIdProperty());
        TextArea notes = new TextArea();
        notes.setId("notes");
        notes.setPrefRowCount(3);
        notes.setWrapText(true);
        notes.setPromptText("Reviewer notes");
        notes.textProperty().bindBidirectional(vm.notesProperty());

        GridPane grid = new GridPane();
        grid.setHgap(6);
        grid.setVgap(4);
        ColumnConstraints c0 = new ColumnConstraints();
        c0.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        ColumnConstraints c1 = new ColumnConstraints();
        c1.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(c0, c1);
        grid.addRow(0, label("_Age", age), age);
        grid.addRow(1, label("Se_x", sex), sex);
        grid.addRow(2, label("_Body site", site), site);
        grid.addRow(3, label("_Patient ID", patient), patient);
        grid.addRow(4, label("_Lesion", lesion), lesion);
        grid.add(label("_Notes", notes), 0, 5);
        grid.add(notes, 1, 5);

        Button export = new Button("Export PDF\u2026");
        export.setId("exportPdf");
        export.disableProperty().bind(workstation.canExportBinding().not());
        export.setOnAction(e -> exportPdf.run());
        Button save = new Button("Save to case log");
        save.setId("saveCase");
        save.disableProperty().bind(workstation.canSaveBinding().not());
        save.setOnAction(e -> workstation.saveToCaseLog());
        HBox buttons = new HBox(6, export, save);
        Label ageHint = Panels.wrapped("ageHint", "muted");
        ageHint.setText("With an age (and sex), the probability under Result also weighs them; the image-only figure stays beside it.");
        VBox box = new VBox(4, grid, ageHint, buttons);
        if (!workstation.pdfExportInstalled() || !workstation.caseLogInstalled()) {
            Label missing = Panels.wrapped("recordsMissing", "muted");
            missing.setText(!workstation.pdfExportInstalled() && !workstation.caseLogInstalled()
                    ? "PDF export and the case log are not installed in this version."
                    : !workstation.pdfExportInstalled() ? "PDF export is not installed in this version."
                    : "The case log is not installed in this version.");
            box.getChildren().add(missing);
            Tooltip tip = new Tooltip("Not installed in this version");
            if (!workstation.pdfExportInstalled()) {
                Tooltip.install(export, tip);
            }
        }
        getChildren().addAll(Panels.heading("Case"), box);
    }

    private static Label label(String text, javafx.scene.Node target) {
        Label l = new Label(text);
        l.setMnemonicParsing(true);
        l.setLabelFor(target);
        return l;
    }
}

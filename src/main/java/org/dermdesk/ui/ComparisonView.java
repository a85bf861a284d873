package org.dermdesk.ui;

import java.io.File;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;
import org.dermdesk.core.ComparisonWording;
import org.dermdesk.core.EarlierCase;
import org.dermdesk.core.LesionComparison;
import org.dermdesk.core.LesionImage;
import org.dermdesk.core.ResultWording;

/**
 * The follow-up window: pick an earlier case of the lesion (or any image file), then see the earlier image,
 * today's image registered onto it and both as an overlay (blend slider, blink), with the change table
 * and verdict below.
 */
final class ComparisonView {

    /** How long each image shows while blinking. */
    static final Duration BLINK = Duration.millis(600);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ROOT);

    private final ComparisonViewModel vm;
    private final Stage stage = new Stage();
    private final Timeline blink = new Timeline(new KeyFrame(BLINK, e -> toggleBlink()));
    private final VBox report = new VBox(6);

    ComparisonView(Window owner, ComparisonViewModel vm, String stylesheet) {
        this.vm = vm;
        stage.initOwner(owner);
        stage.setTitle("DermDesk \u2014 compare with an earlier image");
        blink.setCycleCount(Timeline.INDEFINITE);
        BorderPane root = new BorderPane();
        root.setId("comparisonView");
        root.getStyleClass().add("workstation");
        root.setPadding(new Insets(10));
        root.setLeft(chooser());
        ScrollPane scroll = new ScrollPane(results());
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setId("comparisonScroll");
        BorderPane.setMargin(scroll, new Insets(0, 0, 0, 10));
        root.setCenter(scroll);
        Scene scene = new Scene(root, 1280, 860);
        if (stylesheet != null) {
            scene.getStylesheets().add(stylesheet);
        }
        stage.setScene(scene);
        stage.setOnHidden(e -> {
            blink.stop();
            vm.blinkingProperty().set(false);
        });
        vm.comparisonProperty().addListener((o, a, b) -> showReport(b));
        vm.blinkingProperty().addListener((o, a, b) -> {
            if (b) {
                blink.playFromStart();
            } else {
                blink.stop();
            }
        });
    }

    Stage stage() {
        return stage;
    }

    void show() {
        vm.findEarlierCases();
        stage.show();
        stage.toFront();
    }

    private void toggleBlink() {
        vm.blinkShowsLaterProperty().set(!vm.blinkShowsLaterProperty().get());
    }

    private Node chooser() {
        Label heading = Panels.heading("Earlier image");
        Label note = Panels.wrapped("earlierCasesNote", "muted");
        note.textProperty().bind(vm.casesNoteProperty());
        ListView<EarlierCase> cases = new ListView<>(vm.earlierCases());
        cases.setId("earlierCases");
        cases.setPrefHeight(260);
        cases.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(EarlierCase c, boolean empty) {
                super.updateItem(c, empty);
                setText(empty || c == null ? null : describe(c));
            }
        });
        cases.setPlaceholder(new Label("No saved case of this lesion"));
        Button compare = new Button("Compare with the selected case");
        compare.setId("compareSelected");
        compare.setMaxWidth(Double.MAX_VALUE);
        compare.disableProperty().bind(cases.getSelectionModel().selectedItemProperty().isNull().or(vm.runningProperty()));
        compare.setOnAction(e -> vm.compareWith(cases.getSelectionModel().getSelectedItem()));
        Button file = new Button("Choose an image file\u2026");
        file.setId("compareFile");
        file.setMaxWidth(Double.MAX_VALUE);
        file.disableProperty().bind(vm.runningProperty());
        file.setOnAction(e -> chooseFile());
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(22, 22);
        Button cancel = new Button("Cancel");
        cancel.setId("compareCancel");
        cancel.setOnAction(e -> vm.cancel());
        HBox busy = new HBox(6, progress, cancel);
        busy.setAlignment(Pos.CENTER_LEFT);
        Panels.showWhen(busy, vm.runningProperty());
        Label status = Panels.wrapped("comparisonStatus", "muted");
        status.textProperty().bind(vm.statusProperty());
        Button pdf = new Button("Save comparison PDF\u2026");
        pdf.setId("saveComparisonPdf");
        pdf.setMaxWidth(Double.MAX_VALUE);
        pdf.disableProperty().bind(vm.canSavePdfBinding().not());
        pdf.setOnAction(e -> choosePdf());
        VBox box = new VBox(8, heading, note, cases, compare, file, busy, status, new Region(), pdf);
        box.setPrefWidth(300);
        box.setMinWidth(260);
        box.setPadding(new Insets(8));
        box.getStyleClass().add("panel");
        return box;
    }

    static String describe(EarlierCase c) {
        return WHEN.format(c.savedAt().atZone(ZoneId.systemDefault())) + "  \u2014  p "
                + String.format(Locale.ROOT, "%.0f%%", 100 * c.pMalignant()) + "\n" + c.caseId();
    }

    private Node results() {
        Label problem = Panels.wrapped("comparisonProblem", "retake-banner");
        problem.textProperty().bind(vm.problemProperty());
        Panels.showWhen(problem, vm.problemProperty().isNotEmpty());

        ImageView before = view("earlierImage");
        ImageView registered = view("registeredImage");
        ImageView overlay = view("overlayImage");
        vm.displayProperty().addListener((o, a, d) -> {
            before.setImage(d == null ? null : FxImages.of(d.before(), 1));
            registered.setImage(d == null ? null : FxImages.of(d.registered(), 1));
        });
        vm.overlayProperty().addListener((o, a, img) -> overlay.setImage(img == null ? null : FxImages.of(img, 1)));
        HBox images = new HBox(10, framed("Earlier image", before), framed("Today, registered onto it", registered),
                framed("Both: earlier outline white, today black", overlay));
        images.setId("comparisonImages");
        for (Node n : images.getChildren()) {
            HBox.setHgrow(n, Priority.ALWAYS);
        }

        Slider blend = new Slider(0, 1, vm.blendProperty().get());
        blend.setId("blendSlider");
        blend.valueProperty().bindBidirectional(vm.blendProperty());
        blend.setPrefWidth(220);
        blend.setTooltip(new Tooltip("Left: the earlier image; right: today's"));
        blend.disableProperty().bind(vm.blinkingProperty());
        ToggleButton blinkButton = new ToggleButton("Blink");
        blinkButton.setId("blinkToggle");
        blinkButton.selectedProperty().bindBidirectional(vm.blinkingProperty());
        blinkButton.setTooltip(new Tooltip("Show the two images in turn, " + (int) BLINK.toMillis() + " ms each"));
        Label blinkShows = new Label();
        blinkShows.setId("blinkShows");
        blinkShows.textProperty().bind(Bindings.when(vm.blinkingProperty())
                .then(Bindings.when(vm.blinkShowsLaterProperty()).then("showing: today").otherwise("showing: earlier"))
                .otherwise(""));
        HBox controls = new HBox(8, new Label("Earlier"), blend, new Label("Today"), blinkButton, blinkShows);
        controls.setId("overlayControls");
        controls.setAlignment(Pos.CENTER_LEFT);
        controls.setPadding(new Insets(2, 0, 2, 0));
        controls.disableProperty().bind(vm.comparisonProperty().isNull());

        report.setId("comparisonReport");
        report.setPadding(new Insets(8));
        report.getStyleClass().add("panel");
        showReport(null);
        VBox box = new VBox(8, problem, images, controls, report);
        box.setFillWidth(true);
        box.setPadding(new Insets(8)); // keeps the images and the table off the scroll pane's border
        return box;
    }

    private static ImageView view(String id) {
        ImageView v = new ImageView();
        v.setId(id);
        v.setPreserveRatio(true);
        v.setSmooth(true);
        return v;
    }

    /** An image under its caption, scaled to the width its column gets. */
    private static Node framed(String caption, ImageView image) {
        Label label = new Label(caption);
        label.getStyleClass().add("muted");
        label.setWrapText(true);
        StackPane holder = new StackPane(image);
        holder.setMinSize(120, 90);
        holder.setPrefSize(300, 225);
        image.fitWidthProperty().bind(holder.widthProperty());
        image.fitHeightProperty().bind(holder.widthProperty().multiply(0.75));
        VBox box = new VBox(4, label, holder);
        box.setMinWidth(120);
        box.setPrefWidth(300);
        return box;
    }

    private void showReport(LesionComparison c) {
        report.getChildren().clear();
        if (c == null) {
            Label hint = Panels.wrapped("comparisonHint", "muted");
            hint.setText("Choose an earlier case or image: it is analysed again, aligned onto today's image and compared.");
            report.getChildren().add(hint);
            return;
        }
        Label verdict = Panels.wrapped("comparisonVerdict", c.sameLesion() ? "verdict" : "retake-banner");
        verdict.setText(c.verdict());
        verdict.setStyle("-fx-font-weight: bold;");
        report.getChildren().add(verdict);
        for (String s : c.sameLesion() ? c.changes() : c.differentReasons()) {
            Label l = Panels.wrapped(null, null);
            l.setText("\u2022 " + s);
            report.getChildren().add(l);
        }
        if (c.hasChangeReport()) {
            report.getChildren().add(table(c));
            Label scale = Panels.wrapped("comparisonScaleNote", "muted");
            scale.setText(c.scaleNote());
            Label thresholds = Panels.wrapped("comparisonThresholds", "muted");
            thresholds.setText(ComparisonWording.thresholds());
            report.getChildren().addAll(scale, thresholds);
        }
        Label registration = Panels.wrapped("comparisonRegistration", "muted");
        registration.setText(ComparisonWording.registration(c.registration()));
        Label disclaimer = Panels.wrapped("comparisonDisclaimer", "muted");
        disclaimer.setText(ResultWording.DISCLAIMER);
        report.getChildren().addAll(registration, disclaimer);
    }

    private GridPane table(LesionComparison c) {
        GridPane grid = new GridPane();
        grid.setId("changeTable");
        grid.setHgap(14);
        grid.setVgap(3);
        grid.setPadding(new Insets(4, 0, 4, 0));
        for (int i = 0; i < 4; i++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setPercentWidth(i == 0 ? 22 : 26);
            grid.getColumnConstraints().add(cc);
        }
        String[] head = {"", "Earlier", "Today", "Change"};
        for (int i = 0; i < head.length; i++) {
            Label h = new Label(head[i]);
            h.setStyle("-fx-font-weight: bold;");
            grid.add(h, i, 0);
        }
        int row = 1;
        for (ComparisonWording.Row r : ComparisonWording.rows(c)) {
            String[] cells = {r.label(), r.before(), r.after(), r.change()};
            for (int i = 0; i < cells.length; i++) {
                Label l = new Label(cells[i]);
                l.setWrapText(true);
                l.setMinHeight(Region.USE_PREF_SIZE);
                grid.add(l, i, row);
            }
            row++;
        }
        return grid;
    }

    private void chooseFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Choose the earlier image of this lesion");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Images", WorkstationView.IMAGE_PATTERNS),
                new FileChooser.ExtensionFilter("All files", "*"));
        File f = chooser.showOpenDialog(stage);
        if (f != null) {
            vm.compareWith(f.toPath());
        }
    }

    private void choosePdf() {
        LesionComparison c = vm.comparisonProperty().get();
        if (c == null) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save the comparison");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PDF", "*.pdf"));
        chooser.setInitialFileName(c.after().name().replaceFirst("\\.[^.]+$", "") + "-comparison.pdf");
        File f = chooser.showSaveDialog(stage);
        if (f != null) {
            vm.savePdf(f.toPath());
        }
    }

    /** For tests and screenshots: the image drawn now in the overlay. */
    LesionImage overlayShown() {
        return vm.overlayProperty().get();
    }

    /** For tests: compare with a file as if chosen in the dialog. */
    void compareWith(Path file) {
        vm.compareWith(file);
    }
}

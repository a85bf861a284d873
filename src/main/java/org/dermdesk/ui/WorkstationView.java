package org.dermdesk.ui;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import org.dermdesk.core.LesionImage;
import org.dermdesk.core.QualityReport;
import org.dermdesk.core.ScalePrecedence;

/** The main window's content: menus, toolbar, viewer with overlays, side panels, status bar. */
public final class WorkstationView {

    static final List<String> IMAGE_PATTERNS = List.of("*.jpg", "*.jpeg", "*.png", "*.bmp", "*.tif", "*.tiff",
            "*.JPG", "*.JPEG", "*.PNG", "*.BMP", "*.TIF", "*.TIFF");

    private final WorkstationViewModel vm;
    /** For the device calibration: its ruler pictures are read and measured like any image. */
    private final WorkstationServices services;
    private final Stage stage;
    private final BorderPane root = new BorderPane();
    private final ImageViewer viewer;
    private final Menu recentMenu = new Menu("Open _Recent");
    private final MenuButton recentButton = new MenuButton("Recent");
    private PanelWarmUp warmUp;
    private ComparisonView comparison;

    WorkstationView(Stage stage, WorkstationViewModel vm, WorkstationServices services) {
        this.stage = stage;
        this.vm = vm;
        this.services = services;
        vm.overlays().showMeasurements(vm.measurement().measurementsProperty(), vm.quality().reportProperty());
        this.viewer = new ImageViewer(vm.overlays());
        viewer.measurementOverlay().colourProperty().bind(vm.preferences().colourProperty(OverlayKind.MEASUREMENT));
        root.setId("workstation");
        root.getStyleClass().add("workstation");
        root.setTop(new VBox(menuBar(), toolBar()));
        root.setCenter(centre());
        root.setRight(sidePanels());
        root.setBottom(new StatusBar(vm));
        vm.imageProperty().addListener((o, a, b) -> viewer.setImage(b));
        // a comparison belongs to the image it was made with
        vm.currentFileProperty().addListener((o, a, b) -> {
            vm.comparison().reset();
            if (comparison != null && comparison.stage().isShowing()) {
                vm.comparison().findEarlierCases();
            }
        });
        vm.preferences().recentFiles().addListener((ListChangeListener<Path>) c -> rebuildRecent());
        rebuildRecent();
        vm.setMessageSink(this::showMessage);
        // a new or removed calibration applies at once to the measurement on screen (and so to its PDF and log)
        vm.preferences().deviceScales().revisionProperty().addListener((o, a, b) -> rescaleShown());
    }

    private void rescaleShown() {
        QualityReport shown = vm.quality().reportProperty().get();
        LesionImage img = vm.imageProperty().get();
        if (shown != null && img != null) {
            vm.quality().reportProperty().set(ScalePrecedence.apply(shown, img, vm.preferences().deviceScales()));
        }
    }

    Scene createScene(double width, double height) {
        Scene scene = new Scene(root, width, height);
        scene.getStylesheets().add(WorkstationView.class.getResource("dermdesk.css").toExternalForm());
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ESCAPE), vm::cancel);
        scene.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        scene.setOnDragDropped(e -> {
            List<File> files = e.getDragboard().hasFiles() ? e.getDragboard().getFiles() : List.of();
            if (!files.isEmpty()) {
                open(files.get(0).toPath());
            }
            e.setDropCompleted(!files.isEmpty());
            e.consume();
        });
        return scene;
    }

    /** Readies the panels for the first result, off screen; {@link Workstation#show} starts it once the window shows. */
    PanelWarmUp warmUp() {
        if (warmUp == null) {
            warmUp = new PanelWarmUp(root.getScene().getStylesheets());
        }
        return warmUp;
    }

    /** Opens a file as if chosen in the file dialog (for a file named on the command line, and tests). */
    public void open(Path file) {
        vm.open(file);
    }

    WorkstationViewModel viewModel() {
        return vm;
    }

    ImageViewer viewer() {
        return viewer;
    }

    private MenuBar menuBar() {
        MenuItem open = item("_Open\u2026", "Shortcut+O", this::chooseAndOpen);
        MenuItem export = item("_Export PDF\u2026", "Shortcut+P", this::chooseAndExport);
        export.disableProperty().bind(vm.canExportBinding().not());
        MenuItem save = item("_Save to case log", "Shortcut+S", vm::saveToCaseLog);
        save.disableProperty().bind(vm.canSaveBinding().not());
        MenuItem prefs = item("Pre_ferences\u2026", "Shortcut+COMMA", this::showPreferences);
        MenuItem quit = item("_Quit", "Shortcut+Q", stage::close);
        Menu file = new Menu("_File", null, open, recentMenu, new SeparatorMenuItem(), export, save,
                new SeparatorMenuItem(), prefs, new SeparatorMenuItem(), quit);

        Menu view = new Menu("_View", null,
                item("_Fit to window", "Shortcut+0", viewer::fit),
                item("_Actual size (100%)", "Shortcut+1", viewer::actualSize),
                item("Zoom _in", "Shortcut+EQUALS", () -> viewer.zoomBy(1.25)),
                item("Zoom _out", "Shortcut+MINUS", () -> viewer.zoomBy(0.8)),
                new SeparatorMenuItem());
        int n = 1;
        for (OverlayKind kind : OverlayKind.values()) {
            CheckMenuItem toggle = new CheckMenuItem(kind == OverlayKind.HEATMAP ? "Heatmap" : kind.label());
            toggle.setId("menuOverlay-" + kind.name());
            toggle.selectedProperty().bindBidirectional(vm.overlays().visibleProperty(kind));
            toggle.disableProperty().bind(vm.overlays().availableProperty(kind).not());
            toggle.setAccelerator(KeyCombination.valueOf("Alt+" + n++));
            view.getItems().add(toggle);
        }
        MenuItem explain = item("_Explain result", "Shortcut+E", vm::explain);
        explain.disableProperty().bind(vm.canExplainBinding().not());
        MenuItem cancel = new MenuItem("_Cancel running task (Esc)");
        cancel.setOnAction(e -> vm.cancel());
        cancel.disableProperty().bind(vm.runner().cancellableProperty().not());
        MenuItem resetThreshold = item("Use the _model's threshold", null, () -> vm.result().resetThreshold());
        MenuItem calibrate = item("Calibrate the device _scale…", null, this::showCalibration);
        calibrate.setId("menuCalibrate");
        MenuItem compare = item("Compare with _earlier image\u2026", "Shortcut+K", this::showComparison);
        compare.setId("menuCompare");
        compare.disableProperty().bind(canCompare().not());
        Menu analysis = new Menu("_Analysis", null, explain, cancel, new SeparatorMenuItem(), compare,
                new SeparatorMenuItem(), resetThreshold,
                new SeparatorMenuItem(), calibrate);
        Menu help = new Menu("_Help", null, item("_Keyboard shortcuts", "F1", this::showShortcuts));
        MenuBar bar = new MenuBar(file, view, analysis, help);
        bar.setId("menuBar");
        return bar;
    }

    private ToolBar toolBar() {
        Button open = button("Open\u2026", "openButton", "Open an image (Ctrl+O); you can also drop a file on the window", this::chooseAndOpen);
        open.setDefaultButton(false);
        recentButton.setId("recentButton");
        recentButton.setTooltip(new Tooltip("Recently opened images"));
        Button fit = button("Fit", "fitButton", "Fit the image to the window (Ctrl+0)", viewer::fit);
        Button actual = button("100%", "actualSizeButton", "One image pixel per screen pixel (Ctrl+1)", viewer::actualSize);
        Button zoomIn = button("+", "zoomInButton", "Zoom in (Ctrl+=, or the mouse wheel)", () -> viewer.zoomBy(1.25));
        Button zoomOut = button("\u2212", "zoomOutButton", "Zoom out (Ctrl+-, or the mouse wheel)", () -> viewer.zoomBy(0.8));
        Label zoom = new Label();
        zoom.setId("zoomLabel");
        zoom.setMinWidth(48);
        zoom.textProperty().bind(Bindings.createStringBinding(() -> Format.percent(viewer.zoomProperty().get()), viewer.zoomProperty()));
        Button explain = button("Explain", "toolbarExplain", "Explain the result with a heatmap (Ctrl+E)", vm::explain);
        explain.disableProperty().bind(vm.canExplainBinding().not());
        Button export = button("Export PDF\u2026", "toolbarExport", "Export a PDF report (Ctrl+P)", this::chooseAndExport);
        export.disableProperty().bind(vm.canExportBinding().not());
        Button compare = button("Compare\u2026", "toolbarCompare", "Compare with an earlier image of this lesion (Ctrl+K)",
                this::showComparison);
        compare.disableProperty().bind(canCompare().not());
        Button prefs = button("Preferences\u2026", "preferencesButton", "Threshold, explanation and overlay settings (Ctrl+,)", this::showPreferences);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        ToolBar bar = new ToolBar(open, recentButton, new Separator(), fit, actual, zoomIn, zoomOut, zoom,
                new Separator(), explain, compare, export, spacer, prefs);
        bar.setId("toolBar");
        return bar;
    }

    private Node centre() {
        Label banner = Panels.wrapped("retakeBanner", "retake-banner");
        banner.textProperty().bind(vm.quality().bannerTextProperty());
        Panels.showWhen(banner, vm.quality().retakeProperty());

        // wraps onto a second row rather than cutting the toggles' names short on a narrow window
        FlowPane overlayBar = new FlowPane(4, 4);
        overlayBar.setId("overlayBar");
        overlayBar.getStyleClass().add("overlay-bar");
        overlayBar.setAlignment(Pos.CENTER_LEFT);
        overlayBar.setPadding(new Insets(4, 6, 4, 6));
        overlayBar.prefWrapLengthProperty().bind(viewer.widthProperty().subtract(12));
        Label show = new Label("Show:");
        overlayBar.getChildren().add(show);
        int n = 1;
        for (OverlayKind kind : OverlayKind.values()) {
            ToggleButton t = new ToggleButton(kind == OverlayKind.HEATMAP ? "Heatmap" : kind.label());
            t.setId("overlay-" + kind.name());
            t.selectedProperty().bindBidirectional(vm.overlays().visibleProperty(kind));
            t.disableProperty().bind(vm.overlays().availableProperty(kind).not());
            t.setTooltip(new Tooltip("Show or hide " + t.getText().toLowerCase(java.util.Locale.ROOT) + " (Alt+" + n++ + ")"));
            Region dot = new Region();
            dot.getStyleClass().add("colour-dot");
            dot.styleProperty().bind(Bindings.concat("-fx-background-color: ",
                    kind == OverlayKind.HEATMAP ? String.format("#%06X", OverlayRenderer.POSITIVE_RGB) : "",
                    kind == OverlayKind.HEATMAP ? Bindings.concat("") : vm.preferences().colourProperty(kind), ";"));
            t.setGraphic(dot);
            overlayBar.getChildren().add(t);
        }
        Slider opacity = new Slider(0, 1, 0.6);
        opacity.setId("heatmapOpacity");
        opacity.setPrefWidth(90);
        opacity.setMinWidth(60);
        opacity.valueProperty().bindBidirectional(vm.overlays().heatmapOpacityProperty());
        opacity.setTooltip(new Tooltip("Heatmap opacity"));
        opacity.setAccessibleText("Heatmap opacity");
        Spinner<Integer> topK = new Spinner<>(0, 20, vm.overlays().topKProperty().get());
        topK.setId("topK");
        topK.setPrefWidth(64);
        topK.setEditable(true);
        topK.valueProperty().addListener((o, a, b) -> vm.overlays().topKProperty().set(b == null ? 0 : b));
        topK.setTooltip(new Tooltip("Outline the top regions pushing towards 'suspicious'"));
        HBox heat = new HBox(4, new Label("Opacity"), opacity, new Label("Top"), topK);
        heat.setAlignment(Pos.CENTER_LEFT);
        heat.disableProperty().bind(vm.overlays().availableProperty(OverlayKind.HEATMAP).not());
        overlayBar.getChildren().addAll(new Separator(javafx.geometry.Orientation.VERTICAL), heat);

        VBox.setVgrow(viewer, Priority.ALWAYS);
        VBox box = new VBox(banner, overlayBar, viewer);
        return box;
    }

    private Node sidePanels() {
        VBox panels = new VBox(new ResultPanel(vm.result()), new QualityPanel(vm.quality()),
                new ExplanationPanel(vm.explanation(), vm.canExplainBinding(), vm::explain, vm::cancel),
                new MeasurementPanel(vm.measurement()), new CasePanel(vm, this::chooseAndExport));
        panels.setId("sidePanels");
        panels.setFillWidth(true);
        ScrollPane scroll = new ScrollPane(panels);
        scroll.setId("sideScroll");
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setPrefWidth(430);
        scroll.setMinWidth(340);
        scroll.getStyleClass().add("side-scroll");
        return scroll;
    }

    private void rebuildRecent() {
        recentMenu.getItems().clear();
        recentButton.getItems().clear();
        for (Path p : vm.preferences().recentFiles()) {
            recentMenu.getItems().add(item(String.valueOf(p.getFileName()), null, () -> open(p)));
            MenuItem i = new MenuItem(String.valueOf(p.getFileName()));
            i.setMnemonicParsing(false);
            i.setOnAction(e -> open(p));
            recentButton.getItems().add(i);
        }
        boolean empty = vm.preferences().recentFiles().isEmpty();
        if (!empty) {
            recentMenu.getItems().addAll(new SeparatorMenuItem(), item("_Clear list", null, vm.preferences()::clearRecent));
        }
        recentMenu.setDisable(empty);
        recentButton.setDisable(empty);
    }

    private void chooseAndOpen() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open a dermoscopic image");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Images", IMAGE_PATTERNS),
                new FileChooser.ExtensionFilter("All files", "*"));
        List<Path> recent = vm.preferences().recentFiles();
        if (!recent.isEmpty() && recent.get(0).getParent() != null && Files.isDirectory(recent.get(0).getParent())) {
            chooser.setInitialDirectory(recent.get(0).getParent().toFile());
        }
        File f = chooser.showOpenDialog(stage);
        if (f != null) {
            open(f.toPath());
        }
    }

    private void chooseAndExport() {
        Path current = vm.currentFileProperty().get();
        if (current == null || !vm.canExportBinding().get()) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the report");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PDF", "*.pdf"));
        String name = String.valueOf(current.getFileName()).replaceFirst("\\.[^.]+$", "") + "-report.pdf";
        chooser.setInitialFileName(name);
        if (current.getParent() != null) {
            chooser.setInitialDirectory(current.getParent().toFile());
        }
        File f = chooser.showSaveDialog(stage);
        if (f != null) {
            vm.exportPdf(f.toPath());
        }
    }

    private javafx.beans.binding.BooleanBinding canCompare() {
        return Bindings.createBooleanBinding(() -> vm.comparison().available() && vm.result().hasResultProperty().get(),
                vm.result().hasResultProperty());
    }

    /** The follow-up comparison window for the image on screen; returns it once shown, for tests. */
    ComparisonView showComparison() {
        if (vm.imageProperty().get() == null || !vm.comparison().available()) {
            return comparison;
        }
        if (comparison == null) {
            comparison = new ComparisonView(stage, vm.comparison(),
                    WorkstationView.class.getResource("dermdesk.css").toExternalForm());
        }
        comparison.show();
        return comparison;
    }

    private void showPreferences() {
        new PreferencesDialog(stage, vm.preferences()).showAndWait();
    }

    /**
     * The device calibration, starting from the image on screen (often the ruler picture itself); returns
     * the dialog once shown, for tests.
     */
    CalibrationDialog showCalibration() {
        CalibrationViewModel cvm = new CalibrationViewModel(vm.preferences().deviceScales());
        CalibrationDialog dialog = new CalibrationDialog(stage, cvm, vm.runner(), services.imageReader(),
                services.rulerReader().orElse(null));
        LesionImage shown = vm.imageProperty().get();
        if (shown != null) {
            cvm.showWithRuler(shown, vm.runner(), services.rulerReader().orElse(null));
        }
        dialog.show();
        return dialog;
    }

    private void showShortcuts() {
        showMessage(UserMessage.info("Keyboard shortcuts", String.join("\n",
                "Ctrl+O  open an image      Ctrl+E  explain the result",
                "Esc     cancel the running task",
                "Ctrl+0  fit    Ctrl+1  100%    Ctrl+=/Ctrl+-  zoom",
                "Alt+1..7  lesion border, hair, ruler, ink, dark corners, heatmap, scale and diameter",
                "Ctrl+P  export PDF    Ctrl+S  save to case log    Ctrl+K  compare with an earlier image",
                "Ctrl+,  preferences   Ctrl+Q  quit",
                "Tab / Shift+Tab move between fields; arrow keys move the threshold slider.")));
    }

    void showMessage(UserMessage m) {
        Alert alert = new Alert(switch (m.level()) {
            case ERROR -> Alert.AlertType.ERROR;
            case WARNING -> Alert.AlertType.WARNING;
            case INFO -> Alert.AlertType.INFORMATION;
        });
        alert.initOwner(stage);
        alert.setTitle("DermDesk");
        alert.setHeaderText(m.title());
        alert.setContentText(m.text());
        alert.getDialogPane().setId("messageDialog");
        alert.getDialogPane().setMinHeight(Region.USE_PREF_SIZE);
        alert.getDialogPane().setPrefWidth(520);
        alert.show();
    }

    private static MenuItem item(String text, String accelerator, Runnable action) {
        MenuItem i = new MenuItem(text);
        if (accelerator != null) {
            i.setAccelerator(KeyCombination.valueOf(accelerator));
        }
        i.setOnAction(e -> action.run());
        return i;
    }

    private static Button button(String text, String id, String tip, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        return b;
    }
}

package org.dermdesk.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.dermdesk.core.ImageReader;
import org.dermdesk.core.LesionImage;
import org.dermdesk.core.RulerReader;
import org.slf4j.LoggerFactory;

/**
 * The guided device calibration: a picture of a ruler, the scale proposed from its ticks, two points the
 * user may click a known distance apart, and Save, which stores the scale for images of that resolution.
 */
final class CalibrationDialog extends Dialog<ButtonType> {

    static final ButtonType SAVE = new ButtonType("Save for this resolution", ButtonBar.ButtonData.OK_DONE);
    static final double VIEW_WIDTH = 640;
    static final double VIEW_HEIGHT = 440;

    private final CalibrationViewModel vm;
    private final ImageView imageView = new ImageView();
    private final Pane marks = new Pane();

    /**
     * @param runner, reader, ruler how another ruler picture is read; {@code ruler} may be null (points only)
     */
    CalibrationDialog(Window owner, CalibrationViewModel vm, TaskRunner runner, ImageReader reader, RulerReader ruler) {
        this.vm = vm;
        initOwner(owner);
        setTitle("Calibrate the device scale");
        setHeaderText("Take a picture of a millimetre ruler with your dermatoscope and camera, at the resolution you"
                + " use. DermDesk uses this scale for images of that resolution where no ruler is in the picture.");
        getDialogPane().setId("calibrationDialog");
        imageView.setId("calibrationImage");
        imageView.setPreserveRatio(true);
        imageView.setFitWidth(VIEW_WIDTH);
        imageView.setFitHeight(VIEW_HEIGHT);
        marks.setMouseTransparent(true);
        marks.setManaged(false);
        Pane picture = new Pane(imageView, marks);
        picture.setId("calibrationPicture");
        picture.setPrefSize(VIEW_WIDTH, VIEW_HEIGHT);
        picture.setMaxSize(VIEW_WIDTH, VIEW_HEIGHT);
        picture.setStyle("-fx-background-color: #202020;");
        imageView.setOnMouseClicked(e -> {
            double[] p = toImage(e.getX(), e.getY());
            if (p != null) {
                vm.click(p[0], p[1]);
            }
        });

        Button open = new Button("Open a ruler picture\u2026");
        open.setId("calibrationOpen");
        open.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Open a picture of a ruler");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Images", WorkstationView.IMAGE_PATTERNS));
            File f = chooser.showOpenDialog(getDialogPane().getScene().getWindow());
            if (f != null) {
                open(f.toPath(), runner, reader, ruler);
            }
        });
        Button clear = new Button("Clear points");
        clear.setId("calibrationClear");
        clear.setOnAction(e -> vm.clearPoints());
        Button forget = new Button("Forget this resolution's scale");
        forget.setId("calibrationForget");
        forget.setOnAction(e -> vm.forget());
        forget.disableProperty().bind(vm.imageProperty().isNull());

        Spinner<Double> known = new Spinner<>(new SpinnerValueFactory.DoubleSpinnerValueFactory(0.5, 100,
                vm.knownMmProperty().get(), 0.5));
        known.setId("calibrationKnownMm");
        known.setEditable(true);
        known.setPrefWidth(90);
        known.valueProperty().addListener((o, a, b) -> vm.knownMmProperty().set(b == null ? Double.NaN : b));
        HBox distance = new HBox(6, new Label("The two points are"), known, new Label("mm apart"));
        distance.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

        Label explanation = Panels.wrapped("calibrationExplanation", null);
        explanation.textProperty().bind(vm.explanationProperty());
        Label current = Panels.wrapped("calibrationCurrent", "muted");
        current.textProperty().bind(vm.currentProperty());
        Label problem = Panels.wrapped("calibrationProblem", "error");
        problem.textProperty().bind(vm.problemProperty());
        Panels.showWhen(problem, vm.problemProperty().isNotEmpty());

        VBox content = new VBox(8, new HBox(6, open, clear, forget), picture, distance, explanation, current, problem);
        content.setPadding(new Insets(4));
        content.setPrefWidth(VIEW_WIDTH + 8);
        getDialogPane().setContent(content);
        getDialogPane().setPrefWidth(VIEW_WIDTH + 40); // the header wraps instead of widening the dialog
        getDialogPane().getButtonTypes().addAll(SAVE, ButtonType.CLOSE);
        getDialogPane().lookupButton(SAVE).disableProperty().bind(vm.canSaveBinding().not());
        getDialogPane().lookupButton(SAVE).setId("calibrationSave");
        setResultConverter(b -> {
            if (b == SAVE && vm.canSaveBinding().get()) {
                vm.save();
            }
            return b;
        });

        vm.imageProperty().addListener((o, a, b) -> showImage());
        vm.points().addListener((ListChangeListener<double[]>) c -> drawMarks());
        showImage();
    }

    /** Shows the view model's image; a reduced copy is made off the FX thread (slow for large images). */
    private void showImage() {
        LesionImage b = vm.imageProperty().get();
        imageView.setImage(null);
        drawMarks();
        if (b == null) {
            return;
        }
        double detail = Math.min(1, Math.min(VIEW_WIDTH / b.width(), VIEW_HEIGHT / b.height()));
        CompletableFuture.supplyAsync(() -> FxImages.of(b, detail)).whenComplete((fx, error) -> Platform.runLater(() -> {
            if (error != null) {
                LoggerFactory.getLogger(CalibrationDialog.class).error("Could not display the ruler picture", error);
            } else if (vm.imageProperty().get() == b) {
                imageView.setImage(fx);
                drawMarks();
            }
        }));
    }

    /** Reads another ruler picture (the button's action, after the file chooser). */
    void open(Path file, TaskRunner runner, ImageReader reader, RulerReader ruler) {
        vm.open(file, runner, reader, ruler);
    }

    /** Image pixels of a point in the image view, or null outside the image. */
    double[] toImage(double viewX, double viewY) {
        LesionImage img = vm.imageProperty().get();
        double shownW = imageView.getBoundsInLocal().getWidth();
        double shownH = imageView.getBoundsInLocal().getHeight();
        if (img == null || shownW <= 0 || shownH <= 0 || viewX < 0 || viewY < 0 || viewX > shownW || viewY > shownH) {
            return null;
        }
        return new double[] {viewX / shownW * img.width(), viewY / shownH * img.height()};
    }

    /** The view position of image pixels (x, y). */
    private double[] toView(double[] p) {
        LesionImage img = vm.imageProperty().get();
        double k = imageView.getBoundsInLocal().getWidth() / img.width();
        return new double[] {p[0] * k, p[1] * k};
    }

    private void drawMarks() {
        marks.getChildren().clear();
        if (vm.imageProperty().get() == null || imageView.getImage() == null) {
            return;
        }
        var pts = vm.points();
        for (int i = 0; i < pts.size(); i++) {
            double[] v = toView(pts.get(i));
            Circle c = new Circle(v[0], v[1], 5, Color.TRANSPARENT);
            c.setStroke(Color.web("#F0E442"));
            c.setStrokeWidth(2);
            c.setId("calibrationPoint" + i);
            marks.getChildren().add(c);
        }
        if (pts.size() == 2) {
            double[] a = toView(pts.get(0));
            double[] b = toView(pts.get(1));
            Line l = new Line(a[0], a[1], b[0], b[1]);
            l.setStroke(Color.web("#F0E442"));
            l.setStrokeWidth(2);
            l.setId("calibrationSegment");
            marks.getChildren().add(l);
        }
    }
}

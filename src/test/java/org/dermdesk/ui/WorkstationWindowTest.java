package org.dermdesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import java.util.function.IntBinaryOperator;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Control;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;
import org.dermdesk.core.ArtifactKind;
import org.dermdesk.core.Diagnosis;
import org.dermdesk.core.MeasurementWording;
import org.dermdesk.core.ResultWording;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Drives the real window (headless Monocle) through the main flows with test doubles behind it. */
@ExtendWith(ApplicationExtension.class)
@Timeout(120) // a dialog left waiting must fail the test, not hang the build
class WorkstationWindowTest {

    @TempDir
    Path dir;
    private Preferences node;
    private FakeServices services;
    private WorkstationView view;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        node = Preferences.userRoot().node("org/dermdesk/test/" + UUID.randomUUID());
        services = new FakeServices();
        services.explainer = new FakeExplainer(60, 50, 0.05); // three seconds: time to cancel
        view = Workstation.show(stage, services, new WorkstationPreferences(node), new FxTaskRunner());
    }

    @AfterEach
    void tearDown() throws Exception {
        node.removeNode();
    }

    private Path image(String name, double darkness, int hairs) throws Exception {
        return SyntheticImages.writePng(SyntheticImages.lesion(300, 225, darkness, hairs, false, 5), dir.resolve(name));
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    private void open(FxRobot robot, Path file) {
        robot.interact(() -> view.open(file));
    }

    @Test
    void showsTheLesionMeasurementAsAClassicalAid(FxRobot robot) throws Exception {
        open(robot, image("lesion.png", 0.8, 0));
        waitUntil(() -> text(robot, "#measurementText").startsWith("Scale: 12.5 pixels per mm"));
        assertEquals(MeasurementWording.BASIS, text(robot, "#measurementBasis"));
        assertTrue(text(robot, "#measurementText").contains("Largest diameter"), text(robot, "#measurementText"));
        assertTrue(text(robot, "#measurementText").contains("Colours (2 of 6): light brown, dark brown."));
        assertTrue(text(robot, "#measurementScore").contains(MeasurementWording.STRUCTURES_OMITTED));
        robot.interact(() -> robot.lookup("#sideScroll").queryAs(javafx.scene.control.ScrollPane.class).setVvalue(1));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            snapshot(stage.getScene().getRoot(), Path.of("target", "window-look", "measurement.png"));
        });
    }

    /** Writes what the window shows as a PNG for a person to look at. */
    private static void snapshot(Node node, Path file) {
        try {
            java.nio.file.Files.createDirectories(file.getParent());
            javafx.scene.image.WritableImage img = node.snapshot(null, null);
            int w = (int) img.getWidth();
            int h = (int) img.getHeight();
            java.awt.image.BufferedImage out = new java.awt.image.BufferedImage(w, h, java.awt.image.BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    out.setRGB(x, y, img.getPixelReader().getArgb(x, y));
                }
            }
            javax.imageio.ImageIO.write(out, "png", file.toFile());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void opensAnImageAndShowsAResult(FxRobot robot) throws Exception {
        assertTrue(stage.getTitle().startsWith("DermDesk"));
        waitUntil(() -> text(robot, "#modelStatus").equals("Model: test-cnn 1.0 ready"));
        open(robot, image("lesion.png", 0.8, 0));
        waitUntil(() -> text(robot, "#verdict").equals(ResultWording.SUSPICIOUS));
        assertTrue(text(robot, "#probabilityText").startsWith("Probability of malignancy: "));
        assertEquals(ResultWording.DISCLAIMER, text(robot, "#disclaimer"));
        assertEquals("Model: test-cnn 1.0", text(robot, "#modelText"));
        assertEquals("DermDesk \u2014 lesion.png", stage.getTitle());
        waitUntil(() -> view.viewer().image() != null);
        assertEquals(300, view.viewer().image().getWidth());
        assertTrue(robot.lookup("#exportPdf").queryButton().isDisabled(), "no PDF exporter installed: disabled, not faked");
        assertFalse(robot.lookup("#retakeBanner").query().isVisible());
    }

    @Test
    void aCorruptFileShowsAnErrorThenAGoodOneOpens(FxRobot robot) throws Exception {
        open(robot, SyntheticImages.writeCorrupt(dir.resolve("broken.png")));
        waitUntil(() -> robot.lookup("#messageDialog").tryQuery().isPresent());
        DialogPane dialog = robot.lookup("#messageDialog").queryAs(DialogPane.class);
        assertEquals("Cannot open broken.png", dialog.getHeaderText());
        assertTrue(dialog.getContentText().contains("broken.png"));
        assertFalse(dialog.getContentText().contains("Exception"));
        robot.clickOn(dialog.lookupButton(ButtonType.OK));
        waitUntil(() -> robot.lookup("#messageDialog").tryQuery().isEmpty());

        open(robot, image("good.png", 0.05, 0));
        waitUntil(() -> text(robot, "#verdict").equals(ResultWording.NOT_SUSPICIOUS));
        assertEquals("DermDesk \u2014 good.png", stage.getTitle());
    }

    @Test
    void togglesOverlays(FxRobot robot) throws Exception {
        open(robot, image("hairy.png", 0.8, 12));
        waitUntil(() -> robot.lookup("#retakeBanner").query().isVisible());
        assertTrue(text(robot, "#retakeBanner").startsWith("Retake the image"));
        assertTrue(robot.lookup("#unreliable").query().isVisible(), "the result stays but is marked unreliable");

        Node hairLayer = view.viewer().layerView(OverlayKind.HAIR);
        Node borderLayer = view.viewer().layerView(OverlayKind.LESION_BORDER);
        assertFalse(hairLayer.isVisible());
        assertTrue(borderLayer.isVisible());
        ToggleButton hair = robot.lookup("#overlay-HAIR").queryAs(ToggleButton.class);
        assertFalse(hair.isDisabled());
        robot.clickOn(hair);
        assertTrue(hairLayer.isVisible());
        robot.clickOn(hair);
        assertFalse(hairLayer.isVisible());
        assertTrue(robot.lookup("#overlay-RULER").queryAs(ToggleButton.class).isDisabled(), "no ruler mask");

        robot.press(KeyCode.ALT, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.ALT);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(borderLayer.isVisible(), "Alt+1 hides the lesion border");
    }

    @Test
    void overlaysStayOnALargeImageShownReducedWhenFittedAndAtTruePixelsAt100Percent(FxRobot robot) throws Exception {
        int w = 2400;
        int h = 1800;
        open(robot, SyntheticImages.writePng(SyntheticImages.lesion(w, h, 0.8, 0, false, 5), dir.resolve("large.png")));
        ImageViewer viewer = view.viewer();
        ImageView image = robot.lookup("#viewerImage").queryAs(ImageView.class);
        ImageView border = viewer.layerView(OverlayKind.LESION_BORDER);
        waitUntil(() -> border.getImage() != null && image.getImage() != null);
        assertTrue(image.getImage().getWidth() < w / 2.0, "fitted, a reduced copy is drawn");
        double fit = Math.min(viewer.getWidth() / w, viewer.getHeight() / h);
        assertEquals(fit, viewer.zoomProperty().get(), 1e-9, "the zoom counts the original's pixels");
        assertEquals(Format.percent(fit), text(robot, "#zoomLabel"));
        assertEquals(w * fit, image.localToScene(image.getLayoutBounds()).getWidth(), 0.5);
        assertSameScreenArea(border, image);

        robot.clickOn("#zoomInButton").clickOn("#zoomInButton");
        double fittedCopy = border.getImage().getWidth();
        waitUntil(() -> border.getImage().getWidth() > fittedCopy && image.getImage().getWidth() > fittedCopy);
        assertSameScreenArea(border, image);

        robot.clickOn("#actualSizeButton");
        waitUntil(() -> border.getImage().getWidth() == w && image.getImage().getWidth() == w);
        assertEquals("100%", text(robot, "#zoomLabel"));
        assertEquals(w, image.localToScene(image.getLayoutBounds()).getWidth(), 1e-6, "one image pixel per screen pixel");
        assertSameScreenArea(border, image);
    }

    /** The border as drawn covers the screen area where the full-size border raster maps onto the image. */
    private void assertSameScreenArea(ImageView layer, ImageView image) {
        ArgbRaster original = view.viewModel().overlays().layerProperty(OverlayKind.LESION_BORDER).get();
        Bounds expected = visibleArea(original.width(), original.height(), original::at, image);
        Image drawn = layer.getImage();
        Bounds shown = visibleArea((int) drawn.getWidth(), (int) drawn.getHeight(), drawn.getPixelReader()::getArgb, layer);
        double tolerance = 1.5; // screen pixels: a copy pixel is at most one screen pixel, plus rounding
        assertEquals(expected.getMinX(), shown.getMinX(), tolerance, "left " + shown + " vs " + expected);
        assertEquals(expected.getMinY(), shown.getMinY(), tolerance, "top");
        assertEquals(expected.getMaxX(), shown.getMaxX(), tolerance, "right");
        assertEquals(expected.getMaxY(), shown.getMaxY(), tolerance, "bottom");
    }

    /** Scene bounds of the non-transparent pixels of a w x h raster drawn over the whole of {@code view}. */
    private static Bounds visibleArea(int w, int h, IntBinaryOperator argbAt, ImageView view) {
        int minX = w;
        int minY = h;
        int maxX = -1;
        int maxY = -1;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (argbAt.applyAsInt(x, y) >>> 24 != 0) {
                    minX = Math.min(minX, x);
                    maxX = Math.max(maxX, x);
                    minY = Math.min(minY, y);
                    maxY = Math.max(maxY, y);
                }
            }
        }
        assertTrue(maxX >= 0, "something drawn");
        double sx = view.getLayoutBounds().getWidth() / w;
        double sy = view.getLayoutBounds().getHeight() / h;
        return view.localToScene(new BoundingBox(minX * sx, minY * sy, (maxX + 1 - minX) * sx, (maxY + 1 - minY) * sy));
    }

    @Test
    void runsAndCancelsAnExplanation(FxRobot robot) throws Exception {
        open(robot, image("lesion.png", 0.8, 0));
        waitUntil(() -> !robot.lookup("#explainButton").queryButton().isDisabled());
        robot.clickOn("#explainButton");
        waitUntil(() -> robot.lookup("#cancelExplain").query().isVisible());
        waitUntil(() -> robot.lookup("#taskProgress").query().isVisible());
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        waitUntil(() -> text(robot, "#status").equals("Explanation cancelled."));
        assertNull(view.viewModel().explanation().explanationProperty().get());
        assertFalse(view.viewer().layerView(OverlayKind.HEATMAP).isVisible());

        robot.interact(() -> view.viewModel().preferences().samplesProperty().set(200));
        robot.press(KeyCode.CONTROL, KeyCode.E).release(KeyCode.E, KeyCode.CONTROL); // the keyboard way
        waitUntil(() -> view.viewModel().explanation().explanationProperty().get() != null);
        assertTrue(view.viewer().layerView(OverlayKind.HEATMAP).isVisible());
        assertTrue(robot.lookup("#faithfulness").query().isVisible());
        assertTrue(text(robot, "#stability").startsWith("Stable"));
        assertEquals(200, view.viewModel().explanation().explanationProperty().get().samples());

        Slider opacity = robot.lookup("#heatmapOpacity").queryAs(Slider.class);
        robot.interact(() -> opacity.setValue(0.25));
        assertEquals(0.25, view.viewer().layerView(OverlayKind.HEATMAP).getOpacity(), 1e-9);
    }

    @Test
    void preferencesAreEditedInADialogAndPersisted(FxRobot robot) throws Exception {
        robot.clickOn("#preferencesButton"); // (not interact(): the dialog waits for the user)
        waitUntil(() -> robot.lookup("#prefAutoExplain").tryQuery().isPresent());
        robot.clickOn("#prefAutoExplain");
        DialogPane pane = (DialogPane) robot.lookup("#prefAutoExplain").query().getScene().getRoot();
        robot.clickOn(pane.lookupButton(ButtonType.OK));
        waitUntil(() -> robot.lookup("#prefAutoExplain").tryQuery().isEmpty());
        assertTrue(view.viewModel().preferences().autoExplainProperty().get());
        assertTrue(node.getBoolean("autoExplain", false));

        open(robot, image("auto.png", 0.8, 0));
        waitUntil(() -> view.viewModel().explanation().explanationProperty().get() != null);
    }

    @Test
    void theHairRemovalPreferenceReclassifiesTheOpenImageVisibly(FxRobot robot) throws Exception {
        waitUntil(() -> view.viewModel().modelReadyProperty().get());
        open(robot, image("hairy.png", 0.6, 12));
        waitUntil(() -> view.viewModel().result().hasResultProperty().get());
        assertFalse(robot.lookup("#hairRemovalText").query().isVisible(), "off by default");

        robot.clickOn("#preferencesButton");
        waitUntil(() -> robot.lookup("#prefRemoveHair").tryQuery().isPresent());
        CheckBox removeHair = robot.lookup("#prefRemoveHair").queryAs(CheckBox.class);
        assertFalse(removeHair.isSelected());
        assertTrue(text(robot, "#prefRemoveHairHint").contains("slightly worse (test AUC 0.876 \u2192 0.873)"));
        robot.clickOn(removeHair);
        DialogPane pane = (DialogPane) removeHair.getScene().getRoot();
        robot.clickOn(pane.lookupButton(ButtonType.OK));
        waitUntil(() -> robot.lookup("#hairRemovalText").query().isVisible());
        assertEquals(ResultViewModel.HAIR_REMOVED, text(robot, "#hairRemovalText"));
        assertTrue(node.getBoolean("removeHair", false));
    }

    @Test
    void changingTheThresholdRejudgesVisibly(FxRobot robot) throws Exception {
        open(robot, image("lesion.png", 0.8, 0));
        waitUntil(() -> text(robot, "#verdict").equals(ResultWording.SUSPICIOUS));
        Slider slider = robot.lookup("#thresholdSlider").queryAs(Slider.class);
        double p = view.viewModel().result().probabilityProperty().get();
        robot.interact(() -> slider.setValue(Math.min(0.99, p + 0.1)));
        waitUntil(() -> text(robot, "#verdict").equals(ResultWording.NOT_SUSPICIOUS));
        assertTrue(text(robot, "#thresholdText").contains("your setting"));

        // the keyboard moves the threshold in steps of 0.01
        robot.interact(() -> slider.setValue(Math.round((p + 0.03) * 100) / 100.0));
        robot.interact(slider::requestFocus);
        for (int i = 0; i < 10 && view.viewModel().result().thresholdProperty().get() > p; i++) {
            robot.press(KeyCode.LEFT).release(KeyCode.LEFT);
            WaitForAsyncUtils.waitForFxEvents();
        }
        waitUntil(() -> text(robot, "#verdict").equals(ResultWording.SUSPICIOUS));

        robot.clickOn(robot.lookup("#resetThreshold").queryAs(Button.class));
        waitUntil(() -> text(robot, "#thresholdText").contains("the model's"));
        assertEquals(FakeClassifier.THRESHOLD, slider.getValue(), 1e-9);
    }

    @Test
    void resultRowsAreBuiltAndStyledBeforeTheFirstImageAndReused(FxRobot robot) throws Exception {
        GridPane differential = robot.lookup("#differential").queryAs(GridPane.class);
        GridPane quality = robot.lookup("#qualityGrid").queryAs(GridPane.class);
        List<Node> differentialCells = List.copyOf(differential.getChildren());
        List<Node> qualityCells = List.copyOf(quality.getChildren());
        assertEquals(3 * Diagnosis.values().length, differentialCells.size(), "one row per diagnosis, before any result");
        assertEquals(4 * (1 + ArtifactKind.values().length), qualityCells.size(), "header and one row per artifact kind");
        assertTrue(differentialCells.stream().filter(Control.class::isInstance).allMatch(n -> ((Control) n).getSkin() != null),
                "skinned at start-up, not when the first result arrives");
        assertTrue(differentialCells.stream().noneMatch(Node::isVisible), "nothing shown before a result");

        open(robot, image("hairy.png", 0.8, 12));
        waitUntil(() -> text(robot, "#verdict").equals(ResultWording.SUSPICIOUS));
        open(robot, image("clean.png", 0.05, 0));
        waitUntil(() -> text(robot, "#verdict").equals(ResultWording.NOT_SUSPICIOUS));

        assertEquals(differentialCells, differential.getChildren(), "the same nodes, updated in place");
        assertEquals(qualityCells, quality.getChildren());
        List<String> shownDiagnoses = differential.getChildren().stream()
                .filter(n -> GridPane.getColumnIndex(n) == 0 && n.isVisible()).map(n -> ((Label) n).getText()).toList();
        assertEquals(view.viewModel().result().differential().stream().map(ResultViewModel.DiagnosisRow::label).toList(), shownDiagnoses);
        List<String> shownArtifacts = quality.getChildren().stream()
                .filter(n -> GridPane.getColumnIndex(n) == 0 && GridPane.getRowIndex(n) > 0 && n.isVisible())
                .map(n -> ((Label) n).getText()).toList();
        assertEquals(view.viewModel().quality().rows().stream().map(QualityViewModel.Row::label).toList(), shownArtifacts);
    }

    @Test
    void theWarmUpNeverShowsItsMadeUpCase(FxRobot robot) throws Exception {
        waitUntil(() -> view.warmUp().done());
        assertEquals("DermDesk", stage.getTitle());
        assertFalse(view.viewModel().result().hasResultProperty().get());
        assertTrue(text(robot, "#verdict").startsWith("No image analysed yet"));
        assertFalse(robot.lookup("#retakeBanner").query().isVisible());
        assertEquals("", text(robot, "#faithfulness"), "no explanation text");
        assertNull(view.viewer().image());
        assertTrue(view.viewModel().preferences().recentFiles().isEmpty());
    }
}

package org.dermdesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import org.dermdesk.core.Scale;
import org.dermdesk.core.ScaleSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The device calibration dialog driven in the real window (headless Monocle). */
@ExtendWith(ApplicationExtension.class)
@Timeout(120)
class CalibrationDialogTest {

    @TempDir
    Path dir;
    private Preferences node;
    private FakeServices services;
    private WorkstationPreferences prefs;
    private WorkstationView view;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        node = Preferences.userRoot().node("org/dermdesk/test/" + UUID.randomUUID());
        services = new FakeServices();
        services.ruler = img -> new Scale(12.5, ScaleSource.RULER, 0.9, 1, Double.NaN);
        ((FakeGate) services.gate).scale = Scale.unknown(); // the picture's own ruler is not read by the fake gate
        prefs = new WorkstationPreferences(node);
        view = Workstation.show(stage, services, prefs, new FxTaskRunner());
    }

    @AfterEach
    void tearDown() throws Exception {
        node.removeNode();
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    private void openImage(FxRobot robot) throws Exception {
        Path file = SyntheticImages.writePng(SyntheticImages.lesion(300, 225, 0.8, 0, false, 5), dir.resolve("ruler.png"));
        robot.interact(() -> view.open(file));
        waitUntil(() -> view.viewModel().measurement().measurementsProperty().get() != null);
        assertTrue(text(robot, "#measurementText").startsWith("Scale unknown") || !view.viewModel().measurement()
                .measurementsProperty().get().scale().known(), "no scale before calibrating");
    }

    @Test
    void savesTheScaleProposedFromTheRulerAndTheMeasurementOnScreenUsesIt(FxRobot robot) throws Exception {
        openImage(robot);
        robot.interact(view::showCalibration);
        waitUntil(() -> text(robot, "#calibrationExplanation").startsWith("Proposed from the ruler's ticks: 12.50 pixels per mm"));
        assertEquals("Images of 300 \u00d7 225 pixels: not calibrated yet.", text(robot, "#calibrationCurrent"));
        waitUntil(() -> robot.lookup("#calibrationImage").queryAs(ImageView.class).getImage() != null);
        robot.interact(() -> WindowSnapshots.write(robot.lookup("#calibrationDialog").query(),
                Path.of("target", "window-look", "calibration.png")));
        robot.clickOn(robot.lookup("#calibrationSave").queryAs(Button.class));
        waitUntil(() -> robot.lookup("#calibrationDialog").tryQuery().isEmpty());
        assertEquals(12.5, prefs.deviceScales().forImage(300, 225).pxPerMm());
        assertEquals(12.5, node.getDouble("deviceScale.300x225", Double.NaN), "under the versioned node");
        waitUntil(() -> text(robot, "#measurementText").startsWith(
                "Scale: 12.5 pixels per mm from the device calibration."));
        assertTrue(robot.lookup("#measurementOverlay").queryAs(MeasurementOverlay.class).lookup("#scaleBar") != null,
                "the scale bar appears at once");
    }

    @Test
    void twoClickedPointsAKnownDistanceApartGiveTheScale(FxRobot robot) throws Exception {
        services.ruler = img -> Scale.unknown();
        openImage(robot);
        robot.interact(view::showCalibration);
        waitUntil(() -> robot.lookup("#calibrationImage").queryAs(ImageView.class).getImage() != null);
        assertEquals("No ruler ticks were found: click two points a known distance apart.", text(robot, "#calibrationExplanation"));
        assertTrue(robot.lookup("#calibrationSave").queryAs(Button.class).isDisabled());
        ImageView image = robot.lookup("#calibrationImage").queryAs(ImageView.class);
        Bounds b = image.getBoundsInLocal();
        double k = b.getWidth() / 300; // view pixels per image pixel
        clickAt(robot, image, 50 * k, 100 * k);
        clickAt(robot, image, 250 * k, 100 * k);
        assertTrue(robot.lookup("#calibrationSegment").tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#calibrationKnownMm").<Spinner<Double>>query().getValueFactory().setValue(8.0));
        WaitForAsyncUtils.waitForFxEvents();
        // 200 image pixels over 8 mm, within a pixel of where the robot clicked
        double pxPerMm = Double.parseDouble(text(robot, "#calibrationExplanation").replaceAll(".*: ([0-9.]+) pixels per mm.*", "$1"));
        assertEquals(25, pxPerMm, 1.5 / 8 / k + 0.01);
        assertFalse(robot.lookup("#calibrationSave").queryAs(Button.class).isDisabled());
        robot.clickOn(robot.lookup("#calibrationSave").queryAs(Button.class));
        waitUntil(() -> robot.lookup("#calibrationDialog").tryQuery().isEmpty());
        assertEquals(pxPerMm, prefs.deviceScales().forImage(300, 225).pxPerMm(), 0.006);
    }

    private static void clickAt(FxRobot robot, Node node, double x, double y) {
        Point2D screen = node.localToScreen(x, y);
        robot.clickOn(screen);
        WaitForAsyncUtils.waitForFxEvents();
    }
}

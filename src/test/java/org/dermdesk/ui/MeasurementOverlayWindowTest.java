package org.dermdesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.shape.Line;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.dermdesk.core.LesionMeasurements;
import org.dermdesk.core.Scale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The scale bar and the measured diameter drawn on the image, and their toggle (headless Monocle). */
@ExtendWith(ApplicationExtension.class)
@Timeout(120)
class MeasurementOverlayWindowTest {

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
        prefs = new WorkstationPreferences(node);
        view = Workstation.show(stage, services, prefs, new FxTaskRunner());
    }

    @AfterEach
    void tearDown() throws Exception {
        node.removeNode();
    }

    private Path image(String name) throws Exception {
        return SyntheticImages.writePng(SyntheticImages.lesion(300, 225, 0.8, 0, false, 5), dir.resolve(name));
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void openAndWait(FxRobot robot, Path file) throws Exception {
        robot.interact(() -> view.open(file));
        waitUntil(() -> view.viewModel().measurement().measurementsProperty().get() != null && view.viewer().image() != null);
    }

    private static Node overlayNode(FxRobot robot, String id) {
        return robot.lookup("#measurementOverlay").queryAs(MeasurementOverlay.class).lookup("#" + id);
    }

    @Test
    void drawsTheScaleBarAndTheDiameterInMillimetresAndTogglesThem(FxRobot robot) throws Exception {
        openAndWait(robot, image("lesion.png"));
        MeasurementOverlay overlay = robot.lookup("#measurementOverlay").queryAs(MeasurementOverlay.class);
        assertTrue(overlay.isVisible(), "shown by default once measured");
        LesionMeasurements m = view.viewModel().measurement().measurementsProperty().get();
        Text diameter = (Text) overlayNode(robot, "diameterLabel");
        assertEquals(String.format(Locale.ROOT, "%.1f mm", m.diameterMm()), diameter.getText());
        double zoom = view.viewer().zoomProperty().get();
        Line line = (Line) overlayNode(robot, "diameterLine");
        double[] e = m.diameterEnds();
        double endsPx = Math.hypot(e[2] - e[0], e[3] - e[1]);
        assertEquals(endsPx * zoom, Math.hypot(line.getEndX() - line.getStartX(), line.getEndY() - line.getStartY()), 0.5,
                "the Feret segment, drawn at the image's zoom");
        Line bar = (Line) overlayNode(robot, "scaleBar");
        Text barLabel = (Text) overlayNode(robot, "scaleBarLabel");
        double mm = Double.parseDouble(barLabel.getText().replace(" mm", ""));
        assertEquals(mm * m.scale().pxPerMm() * zoom, bar.getEndX() - bar.getStartX(), 1e-6, "the bar is as long as it says");
        snapshot(robot, "scale-overlay.png");

        ToggleButton toggle = robot.lookup("#overlay-MEASUREMENT").queryAs(ToggleButton.class);
        assertFalse(toggle.isDisabled());
        assertEquals(OverlayKind.MEASUREMENT.label(), toggle.getText());
        robot.clickOn(toggle);
        assertFalse(overlay.isVisible());
        robot.press(KeyCode.ALT, KeyCode.DIGIT7).release(KeyCode.DIGIT7, KeyCode.ALT);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(overlay.isVisible(), "Alt+7 shows it again");

        robot.clickOn("#zoomInButton");
        WaitForAsyncUtils.waitForFxEvents();
        Line zoomed = (Line) overlayNode(robot, "diameterLine");
        assertEquals(endsPx * view.viewer().zoomProperty().get(),
                Math.hypot(zoomed.getEndX() - zoomed.getStartX(), zoomed.getEndY() - zoomed.getStartY()), 0.5, "follows the zoom");
    }

    @Test
    void withoutAScaleTheDiameterIsInPixelsAndNoBarIsDrawn(FxRobot robot) throws Exception {
        ((FakeGate) services.gate).scale = Scale.unknown();
        openAndWait(robot, image("unscaled.png"));
        LesionMeasurements m = view.viewModel().measurement().measurementsProperty().get();
        assertEquals(String.format(Locale.ROOT, "%.0f px (scale unknown)", m.diameterPx()),
                ((Text) overlayNode(robot, "diameterLabel")).getText());
        assertEquals(null, overlayNode(robot, "scaleBar"), "never a guessed millimetre");
    }

    @Test
    void theDeviceProfileForThisResolutionGivesTheScaleWhereTheImageHasNoRuler(FxRobot robot) throws Exception {
        ((FakeGate) services.gate).scale = Scale.unknown();
        robot.interact(() -> prefs.deviceScales().set(300, 225, 10));
        openAndWait(robot, image("device.png"));
        String text = robot.lookup("#measurementText").queryAs(Label.class).getText();
        assertTrue(text.startsWith("Scale: 10.0 pixels per mm from the device calibration."), text);
        assertTrue(overlayNode(robot, "scaleBar") != null);
    }

    private void snapshot(FxRobot robot, String name) {
        robot.interact(() -> WindowSnapshots.write(stage.getScene().getRoot(), Path.of("target", "window-look", name)));
    }
}

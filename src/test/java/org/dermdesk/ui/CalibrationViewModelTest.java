package org.dermdesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.UUID;
import java.util.prefs.Preferences;
import org.dermdesk.core.ImageLoadException;
import org.dermdesk.core.LesionImage;
import org.dermdesk.core.Scale;
import org.dermdesk.core.ScaleSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The guided calibration without a display: the ruler's proposal, two clicked points, saving per resolution. */
class CalibrationViewModelTest {

    private static final Scale RULER = new Scale(23.5, ScaleSource.RULER, 0.9, 1, Double.NaN);
    private Preferences node;
    private DeviceScaleProfiles profiles;
    private CalibrationViewModel vm;

    @BeforeEach
    void setUp() {
        node = Preferences.userRoot().node("org/dermdesk/test/" + UUID.randomUUID());
        profiles = new WorkstationPreferences(node).deviceScales();
        vm = new CalibrationViewModel(profiles);
    }

    @AfterEach
    void tearDown() throws Exception {
        node.removeNode();
    }

    private static LesionImage image(int w, int h) {
        return new LesionImage("ruler.png", w, h, new byte[w * h * 3]);
    }

    @Test
    void proposesTheRulersScaleAndSavesItForThisResolution() {
        assertFalse(vm.canSaveBinding().get(), "nothing to save before an image");
        vm.setImage(image(640, 480), RULER);
        assertEquals(23.5, vm.pxPerMmProperty().get());
        assertTrue(vm.explanationProperty().get().startsWith("Proposed from the ruler's ticks: 23.50 pixels per mm (1 mm ticks, 90% sure)."));
        assertEquals("Images of 640 \u00d7 480 pixels: not calibrated yet.", vm.currentProperty().get());
        assertEquals(Scale.deviceProfile(23.5), vm.save());
        assertEquals(23.5, profiles.forImage(640, 480).pxPerMm());
        assertFalse(profiles.forImage(1280, 960).known(), "only this resolution");
        assertEquals("Images of 640 \u00d7 480 pixels: calibrated at 23.50 pixels per mm.", vm.currentProperty().get());
    }

    @Test
    void twoClickedPointsAKnownDistanceApartDecide() {
        vm.setImage(image(640, 480), RULER);
        vm.click(100, 100);
        assertEquals(23.5, vm.pxPerMmProperty().get(), "one point: the proposal still stands");
        vm.click(400, 500);
        assertEquals(50, vm.pxPerMmProperty().get(), 1e-9, "500 pixels over the default 10 mm");
        vm.knownMmProperty().set(20);
        assertEquals(25, vm.pxPerMmProperty().get(), 1e-9);
        assertEquals("The two points are 500 pixels apart over 20.0 mm: 25.00 pixels per mm.", vm.explanationProperty().get());
        vm.click(0, 0);
        assertEquals(1, vm.points().size(), "a third click starts a new pair");
        vm.clearPoints();
        assertEquals(23.5, vm.pxPerMmProperty().get());
    }

    @Test
    void withoutARulerOnlyTwoPointsGiveAScaleAndForgetRemovesIt() {
        vm.setImage(image(640, 480), Scale.unknown());
        assertFalse(vm.canSaveBinding().get());
        assertEquals("No ruler ticks were found: click two points a known distance apart.", vm.explanationProperty().get());
        vm.click(10, 10);
        vm.click(10, 10);
        assertFalse(vm.canSaveBinding().get(), "the same point twice is no distance");
        vm.click(10, 10);
        vm.click(130, 10);
        assertEquals(12, vm.pxPerMmProperty().get(), 1e-9);
        assertEquals("The two points are 120 pixels apart over 10.0 mm: 12.00 pixels per mm. Check the distance: at this"
                + " scale the picture would be 53 mm across, and a dermatoscope shows 5 to 50 mm.", vm.explanationProperty().get());
        vm.knownMmProperty().set(5);
        assertEquals("The two points are 120 pixels apart over 5.0 mm: 24.00 pixels per mm.", vm.explanationProperty().get());
        vm.save();
        vm.forget();
        assertFalse(profiles.forImage(640, 480).known());
    }

    @Test
    void readsARulerPictureOffTheUiThreadAndNamesAFileItCannotRead() {
        ManualTaskRunner runner = new ManualTaskRunner();
        vm.open(Path.of("ruler.jpg"), runner, f -> image(800, 600), img -> RULER);
        assertEquals(1, runner.queued());
        runner.runAll();
        assertEquals(800, vm.imageProperty().get().width());
        assertEquals(23.5, vm.pxPerMmProperty().get());
        vm.open(Path.of("broken.jpg"), runner, f -> {
            throw new ImageLoadException(f, "the JPEG file is truncated");
        }, img -> RULER);
        runner.runAll();
        assertEquals("Cannot open broken.jpg: the JPEG file is truncated", vm.problemProperty().get());
        assertEquals(800, vm.imageProperty().get().width(), "the picture shown stays");
    }
}

package org.dermdesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Slider;
import javafx.stage.Stage;
import org.dermdesk.core.Appearance;
import org.dermdesk.core.Checksums;
import org.dermdesk.core.ComparisonExporter;
import org.dermdesk.core.EarlierCase;
import org.dermdesk.core.EarlierCases;
import org.dermdesk.core.LesionImage;
import org.dermdesk.core.LesionRegistrar;
import org.dermdesk.core.Registration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The comparison window (headless Monocle) with test doubles: an identity registration whose check can fail. */
@ExtendWith(ApplicationExtension.class)
@Timeout(120)
class ComparisonWindowTest {

    @TempDir
    Path dir;
    private Preferences node;
    private WorkstationView view;
    private volatile boolean aligns = true;
    private List<EarlierCase> logged = List.of();
    private Path exported;
    private FakeServices services;

    @Start
    void start(Stage stage) {
        node = Preferences.userRoot().node("org/dermdesk/test/" + UUID.randomUUID());
        services = new FakeServices() {
            @Override
            public Optional<LesionRegistrar> lesionRegistrar() {
                return Optional.of((before, beforeMask, after, afterMask) -> new Registration("identity (test)", aligns,
                        aligns ? 0.01 : 0.7, aligns ? 0.01 : 0.7, 1, 0, 0, 0, false, aligns ? 1 : 0.1, aligns ? 1 : 0, after, afterMask, null));
            }

            @Override
            public Optional<EarlierCases> earlierCases() {
                return Optional.of((patient, lesion) -> "P1".equals(patient) && "L1".equals(lesion) ? logged : List.of());
            }

            @Override
            public Optional<ComparisonExporter> comparisonExporter() {
                return Optional.of((c, target) -> {
                    Files.writeString(target, c.verdict());
                    exported = target;
                });
            }
        };
        view = Workstation.show(stage, services, new WorkstationPreferences(node), new FxTaskRunner());
    }

    @AfterEach
    void tearDown() throws Exception {
        node.removeNode();
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The same drawn lesion each time, its noise (and so its bytes) differing by name. */
    private Path image(String name) throws Exception {
        return SyntheticImages.writePng(SyntheticImages.lesion(300, 225, 0.6, 0, false, name.hashCode()), dir.resolve(name));
    }

    private ComparisonView openToday(FxRobot robot) throws Exception {
        Path today = image("today.png");
        robot.interact(() -> view.open(today));
        waitUntil(() -> view.viewModel().result().hasResultProperty().get());
        robot.interact(() -> {
            view.viewModel().caseDetails().patientIdProperty().set("P1");
            view.viewModel().caseDetails().lesionIdProperty().set("L1");
        });
        ComparisonView[] shown = new ComparisonView[1];
        robot.interact(() -> shown[0] = view.showComparison());
        return shown[0];
    }

    private static String text(ComparisonView cv, String id) {
        Label l = (Label) cv.stage().getScene().lookup("#" + id);
        return l == null || !l.isVisible() ? "" : l.getText();
    }

    @Test
    void comparesWithASavedCaseAndBlendsBlinksAndSaves(FxRobot robot) throws Exception {
        Path earlier = image("earlier.png");
        logged = List.of(new EarlierCase(Instant.parse("2025-06-01T10:00:00Z"), "earlier.png", earlier,
                Checksums.sha256(earlier), 0.21));
        ComparisonView cv = openToday(robot);
        @SuppressWarnings("unchecked")
        ListView<EarlierCase> list = (ListView<EarlierCase>) cv.stage().getScene().lookup("#earlierCases");
        waitUntil(() -> list.getItems().size() == 1);
        assertTrue(ComparisonView.describe(list.getItems().get(0)).contains("p 21%"), ComparisonView.describe(list.getItems().get(0)));
        robot.interact(() -> list.getSelectionModel().select(0));
        robot.clickOn("#compareSelected");
        waitUntil(() -> !text(cv, "comparisonVerdict").isEmpty());
        assertEquals("No change beyond what re-taking the same lesion produces.", text(cv, "comparisonVerdict"));
        assertTrue(text(cv, "comparisonRegistration").startsWith("Registered by identity (test): check passed"));
        assertTrue(cv.stage().getScene().lookup("#changeTable") != null, "the change table is shown");
        assertTrue(robot.lookup("Largest diameter").tryQuery().isPresent());

        Slider blend = (Slider) cv.stage().getScene().lookup("#blendSlider");
        robot.interact(() -> blend.setValue(0));
        LesionImage onlyEarlier = cv.overlayShown();
        robot.interact(() -> blend.setValue(1));
        assertNotEquals(onlyEarlier, cv.overlayShown());
        robot.clickOn("#blinkToggle");
        String first = text(cv, "blinkShows");
        waitUntil(() -> !text(cv, "blinkShows").equals(first));
        assertFalse(blend.isDisabled() && !view.viewModel().comparison().blinkingProperty().get());
        robot.clickOn("#blinkToggle");

        Path pdf = dir.resolve("comparison.pdf");
        robot.interact(() -> view.viewModel().comparison().savePdf(pdf));
        waitUntil(() -> exported != null);
        assertEquals("No change beyond what re-taking the same lesion produces.", Files.readString(pdf));
        snapshot(cv);
    }

    @Test
    void saysWhyItCannotCompare(FxRobot robot) throws Exception {
        Path earlier = image("earlier.png");
        logged = List.of(new EarlierCase(Instant.parse("2025-06-01T10:00:00Z"), "earlier.png", earlier, "0".repeat(64), 0.2));
        ComparisonView cv = openToday(robot);
        robot.interact(() -> view.viewModel().comparison().compareWith(logged.get(0)));
        waitUntil(() -> !text(cv, "comparisonProblem").isEmpty());
        assertEquals("cannot compare: earlier.png: the file has changed since the case was saved (its checksum differs)",
                text(cv, "comparisonProblem"));
        robot.interact(() -> cv.compareWith(dir.resolve("gone.png")));
        assertEquals("cannot compare: gone.png: file not found (moved or deleted?)", text(cv, "comparisonProblem"));
        Path broken = SyntheticImages.writeCorrupt(dir.resolve("broken.png"));
        robot.interact(() -> cv.compareWith(broken));
        waitUntil(() -> text(cv, "comparisonProblem").contains("broken.png"));
        assertTrue(text(cv, "comparisonProblem").startsWith("cannot compare: broken.png: "), text(cv, "comparisonProblem"));
        assertFalse(text(cv, "comparisonProblem").contains("Exception"));
    }

    @Test
    void warnsOfDifferentLesionsInsteadOfAChangeReport(FxRobot robot) throws Exception {
        aligns = false;
        ComparisonView cv = openToday(robot);
        Path other = image("other.png");
        robot.interact(() -> cv.compareWith(other));
        waitUntil(() -> !text(cv, "comparisonVerdict").isEmpty());
        assertEquals("These look like two different lesions: no change report.", text(cv, "comparisonVerdict"));
        assertTrue(cv.stage().getScene().lookup("#changeTable") == null, "no change table for two different lesions");
    }

    @Test
    void saysMayBeTheSameLesionWhenTheNetworkRecognisesImagesThatCannotBeAligned(FxRobot robot) throws Exception {
        aligns = false;
        services.classifier.appearance = Appearance.of(new float[] {0}, new Appearance.IdentitySpace(new float[] {1}, 12));
        ComparisonView cv = openToday(robot);
        Path other = image("other.png");
        robot.interact(() -> cv.compareWith(other));
        waitUntil(() -> !text(cv, "comparisonVerdict").isEmpty());
        assertTrue(text(cv, "comparisonVerdict").startsWith("These may be the same lesion, but the images could not be aligned"),
                text(cv, "comparisonVerdict"));
        assertTrue(cv.stage().getScene().lookup("#changeTable") == null, "no change table without an alignment");
    }

    private static void snapshot(ComparisonView cv) throws Exception {
        Path file = Path.of("target", "window-look", "comparison.png");
        Files.createDirectories(file.getParent());
        WaitForAsyncUtils.asyncFx(() -> {
            javafx.scene.image.WritableImage img = cv.stage().getScene().getRoot().snapshot(null, null);
            java.awt.image.BufferedImage out = javafx.embed.swing.SwingFXUtils.fromFXImage(img, null);
            try {
                javax.imageio.ImageIO.write(out, "png", file.toFile());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).get();
    }
}

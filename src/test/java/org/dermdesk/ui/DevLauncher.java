package org.dermdesk.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * Runs the window with test doubles and a synthetic lesion, for looking at it by eye:
 * {@code java -cp ... org.dermdesk.ui.DevLauncher [hairy|benign|explain]}. Not product code.
 */
public final class DevLauncher {

    private DevLauncher() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "explain";
        Path dir = Files.createTempDirectory("dermdesk-dev");
        boolean hairy = mode.contains("hairy");
        double darkness = mode.contains("benign") ? 0.1 : 0.75;
        Path image = SyntheticImages.writePng(SyntheticImages.lesion(600, 450, darkness, hairy ? 14 : 2, hairy, 7),
                dir.resolve("synthetic-lesion.png"));
        FakeServices services = new FakeServices();
        services.modelLoadMillis = 300;
        services.explainer = new FakeExplainer(10, 100, mode.contains("shortcut") ? 0.45 : 0.08);
        WorkstationPreferences prefs = new WorkstationPreferences(Preferences.userRoot().node("org/dermdesk/dev-launcher"));
        prefs.autoExplainProperty().set(mode.contains("explain"));
        Platform.startup(() -> {
            WorkstationView view = Workstation.show(new Stage(), services, prefs, new FxTaskRunner());
            if (!mode.contains("empty")) {
                view.open(image);
            }
            if (mode.contains("scroll")) {
                javafx.animation.PauseTransition later = new javafx.animation.PauseTransition(javafx.util.Duration.seconds(6));
                later.setOnFinished(e -> ((javafx.scene.control.ScrollPane) view.viewer().getScene().lookup("#sideScroll")).setVvalue(1));
                later.play();
            }
            if (mode.contains("prefs")) {
                javafx.animation.PauseTransition later = new javafx.animation.PauseTransition(javafx.util.Duration.seconds(4));
                later.setOnFinished(e -> Platform.runLater(() -> ((javafx.scene.control.Button) view.viewer().getScene().lookup("#preferencesButton")).fire()));
                later.play();
            }
            if (mode.contains("error")) {
                view.open(dir.resolve("missing-file.jpg"));
            }
        });
    }
}

package org.dermdesk.ui;

import java.nio.file.Path;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.slf4j.LoggerFactory;

/**
 * Entry points of the desktop window. The app's plain {@code main} calls {@link #launch}; this
 * starts the JavaFX toolkit without an {@code Application} subclass, so it runs from the class path.
 * Tests call {@link #show} on a stage they own.
 */
public final class Workstation {

    private Workstation() {
    }

    /**
     * Starts JavaFX and opens the main window; returns at once (the FX thread keeps the JVM alive
     * until the window closes). Call it before anything loads GTK2-linked OpenCV modules.
     */
    public static void launch(WorkstationServices services) {
        launch(services, null);
    }

    /** As {@link #launch(WorkstationServices)}, then opens {@code image} (null for none) as if the user had. */
    public static void launch(WorkstationServices services, Path image) {
        Platform.setImplicitExit(true);
        Platform.startup(() -> {
            WorkstationView view = show(new Stage(), services, WorkstationPreferences.user(), new FxTaskRunner());
            if (image != null) {
                view.open(image);
            }
            // a bug in an event handler must not leave the user with a silently dead control
            Thread.currentThread().setUncaughtExceptionHandler((thread, error) -> {
                LoggerFactory.getLogger(Workstation.class).error("Unexpected error on the UI thread", error);
                view.showMessage(new UserMessage(UserMessage.Level.ERROR, "Something went wrong",
                        "DermDesk hit an internal error (" + UserMessage.describe(error) + "). "
                                + "Your case is still open; if this keeps happening, restart DermDesk and report it."));
            });
        });
    }

    /** Builds the window on {@code stage}, shows it and starts loading the model. FX thread only. */
    public static WorkstationView show(Stage stage, WorkstationServices services, WorkstationPreferences prefs, TaskRunner runner) {
        WorkstationViewModel vm = new WorkstationViewModel(services, runner, prefs);
        WorkstationView view = new WorkstationView(stage, vm, services);
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        double w = Math.min(1800, screen.getWidth());
        double h = Math.min(1060, screen.getHeight());
        Scene scene = view.createScene(w, h);
        stage.setScene(scene);
        stage.titleProperty().bind(vm.titleProperty());
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        stage.setX(screen.getMinX() + (screen.getWidth() - w) / 2);
        stage.setY(screen.getMinY() + (screen.getHeight() - h) / 2);
        stage.setOnHidden(e -> vm.close());
        stage.show();
        vm.start();
        view.warmUp().start();
        return view;
    }
}

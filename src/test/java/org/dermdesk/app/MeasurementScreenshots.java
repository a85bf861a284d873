package org.dermdesk.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.dermdesk.ml.ModelLocator;
import org.dermdesk.testsupport.SyntheticRulers;
import org.dermdesk.ui.FxTaskRunner;
import org.dermdesk.ui.Workstation;
import org.dermdesk.ui.WorkstationPreferences;
import org.dermdesk.ui.WorkstationView;

/**
 * Screenshots of the real window (product services, a throwaway preference node) with the measurement
 * overlay, for a person to look at: a drawn lesion of known size beside a drawn ruler, and the same
 * lesion without a ruler at a device calibration; then any image files given after the folder (a clinical
 * photograph, an unfamiliar image). Run under Monocle (see the pom's test flags):
 * {@code java -cp ... org.dermdesk.app.MeasurementScreenshots OUT_DIR [IMAGE ...]}.
 */
public final class MeasurementScreenshots {

    private MeasurementScreenshots() {
    }

    public static void main(String[] args) throws Exception {
        RuntimeSettings.apply();
        Path out = Path.of(args[0]);
        Files.createDirectories(out);
        // 1024x768, 24 px/mm (a 43 mm field): an ellipse of 9 x 6 mm beside a millimetre ruler
        Path ruler = SyntheticRulers.writePng(out.resolve("lesion-9x6mm-ruler.png"), 24, 9, 6);
        Preferences node = Preferences.userRoot().node("org/dermdesk/test/" + UUID.randomUUID());
        WorkstationPreferences prefs = new WorkstationPreferences(node);
        DesktopServices services = new DesktopServices(ModelLocator.defaultModelDir(), out.resolve("case-log.csv"), null);
        AtomicReference<WorkstationView> view = new AtomicReference<>();
        AtomicReference<Stage> stage = new AtomicReference<>();
        CountDownLatch shown = new CountDownLatch(1);
        Platform.startup(() -> {
            stage.set(new Stage());
            view.set(Workstation.show(stage.get(), services, prefs, new FxTaskRunner()));
            shown.countDown();
        });
        shown.await();
        try {
            shoot(view.get(), stage.get(), ruler, out.resolve("window-ruler-scale.png"), 1);
            onFx(() -> prefs.deviceScales().set(1024, 768, 24));
            Path noRuler = SyntheticRulers.writePng(out.resolve("lesion-9x6mm-no-ruler.png"), 24, 9, 6, false);
            shoot(view.get(), stage.get(), noRuler, out.resolve("window-device-scale.png"), 1);
            onFx(() -> prefs.deviceScales().remove(1024, 768));
            Path unscaled = SyntheticRulers.writePng(out.resolve("lesion-9x6mm-uncalibrated.png"), 24, 9, 6, false);
            shoot(view.get(), stage.get(), unscaled, out.resolve("window-scale-unknown.png"), 1);
            for (int i = 1; i < args.length; i++) {
                Path image = Path.of(args[i]);
                shoot(view.get(), stage.get(), image, out.resolve("window-" + image.getFileName() + ".png"), 0);
            }
        } finally {
            node.removeNode();
            Platform.exit();
        }
        System.exit(0);
    }

    /** Shoots the window with {@code image} open, the side panel scrolled to {@code sideScroll} (0 top: the result, 1 bottom: the measurement). */
    private static void shoot(WorkstationView view, Stage stage, Path image, Path png, double sideScroll) throws Exception {
        CountDownLatch opened = new CountDownLatch(1);
        Platform.runLater(() -> {
            view.open(image);
            opened.countDown();
        });
        opened.await();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            AtomicReference<Boolean> ready = new AtomicReference<>(false);
            CountDownLatch asked = new CountDownLatch(1);
            Platform.runLater(() -> {
                ready.set(stage.getTitle().endsWith(image.getFileName().toString())
                        && text(stage, "#modelStatus").endsWith("ready") && text(stage, "#measurementText").contains("Scale"));
                asked.countDown();
            });
            asked.await();
            if (ready.get()) {
                break;
            }
            Thread.sleep(200);
        }
        Thread.sleep(1500); // the display copies are converted off the FX thread
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            ((javafx.scene.control.ScrollPane) stage.getScene().lookup("#sideScroll")).setVvalue(sideScroll);
            stage.getScene().getRoot().layout();
            write(stage.getScene().getRoot().snapshot(null, null), png);
            done.countDown();
        });
        done.await();
        System.out.println("wrote " + png);
    }

    private static void onFx(Runnable r) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            r.run();
            done.countDown();
        });
        done.await();
    }

    private static String text(Stage stage, String id) {
        javafx.scene.Node n = stage.getScene().lookup(id);
        return n instanceof javafx.scene.control.Label l && l.getText() != null ? l.getText() : "";
    }

    private static void write(javafx.scene.image.WritableImage img, Path file) {
        try {
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
}

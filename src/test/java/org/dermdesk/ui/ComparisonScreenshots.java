package org.dermdesk.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.dermdesk.app.TestDesktopServices;
import org.dermdesk.core.EarlierCase;
import org.dermdesk.ml.ModelLocator;

/**
 * A screenshot of the real comparison window (product services, shipped model) for a person to look at:
 * the earlier image saved to a case log under a patient and lesion, today's image compared with it.
 * {@code java -cp ... org.dermdesk.ui.ComparisonScreenshots EARLIER TODAY OUT_DIR} under Monocle or Xvfb.
 */
public final class ComparisonScreenshots {

    private ComparisonScreenshots() {
    }

    public static void main(String[] args) throws Exception {
        Path earlier = Path.of(args[0]);
        Path today = Path.of(args[1]);
        Path out = Files.createDirectories(Path.of(args[2]));
        WorkstationServices services = TestDesktopServices.of(ModelLocator.defaultModelDir(), out.resolve("case-log.csv"));
        Preferences node = Preferences.userRoot().node("org/dermdesk/test/" + UUID.randomUUID());
        AtomicReference<WorkstationView> view = new AtomicReference<>();
        CountDownLatch shown = new CountDownLatch(1);
        Platform.startup(() -> {
            view.set(Workstation.show(new Stage(), services, new WorkstationPreferences(node), new FxTaskRunner()));
            shown.countDown();
        });
        shown.await();
        try {
            WorkstationViewModel vm = view.get().viewModel();
            analyse(view.get(), earlier);
            onFx(() -> identify(vm));
            onFx(vm::saveToCaseLog);
            waitFor(() -> Files.exists(out.resolve("case-log.csv")) && vm.statusProperty().get().startsWith("Case saved"));
            analyse(view.get(), today);
            onFx(() -> identify(vm));
            AtomicReference<ComparisonView> cv = new AtomicReference<>();
            onFx(() -> cv.set(view.get().showComparison()));
            waitFor(() -> !vm.comparison().earlierCases().isEmpty());
            onFx(() -> {
                @SuppressWarnings("unchecked")
                ListView<EarlierCase> list = (ListView<EarlierCase>) cv.get().stage().getScene().lookup("#earlierCases");
                list.getSelectionModel().select(0);
                vm.comparison().compareWith(list.getItems().get(0));
            });
            waitFor(() -> vm.comparison().comparisonProperty().get() != null || !vm.comparison().problemProperty().get().isEmpty());
            Thread.sleep(500);
            onFx(() -> vm.comparison().savePdf(out.resolve("comparison.pdf")));
            waitFor(() -> Files.exists(out.resolve("comparison.pdf")));
            onFx(() -> {
                Stage s = cv.get().stage();
                s.getScene().getRoot().layout();
                write(s.getScene().getRoot().snapshot(null, null), out.resolve("comparison-window.png"));
                Label verdict = (Label) s.getScene().lookup("#comparisonVerdict");
                System.out.println("verdict: " + (verdict == null ? vm.comparison().problemProperty().get() : verdict.getText()));
            });
        } finally {
            node.removeNode();
            Platform.exit();
        }
        System.exit(0);
    }

    private static void identify(WorkstationViewModel vm) {
        vm.caseDetails().patientIdProperty().set("P-0001");
        vm.caseDetails().lesionIdProperty().set("L1");
    }

    private static void analyse(WorkstationView view, Path image) throws Exception {
        onFx(() -> view.open(image));
        waitFor(() -> view.viewModel().titleProperty().get().endsWith(image.getFileName().toString())
                && view.viewModel().result().hasResultProperty().get());
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + 180_000_000_000L;
        while (System.nanoTime() < deadline) {
            AtomicReference<Boolean> ok = new AtomicReference<>(false);
            onFx(() -> {
                try {
                    ok.set(condition.call());
                } catch (Exception e) {
                    ok.set(false);
                }
            });
            if (ok.get()) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("timed out");
    }

    private static void onFx(Runnable r) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                r.run();
            } finally {
                done.countDown();
            }
        });
        done.await();
    }

    private static void write(javafx.scene.image.WritableImage img, Path file) {
        try {
            javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(img, null), "png", file.toFile());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

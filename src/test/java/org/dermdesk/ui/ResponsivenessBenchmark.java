package org.dermdesk.ui;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.prefs.Preferences;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * Measures how long the FX thread goes without a pulse while images are analysed and explained
 * (target: never more than 100 ms), and the time to an interactive window. The analysis itself is
 * done by test doubles off the FX thread; what is measured is what the UI does on its own thread
 * (image conversion, overlays, layout). Run by hand under Xvfb:
 * {@code xvfb-run -a java -Dprism.order=sw -cp ... org.dermdesk.ui.ResponsivenessBenchmark [WxH ...]};
 * the sizes (default 600x450 1024x768 3000x2250) are analysed three times each, in order, so the first
 * size is the one the first analysis after start-up sees. Beside each longest gap it prints how much
 * of it the FX thread and the render thread spent working (CPU time): on a busy machine the gap also
 * counts time they waited for a core, which is the machine's doing, not the UI's.
 */
public final class ResponsivenessBenchmark {

    private static final AtomicLong last = new AtomicLong();
    private static final AtomicLong maxGap = new AtomicLong();
    /** The FX thread's CPU time within the longest gap. */
    private static final AtomicLong busyInMaxGap = new AtomicLong();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** The render thread's CPU time within the longest gap (the FX thread waits for the frame before). */
    private static final AtomicLong renderInMaxGap = new AtomicLong();
    private static long lastCpu;
    private static long lastRenderCpu;
    private static long renderThread = -1;

    private ResponsivenessBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        Path dir = Files.createTempDirectory("dermdesk-bench");
        Preferences node = Preferences.userRoot().node("org/dermdesk/bench/" + UUID.randomUUID());
        FakeServices services = new FakeServices();
        services.explainer = new FakeExplainer(10, 30, 0.05);
        AtomicReference<WorkstationView> view = new AtomicReference<>();
        CountDownLatch shown = new CountDownLatch(1);
        Platform.startup(() -> {
            view.set(Workstation.show(new Stage(), services, new WorkstationPreferences(node), new FxTaskRunner()));
            new AnimationTimer() {
                @Override
                public void handle(long now) {
                    long cpu = THREADS.getCurrentThreadCpuTime();
                    long renderCpu = renderThread < 0 ? 0 : THREADS.getThreadCpuTime(renderThread);
                    long prev = last.getAndSet(now);
                    if (prev != 0 && now - prev > maxGap.get()) {
                        maxGap.set(now - prev);
                        busyInMaxGap.set(cpu - lastCpu);
                        renderInMaxGap.set(renderCpu - lastRenderCpu);
                    }
                    lastCpu = cpu;
                    lastRenderCpu = renderCpu;
                    shown.countDown();
                }
            }.start();
        });
        shown.await(30, TimeUnit.SECONDS);
        for (long id : THREADS.getAllThreadIds()) {
            java.lang.management.ThreadInfo info = THREADS.getThreadInfo(id);
            if (info != null && info.getThreadName().startsWith("QuantumRenderer")) {
                renderThread = id;
            }
        }
        System.out.printf(Locale.ROOT, "window interactive after %.0f ms (JVM start not included)%n", (System.nanoTime() - t0) / 1e6);
        waitFor(() -> view.get().viewModel().modelReadyProperty().get());
        for (int i = 0; i < 3; i++) {
            reset();
            Thread.sleep(2000);
            System.out.printf(Locale.ROOT, "idle baseline %d: max FX pulse gap %.0f ms over 2 s (machine noise)%n", i, maxGap.get() / 1e6);
        }
        String[] sizes = args.length > 0 ? args : new String[] {"600x450", "1024x768", "3000x2250"};
        for (String spec : sizes) {
            String[] wh = spec.split("x");
            int[] size = {Integer.parseInt(wh[0]), Integer.parseInt(wh[1])};
            Path file = SyntheticImages.writePng(SyntheticImages.lesion(size[0], size[1], 0.8, 3, false, 1),
                    dir.resolve("bench-" + size[0] + ".png"));
            for (int run = 0; run < 3; run++) {
                reset();
                Platform.runLater(() -> view.get().open(file));
                waitFor(() -> file.equals(view.get().viewModel().currentFileProperty().get()) && !view.get().viewModel().runner().busyProperty().get());
                Thread.sleep(200);
                long analysis = maxGap.get();
                long analysisBusy = busyInMaxGap.get();
                long analysisRender = renderInMaxGap.get();
                reset();
                Platform.runLater(() -> view.get().viewModel().explain());
                waitFor(() -> view.get().viewModel().explanation().explanationProperty().get() != null
                        && !view.get().viewModel().runner().busyProperty().get());
                Thread.sleep(200);
                System.out.printf(Locale.ROOT, "%dx%d run %d: max FX pulse gap %.0f ms (FX thread busy %.0f, renderer %.0f) during analysis, "
                                + "%.0f ms (busy %.0f, renderer %.0f) during explanation%n",
                        size[0], size[1], run, analysis / 1e6, analysisBusy / 1e6, analysisRender / 1e6,
                        maxGap.get() / 1e6, busyInMaxGap.get() / 1e6, renderInMaxGap.get() / 1e6);
                Platform.runLater(() -> view.get().viewModel().explanation().explanationProperty().set(null));
            }
        }
        node.removeNode();
        Platform.exit();
        System.exit(0);
    }

    private static void reset() throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            last.set(0);
            maxGap.set(0);
            busyInMaxGap.set(0);
            renderInMaxGap.set(0);
            done.countDown();
        });
        done.await();
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            AtomicReference<Boolean> ok = new AtomicReference<>(false);
            CountDownLatch done = new CountDownLatch(1);
            Platform.runLater(() -> {
                ok.set(condition.getAsBoolean());
                done.countDown();
            });
            done.await();
            if (ok.get()) {
                return;
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("timed out");
    }
}

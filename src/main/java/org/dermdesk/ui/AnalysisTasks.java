package org.dermdesk.ui;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;
import org.dermdesk.core.AnalysisResult;
import org.dermdesk.core.Analyzer;
import org.dermdesk.core.DeviceScales;
import org.dermdesk.core.ScaledQualityGate;
import org.dermdesk.core.CaseDetails;
import org.dermdesk.core.ImageFile;
import org.dermdesk.core.ImageLoadException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the core {@link Analyzer} for the window on the one {@link TaskRunner}: opening an image and
 * classifying it again. Each request to open an image starts a new generation; an outcome that belongs
 * to an older one is dropped, so a result never lands on another image.
 */
final class AnalysisTasks {

    private static final Logger LOG = LoggerFactory.getLogger(AnalysisTasks.class);

    /** One analysis with what the window draws of it, computed off the UI thread. */
    record Shown(AnalysisResult analysis, Map<OverlayKind, ArgbRaster> layers, String modelProblem) {
    }

    private final WorkstationServices services;
    private final TaskRunner runner;
    private final ModelViewModel model;
    private final Consumer<String> status;
    private final Consumer<UserMessage> messages;
    /** The pipeline, built on the worker thread (the quality gate must not load on the UI thread). */
    private volatile Analyzer analyzer;
    private int generation;
    private TaskHandle analysisHandle = TaskHandle.NONE;
    private TaskHandle reclassifyHandle = TaskHandle.NONE;
    /** The user's device calibrations, read at each analysis (a new calibration applies to the next image). */
    private final DeviceScales deviceScales;

    AnalysisTasks(WorkstationServices services, TaskRunner runner, ModelViewModel model, DeviceScales deviceScales,
                  Consumer<String> status, Consumer<UserMessage> messages) {
        this.services = services;
        this.deviceScales = deviceScales;
        this.runner = runner;
        this.model = model;
        this.status = status;
        this.messages = messages;
    }

    /** The current generation: it changes whenever another image is opened (or the window closes). */
    int generation() {
        return generation;
    }

    /** Drops every outcome still to come. */
    void invalidate() {
        generation++;
    }

    /** The pipeline as last used, or null before the first image; for the patient adjustment on the UI thread. */
    Analyzer analyzer() {
        return analyzer;
    }

    /** The pipeline with the model as loaded so far; call on the worker thread. */
    private Analyzer current() {
        Analyzer a = analyzer;
        if (a == null) {
            // the ruler in the image, else the device calibration, else the file's metadata gives the scale
            a = new Analyzer(services.imageReader(), services.qualityGate().map(g -> new ScaledQualityGate(g, deviceScales)).orElse(null),
                    services.hairRemoval().orElse(null), model.classifier());
        } else if (a.classifier() != model.classifier()) {
            a = a.withClassifier(model.classifier());
        }
        analyzer = a;
        return a;
    }

    /** Reads and analyses {@code file} (the metadata's details prefilled); {@code onShown} gets the result. */
    void open(Path file, boolean removeHair, Map<OverlayKind, String> colours, Consumer<Shown> onShown) {
        int gen = ++generation;
        analysisHandle.cancel();
        reclassifyHandle.cancel();
        String name = String.valueOf(file.getFileName());
        status.accept("Opening " + name + "\u2026");
        analysisHandle = runner.submit("Analysing " + name, true, (progress, cancel) -> {
            CaseDetails details = services.metadata().flatMap(m -> m.lookup(file)).orElse(CaseDetails.none());
            AnalysisResult a = current().analyze(ImageFile.read(file), details, removeHair, progress, cancel);
            return new Shown(a, OverlayViewModel.renderQuality(a.quality(), colours::get),
                    a.classifiedByModel() ? "" : model.noResultReason());
        }, shown -> {
            if (gen == generation) {
                onShown.accept(shown);
            }
        }, error -> {
            if (gen == generation) {
                status.accept("Could not open " + name + ".");
            }
            report(file, error);
        }, () -> {
            if (gen == generation) {
                status.accept("Cancelled.");
            }
        });
    }

    /**
     * Classifies {@code before} again (hair removal as now asked for); {@code onDone} gets the result
     * unless another image was opened meanwhile. No-op for an image the model has not classified.
     */
    void reclassify(AnalysisResult before, boolean removeHair, Consumer<AnalysisResult> onDone) {
        Analyzer a = analyzer;
        if (before == null || a == null || !before.classifiedByModel()) {
            return;
        }
        int gen = generation;
        boolean hairStep = removeHair && services.hairRemoval().isPresent();
        status.accept("Classifying again" + (hairStep ? " after" : " without") + " digital hair removal\u2026");
        reclassifyHandle.cancel();
        reclassifyHandle = runner.submit("Classifying again", true,
                (progress, cancel) -> a.reclassify(before, removeHair, progress, cancel), done -> {
                    if (gen == generation) {
                        onDone.accept(done);
                    }
                }, error -> {
                    if (gen == generation) {
                        status.accept("Could not classify again.");
                    }
                    report(before.file(), error);
                }, () -> {
                    if (gen == generation) {
                        status.accept("Cancelled; the result shown is from before the setting changed.");
                    }
                });
    }

    private void report(Path file, Throwable error) {
        if (error instanceof ImageLoadException e) {
            LOG.info("Rejected an image: {}", e.problem());
        } else {
            LOG.error("Analysing an image failed", error);
        }
        messages.accept(UserMessage.analysisFailed(file, error));
    }
}

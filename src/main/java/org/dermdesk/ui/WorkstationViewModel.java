package org.dermdesk.ui;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import java.time.Instant;
import org.dermdesk.core.Cancellation;
import org.dermdesk.core.CaseDetails;
import org.dermdesk.core.CaseExporter;
import org.dermdesk.core.CaseLogWriter;
import org.dermdesk.core.CaseRecord;
import org.dermdesk.core.Checksums;
import org.dermdesk.core.ExplainRequest;
import org.dermdesk.core.Explainer;
import org.dermdesk.core.Explanation;
import org.dermdesk.core.HairRemoval;
import org.dermdesk.core.ImageLoadException;
import org.dermdesk.core.LesionClassifier;
import org.dermdesk.core.LesionImage;
import org.dermdesk.core.Prediction;
import org.dermdesk.core.ProgressListener;
import org.dermdesk.core.QualityGate;
import org.dermdesk.core.QualityReport;
import org.dermdesk.core.ResultWording;
import org.dermdesk.core.ScaledQualityGate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workstation's state and actions: open an image, analyse it (quality gate, optional digital
 * hair removal, classifier), explain it, export it. All work goes through the one {@link TaskRunner}; outcomes arrive on the UI
 * thread; a result that belongs to an image no longer shown is dropped.
 */
public final class WorkstationViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(WorkstationViewModel.class);
    public static final String APP_TITLE = "DermDesk";

    /** Everything one analysis produced, computed off the UI thread. */
    record Analysis(Path file, String sha256, LesionImage image, QualityReport quality, Map<OverlayKind, ArgbRaster> layers,
                    Classified classified, String modelProblem, CaseDetails details) {
    }

    /**
     * What the model saw and said: {@code image} is the hair-removed image when {@code hairRemoved};
     * {@code hairStep} says whether hair removal was asked for. The prediction is null without a model.
     */
    record Classified(LesionImage image, Prediction prediction, boolean hairStep, boolean hairRemoved) {
    }

    private record Explained(Explanation explanation, ArgbRaster heatmap) {
    }

    private final WorkstationServices services;
    private final TaskRunner runner;
    private final WorkstationPreferences prefs;
    private final ResultViewModel result;
    private final QualityViewModel quality;
    private final ExplanationViewModel explanation;
    private final MeasurementViewModel measurement;
    private final CaseViewModel caseDetails = new CaseViewModel();
    private final OverlayViewModel overlays = new OverlayViewModel();

    private final ReadOnlyObjectWrapper<Path> currentFile = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<LesionImage> image = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(APP_TITLE);
    private final ReadOnlyStringWrapper modelStatus = new ReadOnlyStringWrapper("Model: not loaded");
    private final ReadOnlyBooleanWrapper modelReady = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Open a dermoscopic image (Ctrl+O) or drop one on the window.");
    private final BooleanBinding canExplain;
    private final BooleanBinding canExport;
    private final BooleanBinding canSave;

    private volatile LesionClassifier classifier;
    /** The classifier's result for the image alone; what is shown also weighs the age and sex entered. */
    private Prediction imageOnly;
    /** What the classifier saw for the image on screen; the explanation must explain this image. */
    private Classified classified;
    private String currentSha256;
    private volatile String modelProblem = "the model is still loading";
    private Consumer<UserMessage> messages = m -> LOG.info("{}: {}", m.title(), m.text());
    private int generation;
    private TaskHandle analysisHandle = TaskHandle.NONE;
    private TaskHandle explainHandle = TaskHandle.NONE;
    private TaskHandle reclassifyHandle = TaskHandle.NONE;

    public WorkstationViewModel(WorkstationServices services, TaskRunner runner, WorkstationPreferences prefs) {
        this.services = services;
        this.runner = runner;
        this.prefs = prefs;
        this.result = new ResultViewModel(prefs.thresholdProperty());
        this.quality = new QualityViewModel(services.qualityGate().isPresent());
        this.explanation = new ExplanationViewModel(services.explainer().isPresent());
        this.measurement = new MeasurementViewModel(quality.reportProperty());
        result.unreliableProperty().bind(quality.retakeProperty());
        canExplain = Bindings.createBooleanBinding(
                () -> services.explainer().isPresent() && result.hasResultProperty().get() && !explanation.runningProperty().get(),
                result.hasResultProperty(), explanation.runningProperty());
        canExport = Bindings.createBooleanBinding(
                () -> services.pdfExporter().isPresent() && result.hasResultProperty().get(), result.hasResultProperty());
        canSave = Bindings.createBooleanBinding(
                () -> services.caseLog().isPresent() && result.hasResultProperty().get(), result.hasResultProperty());
        caseDetails.ageProperty().addListener((o, a, b) -> showPredictionForPatient());
        caseDetails.sexProperty().addListener((o, a, b) -> showPredictionForPatient());
        overlays.topKProperty().addListener((o, a, b) -> rerenderHeatmap());
        prefs.colourProperty(OverlayKind.HEATMAP).addListener((o, a, b) -> rerenderHeatmap());
        prefs.removeHairProperty().addListener((o, a, b) -> reclassify());
        for (OverlayKind kind : OverlayKind.values()) {
            if (kind != OverlayKind.HEATMAP) {
                prefs.colourProperty(kind).addListener((o, a, b) ->
                        overlays.setQualityLayers(OverlayViewModel.renderQuality(quality.reportProperty().get(), this::colour)));
            }
        }
    }

    /** Where dialogs go; the view sets it. */
    public void setMessageSink(Consumer<UserMessage> sink) {
        this.messages = sink;
    }

    /** Loads the model in the background; call once when the window shows. */
    public void start() {
        modelStatus.set("Model: loading\u2026");
        runner.submit("Loading the model", false, (progress, cancel) -> {
            try {
                LesionClassifier c = services.openClassifier();
                classifier = c;
                return c;
            } catch (Exception | LinkageError e) {
                modelProblem = describe(e);
                throw e;
            }
        }, c -> {
            modelReady.set(true);
            modelStatus.set("Model: " + c.info().name() + " " + c.info().version() + " ready");
            result.unavailableReasonProperty().set("");
        }, error -> {
            LOG.error("The model could not be loaded", error);
            modelStatus.set("Model: not available");
            result.unavailableReasonProperty().set("No result: the model could not be loaded (" + describe(error) + ").");
            messages.accept(UserMessage.error("The model could not be loaded",
                    describe(error) + "\n\nImages can still be opened and checked for quality, but not classified. "
                            + "Reinstall DermDesk or check the model folder."));
        }, () -> { });
    }

    /** Opens and analyses an image; the current case stays on screen until the new one is ready. */
    public void open(Path file) {
        int gen = ++generation;
        analysisHandle.cancel();
        explainHandle.cancel();
        reclassifyHandle.cancel();
        String name = String.valueOf(file.getFileName());
        status.set("Opening " + name + "\u2026");
        Map<OverlayKind, String> colours = colourSnapshot();
        // the ruler in the image, else the device calibration, else the file's metadata gives the scale
        Optional<QualityGate> gate = services.qualityGate().map(g -> new ScaledQualityGate(g, prefs.deviceScales()));
        HairRemoval hairRemoval = wantedHairRemoval();
        analysisHandle = runner.submit("Analysing " + name, true, (progress, cancel) -> {
            progress.progress(0.05, "reading the image");
            LesionImage img = services.imageReader().read(file);
            cancel.check();
            QualityReport q = null;
            if (gate.isPresent()) {
                progress.progress(0.2, "checking image quality");
                q = gate.get().assess(img);
                cancel.check();
            }
            Map<OverlayKind, ArgbRaster> layers = OverlayViewModel.renderQuality(q, colours::get);
            LesionClassifier c = classifier;
            Classified p = classify(c, img, q, hairRemoval, progress, cancel);
            String problem = c == null ? "No result: " + modelProblem + "." : "";
            CaseDetails details = services.metadata().flatMap(m -> m.lookup(file)).orElse(CaseDetails.none());
            String sha256 = Checksums.sha256(file);
            progress.progress(1, "done");
            return new Analysis(file, sha256, img, q, layers, p, problem, details);
        }, a -> {
            if (gen == generation) {
                show(a);
            }
        }, error -> {
            if (gen == generation) {
                status.set("Could not open " + name + ".");
            }
            report(file, error);
        }, () -> {
            if (gen == generation) {
                status.set("Cancelled.");
            }
        });
    }

    /** Hair removal (when asked for and a model can use its result), then the classifier; off the UI thread. */
    private static Classified classify(LesionClassifier c, LesionImage img, QualityReport q, HairRemoval hairRemoval,
                                       ProgressListener progress, Cancellation cancel) {
        if (c == null) {
            return new Classified(img, null, false, false);
        }
        LesionImage seen = img;
        if (hairRemoval != null) {
            progress.progress(0.5, "removing hair digitally");
            seen = hairRemoval.apply(img, q);
            cancel.check();
        }
        progress.progress(0.6, "classifying");
        return new Classified(seen, c.predict(seen), hairRemoval != null, seen != img);
    }

    /** The hair removal the user's preference asks for, or null for none. */
    private HairRemoval wantedHairRemoval() {
        return prefs.removeHairProperty().get() ? services.hairRemoval().orElse(null) : null;
    }

    /**
     * Classifies the image on screen again after the hair-removal preference changed, keeping what the
     * reviewer entered. A result for an image no longer shown is dropped; an analysis still running
     * is brought in line when it is shown (see {@link #show}).
     */
    private void reclassify() {
        LesionImage img = image.get();
        LesionClassifier c = classifier;
        if (img == null || c == null || classified == null || classified.prediction() == null) {
            return;
        }
        int gen = generation;
        explainHandle.cancel();
        QualityReport q = quality.reportProperty().get();
        HairRemoval hairRemoval = wantedHairRemoval();
        status.set("Classifying again" + (hairRemoval == null ? " without" : " after") + " digital hair removal\u2026");
        reclassifyHandle.cancel();
        reclassifyHandle = runner.submit("Classifying again", true,
                (progress, cancel) -> classify(c, img, q, hairRemoval, progress, cancel), done -> {
                    if (gen == generation && img == image.get()) {
                        showClassification(done);
                        status.set("Classified again" + (done.hairStep() ? " after" : " without") + " digital hair removal.");
                        explainIfAutomatic();
                    }
                }, error -> {
                    if (gen == generation) {
                        status.set("Could not classify again.");
                    }
                    report(currentFile.get(), error);
                }, () -> {
                    if (gen == generation) {
                        status.set("Cancelled; the result shown is from before the setting changed.");
                    }
                });
    }

    private void showClassification(Classified c) {
        classified = c;
        explanation.explanationProperty().set(null);
        overlays.setHeatmap(null);
        result.hairRemovalTextProperty().set(!c.hairStep() ? ""
                : c.hairRemoved() ? ResultViewModel.HAIR_REMOVED : ResultWording.NO_HAIR_FOUND);
        imageOnly = c.prediction();
        showPredictionForPatient();
    }

    private void explainIfAutomatic() {
        if (prefs.autoExplainProperty().get() && canExplain.get()) {
            explain();
        }
    }

    private void show(Analysis a) {
        currentFile.set(a.file());
        currentSha256 = a.sha256();
        image.set(a.image());
        title.set(APP_TITLE + " \u2014 " + a.file().getFileName());
        quality.reportProperty().set(a.quality());
        overlays.setQualityLayers(a.layers());
        result.unavailableReasonProperty().set(a.modelProblem());
        caseDetails.reset(a.details());
        showClassification(a.classified());
        prefs.addRecent(a.file());
        status.set("Analysed " + a.file().getFileName() + (a.quality() != null && a.quality().retake() ? " \u2014 retake advised." : "."));
        boolean settingChanged = a.classified().prediction() != null && a.classified().hairStep() != (wantedHairRemoval() != null);
        if (settingChanged) {
            reclassify(); // the hair-removal preference changed while this image was being analysed
        } else {
            explainIfAutomatic();
        }
    }

    /** The image's prediction adjusted for the age and sex on screen (as typed; an invalid age counts as none). */
    private void showPredictionForPatient() {
        LesionClassifier c = classifier;
        if (imageOnly == null || c == null) {
            result.predictionProperty().set(imageOnly);
            return;
        }
        CaseDetails details = caseDetails.ageProblem().isEmpty() ? caseDetails.details() : CaseDetails.none();
        result.predictionProperty().set(c.forPatient(imageOnly, details));
    }

    private void report(Path file, Throwable error) {
        if (error instanceof ImageLoadException e) {
            LOG.info("Rejected an image: {}", e.problem());
            messages.accept(UserMessage.error("Cannot open " + file.getFileName(),
                    e.getMessage() + "\n\nChoose another image, or export this one again from the dermatoscope software."));
        } else {
            LOG.error("Analysing an image failed", error);
            messages.accept(UserMessage.error("Could not analyse " + file.getFileName(),
                    "Something went wrong while analysing the image: " + describe(error)
                            + "\n\nNothing was lost. Try again, or open another image."));
        }
    }

    /** Explains the current prediction (LIME) in the background; no-op when it cannot. */
    public void explain() {
        if (!canExplain.get()) {
            return;
        }
        Explainer explainer = services.explainer().orElseThrow();
        int gen = generation;
        // explain what the model classified (the hair-removed image when hair was removed); the heatmap is
        // drawn over the original on screen, which has the same size
        Classified seen = classified;
        ExplainRequest request = new ExplainRequest(seen.image(), result.predictionProperty().get(),
                quality.reportProperty().get(), classifier, prefs.samplesProperty().get());
        int topK = overlays.topKProperty().get();
        String outline = colour(OverlayKind.HEATMAP);
        explanation.runningProperty().set(true);
        status.set("Explaining the result\u2026");
        explainHandle = runner.submit("Explaining", true, (progress, cancel) -> {
            Explanation e = explainer.explain(request, progress, cancel);
            return new Explained(e, OverlayViewModel.renderHeatmap(e, topK, outline));
        }, done -> {
            explanation.runningProperty().set(false);
            if (gen == generation && seen.image() != classified.image()) {
                status.set("Explanation discarded: the image was classified again. Explain again for the new result.");
            } else if (gen == generation) {
                explanation.explanationProperty().set(done.explanation());
                overlays.setHeatmap(done.heatmap());
                overlays.visibleProperty(OverlayKind.HEATMAP).set(true);
                status.set("Explanation ready.");
            }
        }, error -> {
            explanation.runningProperty().set(false);
            LOG.error("Explaining failed", error);
            status.set("Explanation failed.");
            messages.accept(UserMessage.error("Could not explain the result",
                    describe(error) + "\n\nThe result itself is unaffected. Try again, perhaps with fewer samples."));
        }, () -> {
            explanation.runningProperty().set(false);
            status.set("Explanation cancelled.");
        });
    }

    /** Cancels the running task (analysis, explanation). */
    public void cancel() {
        runner.cancelCurrent();
    }

    /** Writes the PDF report; the view asks for {@code target}. */
    public void exportPdf(Path target) {
        if (services.pdfExporter().isEmpty() || !checkDetails()) {
            return;
        }
        Optional<Work<CaseRecord>> record = caseRecord();
        if (record.isEmpty()) {
            return;
        }
        CaseExporter exporter = services.pdfExporter().get();
        runner.submit("Exporting the report", false, (p, c) -> {
            exporter.export(record.get().run(p, c), target);
            return target;
        }, t -> {
            status.set("Report saved to " + t.getFileName() + ".");
            messages.accept(UserMessage.info("Report exported", "The report was saved to " + t + "."));
        }, error -> {
            LOG.error("Export failed", error);
            messages.accept(UserMessage.error("Could not export the report",
                    describe(error) + "\n\nChoose another folder and try again; the case is still open."));
        }, () -> { });
    }

    /** Appends the case to the case log. */
    public void saveToCaseLog() {
        if (services.caseLog().isEmpty() || !checkDetails()) {
            return;
        }
        Optional<Work<CaseRecord>> record = caseRecord();
        if (record.isEmpty()) {
            return;
        }
        CaseLogWriter log = services.caseLog().get();
        runner.submit("Saving to the case log", false, (p, c) -> log.save(record.get().run(p, c)), where -> {
            status.set("Case saved" + (where == null || where.isBlank() ? "." : " to " + where + "."));
        }, error -> {
            LOG.error("Saving the case failed", error);
            messages.accept(UserMessage.error("Could not save the case",
                    describe(error) + "\n\nThe case is still open; nothing you entered was lost. Try again."));
        }, () -> { });
    }

    private boolean checkDetails() {
        String problem = caseDetails.ageProblem();
        if (!problem.isEmpty()) {
            messages.accept(UserMessage.error("Check the case details", problem));
            return false;
        }
        return true;
    }

    /**
     * The case as shown (prediction at the threshold on screen, the reviewer's details), captured now
     * on the UI thread; the returned work draws the heatmap as seen into the image, off the UI thread.
     * Empty when no image has been analysed.
     */
    public Optional<Work<CaseRecord>> caseRecord() {
        Prediction judged = result.judgedProperty().get();
        LesionImage img = image.get();
        if (judged == null || img == null || !caseDetails.ageProblem().isEmpty()) {
            return Optional.empty();
        }
        Instant now = Instant.now();
        Path file = currentFile.get();
        String sha = currentSha256;
        CaseDetails details = caseDetails.details();
        QualityReport q = quality.reportProperty().get();
        Explanation e = explanation.explanationProperty().get();
        ArgbRaster heat = overlays.layerProperty(OverlayKind.HEATMAP).get();
        double opacity = overlays.heatmapOpacityProperty().get();
        boolean hairRemoved = classified != null && classified.hairRemoved();
        return Optional.of((p, c) -> new CaseRecord(now, String.valueOf(file.getFileName()), file, sha, details, judged, q, e, img,
                heat == null ? null : OverlayRenderer.composite(img, heat, opacity), hairRemoved));
    }

    /** Cancels everything and closes the classifier on the worker thread. */
    public void close() {
        generation++;
        runner.shutdown(() -> {
            LesionClassifier c = classifier;
            classifier = null;
            if (c != null) {
                c.close();
            }
        });
    }

    private void rerenderHeatmap() {
        Explanation e = explanation.explanationProperty().get();
        if (e != null) {
            overlays.setHeatmap(OverlayViewModel.renderHeatmap(e, overlays.topKProperty().get(), colour(OverlayKind.HEATMAP)));
        }
    }

    private Map<OverlayKind, String> colourSnapshot() {
        Map<OverlayKind, String> m = new EnumMap<>(OverlayKind.class);
        for (OverlayKind k : OverlayKind.values()) {
            m.put(k, colour(k));
        }
        return m;
    }

    private String colour(OverlayKind kind) {
        return prefs.colourProperty(kind).get();
    }

    /** A one-line description of an error for a dialog: its message, never its stack. */
    static String describe(Throwable error) {
        Throwable t = error;
        while (t.getCause() != null && t.getCause() != t
                && (t.getMessage() == null || t.getMessage().isBlank() || t.getMessage().equals(t.getCause().toString()))) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return m == null || m.isBlank() ? "an unexpected internal error (" + t.getClass().getSimpleName() + ")" : m;
    }

    public ResultViewModel result() {
        return result;
    }

    public QualityViewModel quality() {
        return quality;
    }

    public ExplanationViewModel explanation() {
        return explanation;
    }

    public MeasurementViewModel measurement() {
        return measurement;
    }

    public CaseViewModel caseDetails() {
        return caseDetails;
    }

    public OverlayViewModel overlays() {
        return overlays;
    }

    public WorkstationPreferences preferences() {
        return prefs;
    }

    public TaskRunner runner() {
        return runner;
    }

    public ReadOnlyObjectProperty<Path> currentFileProperty() {
        return currentFile.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<LesionImage> imageProperty() {
        return image.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty modelStatusProperty() {
        return modelStatus.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty modelReadyProperty() {
        return modelReady.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public BooleanBinding canExplainBinding() {
        return canExplain;
    }

    public BooleanBinding canExportBinding() {
        return canExport;
    }

    public BooleanBinding canSaveBinding() {
        return canSave;
    }

    public boolean pdfExportInstalled() {
        return services.pdfExporter().isPresent();
    }

    public boolean caseLogInstalled() {
        return services.caseLog().isPresent();
    }
}

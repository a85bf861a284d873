package org.dermdesk.ui;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.dermdesk.core.AnalysisResult;
import org.dermdesk.core.Analyzer;
import org.dermdesk.core.CaseDetails;
import org.dermdesk.core.CaseRecord;
import org.dermdesk.core.ExplainRequest;
import org.dermdesk.core.LesionImage;
import org.dermdesk.core.ResultWording;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workstation's state and actions: open an image and analyse it with the core {@link Analyzer},
 * classify it again when the hair-removal preference changes, explain it, export it. All work goes
 * through the one {@link TaskRunner}; outcomes arrive on the UI thread; a result that belongs to an
 * image no longer shown is dropped.
 */
public final class WorkstationViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(WorkstationViewModel.class);
    public static final String APP_TITLE = "DermDesk";

    private final WorkstationServices services;
    private final TaskRunner runner;
    private final WorkstationPreferences prefs;
    private final ModelViewModel model = new ModelViewModel();
    private final ResultViewModel result;
    private final QualityViewModel quality;
    private final ExplanationViewModel explanation;
    private final MeasurementViewModel measurement;
    private final CaseViewModel caseDetails = new CaseViewModel();
    private final OverlayViewModel overlays = new OverlayViewModel();
    private final CaseOutput output;
    private final ExplanationTask explainer;
    private final AnalysisTasks analyses;
    private final OverlayColours colours;
    private final CaseCapture capture;
    private final ActionAvailability actions;
    private final ComparisonViewModel comparison;

    private final ReadOnlyObjectWrapper<Path> currentFile = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<LesionImage> image = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(APP_TITLE);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Open a dermoscopic image (Ctrl+O) or drop one on the window.");

    /** The analysis on screen, its prediction weighing the age and sex entered; null before the first. */
    private AnalysisResult analysis;
    private Consumer<UserMessage> messages = m -> LOG.info("{}: {}", m.title(), m.text());
    private TaskHandle explainHandle = TaskHandle.NONE;

    public WorkstationViewModel(WorkstationServices services, TaskRunner runner, WorkstationPreferences prefs) {
        this.services = services;
        this.runner = runner;
        this.prefs = prefs;
        this.result = new ResultViewModel(prefs.thresholdProperty());
        this.quality = new QualityViewModel(services.qualityGate().isPresent());
        this.explanation = new ExplanationViewModel(services.explainer().isPresent());
        this.measurement = new MeasurementViewModel(quality.reportProperty(), result.predictionProperty());
        this.output = new CaseOutput(runner, status::set, m -> messages.accept(m));
        this.explainer = new ExplanationTask(runner, explanation, overlays, status::set, m -> messages.accept(m));
        this.analyses = new AnalysisTasks(services, runner, model, prefs.deviceScales(), status::set, m -> messages.accept(m));
        this.colours = new OverlayColours(prefs, overlays, quality.reportProperty(), explanation.explanationProperty());
        this.capture = new CaseCapture(result, caseDetails, explanation, overlays, () -> analysis, m -> messages.accept(m));
        this.actions = new ActionAvailability(services, result, explanation);
        // the one hook for follow-up: the comparison reads the analysis on screen and the identity typed under Case
        this.comparison = new ComparisonViewModel(services, runner, () -> analysis, analyses::analyzer,
                () -> CaseDetails.none().withIdentity(caseDetails.patientIdProperty().get(), caseDetails.lesionIdProperty().get()),
                m -> messages.accept(m));
        result.unreliableProperty().bind(quality.retakeProperty());
        caseDetails.ageProperty().addListener((o, a, b) -> showPredictionForPatient());
        caseDetails.sexProperty().addListener((o, a, b) -> showPredictionForPatient());
        prefs.removeHairProperty().addListener((o, a, b) -> reclassify());
    }

    /** Where dialogs go; the view sets it. */
    public void setMessageSink(Consumer<UserMessage> sink) {
        this.messages = sink;
    }

    /** Loads the model in the background; call once when the window shows. */
    public void start() {
        model.load(runner, services, result.unavailableReasonProperty()::set, m -> messages.accept(m));
    }

    /** Opens and analyses an image; the current case stays on screen until the new one is ready. */
    public void open(Path file) {
        explainHandle.cancel();
        analyses.open(file, prefs.removeHairProperty().get(), colours.snapshot(), this::show);
    }

    /**
     * Classifies the image on screen again after the hair-removal preference changed, keeping what the
     * reviewer entered. A result for an image no longer shown is dropped; an analysis still running
     * is brought in line when it is shown (see {@link #show}).
     */
    private void reclassify() {
        AnalysisResult before = analysis;
        if (before != null && before.classifiedByModel()) {
            explainHandle.cancel();
        }
        analyses.reclassify(before, prefs.removeHairProperty().get(), done -> {
            if (analysis != null && before.image() == analysis.image()) {
                showClassification(done);
                status.set("Classified again" + (done.hairStep() ? " after" : " without") + " digital hair removal.");
                explainIfAutomatic();
            }
        });
    }

    private void showClassification(AnalysisResult a) {
        analysis = a;
        explanation.explanationProperty().set(null);
        overlays.setHeatmap(null);
        result.hairRemovalTextProperty().set(!a.hairStep() ? ""
                : a.hairRemoved() ? ResultViewModel.HAIR_REMOVED : ResultWording.NO_HAIR_FOUND);
        showPredictionForPatient();
    }

    private void explainIfAutomatic() {
        if (prefs.autoExplainProperty().get() && actions.canExplain().get()) {
            explain();
        }
    }

    private void show(AnalysisTasks.Shown shown) {
        AnalysisResult a = shown.analysis();
        currentFile.set(a.file());
        image.set(a.image());
        title.set(APP_TITLE + " \u2014 " + a.file().getFileName());
        quality.reportProperty().set(a.quality());
        overlays.setQualityLayers(shown.layers());
        result.unavailableReasonProperty().set(shown.modelProblem());
        caseDetails.reset(a.details());
        showClassification(a);
        prefs.addRecent(a.file());
        status.set("Analysed " + a.file().getFileName() + (a.retake() ? " \u2014 retake advised." : "."));
        boolean wanted = prefs.removeHairProperty().get() && services.hairRemoval().isPresent();
        if (a.classifiedByModel() && a.hairStep() != wanted) {
            reclassify(); // the hair-removal preference changed while this image was being analysed
        } else {
            explainIfAutomatic();
        }
    }

    /** The analysis weighs the age and sex on screen (as typed; an invalid age counts as none). */
    private void showPredictionForPatient() {
        Analyzer a = analyses.analyzer();
        if (analysis != null && a != null) {
            analysis = a.forPatient(analysis, caseDetails.ageProblem().isEmpty() ? caseDetails.details() : CaseDetails.none());
        }
        result.predictionProperty().set(analysis == null ? null : analysis.prediction());
    }

    /** Explains the current prediction (LIME) in the background; no-op when it cannot. */
    public void explain() {
        if (!actions.canExplain().get()) {
            return;
        }
        int gen = analyses.generation();
        // explain what the model classified (the hair-removed image when hair was removed); the heatmap is
        // drawn over the original on screen, which has the same size
        AnalysisResult seen = analysis;
        ExplainRequest request = new ExplainRequest(seen.classified(), result.predictionProperty().get(),
                seen.quality(), analyses.analyzer().classifier(), prefs.samplesProperty().get());
        explainHandle = explainer.start(services.explainer().orElseThrow(), request, overlays.topKProperty().get(),
                colours.of(OverlayKind.HEATMAP), () -> gen == analyses.generation(), () -> seen.classified() == analysis.classified());
    }

    /** Cancels the running task (analysis, explanation). */
    public void cancel() {
        runner.cancelCurrent();
    }

    /** Writes the PDF report; the view asks for {@code target}. */
    public void exportPdf(Path target) {
        services.pdfExporter().ifPresent(exporter -> capture.checked().ifPresent(r -> output.exportPdf(exporter, r, target)));
    }

    /** Appends the case to the case log. */
    public void saveToCaseLog() {
        services.caseLog().ifPresent(log -> capture.checked().ifPresent(r -> output.save(log, r)));
    }

    /** The case as shown (prediction at the threshold on screen, the reviewer's details), captured now; empty before an analysis. */
    public Optional<Work<CaseRecord>> caseRecord() {
        return capture.shown();
    }

    /** Cancels everything and closes the classifier on the worker thread. */
    public void close() {
        analyses.invalidate();
        runner.shutdown(model::close);
    }

    public ResultViewModel result() {
        return result;
    }

    public ComparisonViewModel comparison() {
        return comparison;
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
        return model.statusProperty();
    }

    public ReadOnlyBooleanProperty modelReadyProperty() {
        return model.readyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public BooleanBinding canExplainBinding() {
        return actions.canExplain();
    }

    public BooleanBinding canExportBinding() {
        return actions.canExport();
    }

    public BooleanBinding canSaveBinding() {
        return actions.canSave();
    }

    public boolean pdfExportInstalled() {
        return services.pdfExporter().isPresent();
    }

    public boolean caseLogInstalled() {
        return services.caseLog().isPresent();
    }
}

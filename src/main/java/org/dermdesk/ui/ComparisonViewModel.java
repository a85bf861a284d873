package org.dermdesk.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.dermdesk.core.AnalysisResult;
import org.dermdesk.core.Analyzer;
import org.dermdesk.core.CaseDetails;
import org.dermdesk.core.ChangeRule;
import org.dermdesk.core.ComparisonException;
import org.dermdesk.core.ComparisonWording;
import org.dermdesk.core.EarlierCase;
import org.dermdesk.core.ImageFile;
import org.dermdesk.core.ImageLoadException;
import org.dermdesk.core.LesionComparer;
import org.dermdesk.core.LesionComparison;
import org.dermdesk.core.LesionImage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Comparing the image on screen with an earlier image of the same lesion: the earlier cases from the
 * case log, re-analysing the earlier image on the task runner, the registered comparison, the overlay
 * (blend or blink) and the comparison PDF. The change table's words come from {@link ComparisonWording}.
 */
public final class ComparisonViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(ComparisonViewModel.class);

    private final WorkstationServices services;
    private final TaskRunner runner;
    private final Supplier<AnalysisResult> current;
    private final Supplier<Analyzer> analyzer;
    private final Supplier<CaseDetails> details;
    private final Consumer<UserMessage> messages;

    private final ObservableList<EarlierCase> earlierCases = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper casesNote = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<LesionComparison> comparison = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<LesionImage> overlay = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ComparisonDisplay> display = new ReadOnlyObjectWrapper<>();
    private final DoubleProperty blend = new SimpleDoubleProperty(0.5);
    private final BooleanProperty blinking = new SimpleBooleanProperty(false);
    /** While blinking: whether the later image is the one shown. */
    private final BooleanProperty blinkShowsLater = new SimpleBooleanProperty(false);
    private final BooleanBinding canSavePdf;
    private TaskHandle handle = TaskHandle.NONE;

    ComparisonViewModel(WorkstationServices services, TaskRunner runner, Supplier<AnalysisResult> current,
                        Supplier<Analyzer> analyzer, Supplier<CaseDetails> details, Consumer<UserMessage> messages) {
        this.services = services;
        this.runner = runner;
        this.current = current;
        this.analyzer = analyzer;
        this.details = details;
        this.messages = messages;
        canSavePdf = Bindings.createBooleanBinding(() -> services.comparisonExporter().isPresent()
                && comparison.get() != null && !running.get(), comparison, running);
        blend.addListener((o, a, b) -> redrawOverlay());
        blinking.addListener((o, a, b) -> redrawOverlay());
        blinkShowsLater.addListener((o, a, b) -> redrawOverlay());
    }

    /** Whether a comparison can be made at all (the registration is installed). */
    public boolean available() {
        return services.lesionRegistrar().isPresent();
    }

    /** Lists the same lesion's earlier cases (by the patient ID and lesion on screen), the case on screen left out. */
    public void findEarlierCases() {
        earlierCases.clear();
        CaseDetails d = details.get();
        AnalysisResult now = current.get();
        if (services.earlierCases().isEmpty()) {
            casesNote.set("The case log is not installed: choose an image file.");
            return;
        }
        if (d == null || !d.identifiesLesion()) {
            casesNote.set("Enter the Patient ID and Lesion under Case to list this lesion's saved cases, or choose an image file.");
            return;
        }
        casesNote.set("Looking in the case log\u2026");
        runner.submit("Finding earlier cases", false, (p, c) -> services.earlierCases().orElseThrow()
                .of(d.patientId(), d.lesionId()), found -> {
                    List<EarlierCase> earlier = found.stream()
                            .filter(e -> now == null || !e.imageSha256().equals(now.sha256())).toList();
                    earlierCases.setAll(earlier);
                    casesNote.set(earlier.isEmpty() ? "No earlier case of this lesion in the case log: choose an image file."
                            : earlier.size() + " earlier case" + (earlier.size() == 1 ? "" : "s") + " of this lesion.");
                }, error -> {
                    LOG.warn("Reading the case log for earlier cases failed: {}", error.getClass().getSimpleName());
                    casesNote.set("The case log could not be read (" + UserMessage.describe(error) + "): choose an image file.");
                }, () -> { });
    }

    /** Compares the image on screen with a saved case's image, which must be unchanged since it was saved. */
    public void compareWith(EarlierCase earlier) {
        if (earlier.image() == null) {
            fail("cannot compare: " + earlier.caseId() + ": the case log has no image path for this case");
            return;
        }
        start(earlier.image(), earlier.imageSha256());
    }

    /** Compares the image on screen with any image file. */
    public void compareWith(Path file) {
        start(file, null);
    }

    private void start(Path file, String expectedSha256) {
        AnalysisResult later = current.get();
        Analyzer pipeline = analyzer.get();
        if (later == null || pipeline == null || !available()) {
            fail("cannot compare: open and analyse today's image first");
            return;
        }
        String name = String.valueOf(file.getFileName());
        if (!Files.isRegularFile(file)) {
            fail("cannot compare: " + name + ": " + (Files.exists(file) ? "is not a regular file" : "file not found (moved or deleted?)"));
            return;
        }
        handle.cancel();
        comparison.set(null);
        display.set(null);
        problem.set("");
        running.set(true);
        status.set("Analysing the earlier image " + name + "\u2026");
        handle = runner.submit("Comparing with " + name, true, (progress, cancel) -> {
            ImageFile read = ImageFile.read(file);
            if (expectedSha256 != null && !expectedSha256.equals(read.sha256())) {
                throw new ComparisonException(name + ": the file has changed since the case was saved (its checksum differs)");
            }
            AnalysisResult before = pipeline.analyze(read, CaseDetails.none(), false, progress, cancel);
            progress.progress(0.9, "registering the images");
            cancel.check();
            LesionComparison c = new LesionComparer(services.lesionRegistrar().orElseThrow(), new ChangeRule()).compare(before, later);
            return new Compared(c, ComparisonDisplay.of(c));
        }, done -> {
            running.set(false);
            display.set(done.display());
            comparison.set(done.comparison());
            status.set(done.comparison().verdict());
            redrawOverlay();
        }, error -> {
            running.set(false);
            if (error instanceof ComparisonException || error instanceof ImageLoadException) {
                LOG.info("Comparison not possible: {}", error instanceof ImageLoadException e ? e.problem() : "no lesion or changed file");
                fail("cannot compare: " + error.getMessage());
            } else {
                LOG.error("Comparing the images failed", error);
                fail("cannot compare: " + name + ": " + UserMessage.describe(error));
            }
        }, () -> {
            running.set(false);
            status.set("Comparison cancelled.");
        });
    }

    private record Compared(LesionComparison comparison, ComparisonDisplay display) {
    }

    private void fail(String message) {
        comparison.set(null);
        display.set(null);
        overlay.set(null);
        problem.set(message);
        status.set("");
    }

    /** Forgets the comparison (another image is on screen now); a running one is cancelled. */
    public void reset() {
        handle.cancel();
        running.set(false);
        blinking.set(false);
        fail("");
        earlierCases.clear();
        casesNote.set("");
    }

    /** Cancels the earlier image's analysis. */
    public void cancel() {
        handle.cancel();
    }

    /** Writes the comparison PDF; the view asks for {@code target}. */
    public void savePdf(Path target) {
        LesionComparison c = comparison.get();
        if (c == null || services.comparisonExporter().isEmpty()) {
            return;
        }
        runner.submit("Saving the comparison PDF", false, (p, cancel) -> {
            services.comparisonExporter().orElseThrow().export(c, target);
            return target;
        }, t -> status.set("Comparison PDF saved to " + t.getFileName() + "."), error -> {
            LOG.error("Comparison PDF failed", error);
            messages.accept(UserMessage.error("Could not save the comparison PDF",
                    UserMessage.describe(error) + "\n\nChoose another folder and try again; the comparison is still open."));
        }, () -> { });
    }

    private void redrawOverlay() {
        ComparisonDisplay d = display.get();
        if (d == null) {
            overlay.set(null);
            return;
        }
        overlay.set(d.overlay(blinking.get() ? (blinkShowsLater.get() ? 1 : 0) : blend.get()));
    }

    /** The change table's rows in the words the command line and the PDF use; empty for different lesions. */
    public List<ComparisonWording.Row> rows() {
        LesionComparison c = comparison.get();
        return c == null || !c.hasChangeReport() ? List.of() : ComparisonWording.rows(c);
    }

    public ObservableList<EarlierCase> earlierCases() {
        return earlierCases;
    }

    public ReadOnlyStringProperty casesNoteProperty() {
        return casesNote.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<LesionComparison> comparisonProperty() {
        return comparison.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** The earlier and the registered image at screen size; null without a comparison. */
    ReadOnlyObjectProperty<ComparisonDisplay> displayProperty() {
        return display.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<LesionImage> overlayProperty() {
        return overlay.getReadOnlyProperty();
    }

    public DoubleProperty blendProperty() {
        return blend;
    }

    public BooleanProperty blinkingProperty() {
        return blinking;
    }

    public BooleanProperty blinkShowsLaterProperty() {
        return blinkShowsLater;
    }

    public BooleanBinding canSavePdfBinding() {
        return canSavePdf;
    }
}

package org.dermdesk.ui;

import java.util.Optional;
import org.dermdesk.core.CaseExporter;
import org.dermdesk.core.CaseLogWriter;
import org.dermdesk.core.ComparisonExporter;
import org.dermdesk.core.EarlierCases;
import org.dermdesk.core.Explainer;
import org.dermdesk.core.HairRemoval;
import org.dermdesk.core.ImageReader;
import org.dermdesk.core.LesionClassifier;
import org.dermdesk.core.LesionRegistrar;
import org.dermdesk.core.QualityGate;
import org.dermdesk.core.RulerReader;

/**
 * Everything the workstation needs from the rest of DermDesk, wired in {@code org.dermdesk.app}.
 * The UI imports only {@code core}; implementations (OpenCV loader, DJL classifier, LIME, PDF, case
 * log) stay behind this interface. Optional services that are absent leave their controls disabled.
 *
 * <p>Construction of an implementation must be cheap and must not load OpenCV modules that pull in
 * GTK2 (ximgproc, calib3d, ...) before {@link Workstation#launch} has started the JavaFX toolkit.
 */
public interface WorkstationServices {

    /** Decodes and validates image files (the imaging layer's loader). Called off the FX thread. */
    ImageReader imageReader();

    /**
     * Opens the classifier; called once, off the FX thread, right after the window shows. The
     * returned classifier is used from one worker thread only and closed when the window closes.
     */
    LesionClassifier openClassifier() throws Exception;

    /** The image-quality gate, when one is available. Called off the FX thread. */
    default Optional<QualityGate> qualityGate() {
        return Optional.empty();
    }

    /**
     * Digital hair removal, used before classifying only while the user's preference asks for it.
     * Asked for on the FX thread, so it must be cheap; the step itself runs off the FX thread.
     */
    default Optional<HairRemoval> hairRemoval() {
        return Optional.empty();
    }

    /** Reads the scale from ruler ticks, for calibrating a device; while absent only two clicked points calibrate. */
    default Optional<RulerReader> rulerReader() {
        return Optional.empty();
    }

    /** The LIME explainer, when one is available. Called off the FX thread. */
    default Optional<Explainer> explainer() {
        return Optional.empty();
    }

    /** PDF export of the current case; while absent the Export PDF action is disabled. */
    default Optional<CaseExporter> pdfExporter() {
        return Optional.empty();
    }

    /** Saving the current case to the case log; while absent the Save action is disabled. */
    default Optional<CaseLogWriter> caseLog() {
        return Optional.empty();
    }

    /** Aligns an earlier image of a lesion onto the one on screen; while absent, Compare is disabled. */
    default Optional<LesionRegistrar> lesionRegistrar() {
        return Optional.empty();
    }

    /** The same lesion's saved cases, to compare with; while absent only an image file can be chosen. */
    default Optional<EarlierCases> earlierCases() {
        return Optional.empty();
    }

    /** The comparison PDF; while absent its Save button is disabled. */
    default Optional<ComparisonExporter> comparisonExporter() {
        return Optional.empty();
    }

    /** Prefills age, sex and body site from a loaded metadata CSV; empty when nothing is known. */
    default Optional<CaseMetadataLookup> metadata() {
        return Optional.empty();
    }
}

package org.dermdesk.ui;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.dermdesk.core.AnalysisResult;
import org.dermdesk.core.CaseDetails;
import org.dermdesk.core.CaseRecord;
import org.dermdesk.core.Explanation;
import org.dermdesk.core.Prediction;

/**
 * The case exactly as the reviewer sees it, for the PDF and the case log: read on the UI thread at the
 * moment of export, so that later edits cannot change what is written.
 */
final class CaseCapture {

    private final ResultViewModel result;
    private final CaseViewModel caseDetails;
    private final ExplanationViewModel explanation;
    private final OverlayViewModel overlays;
    private final Supplier<AnalysisResult> analysis;
    private final Consumer<UserMessage> messages;

    CaseCapture(ResultViewModel result, CaseViewModel caseDetails, ExplanationViewModel explanation,
            OverlayViewModel overlays, Supplier<AnalysisResult> analysis, Consumer<UserMessage> messages) {
        this.result = result;
        this.caseDetails = caseDetails;
        this.explanation = explanation;
        this.overlays = overlays;
        this.analysis = analysis;
        this.messages = messages;
    }

    /** As {@link #shown()}, but an invalid age is told to the reviewer instead of silently giving nothing. */
    Optional<Work<CaseRecord>> checked() {
        String problem = caseDetails.ageProblem();
        if (!problem.isEmpty()) {
            messages.accept(UserMessage.error("Check the case details", problem));
            return Optional.empty();
        }
        return shown();
    }

    /**
     * The case as shown (prediction at the threshold on screen, the reviewer's details), captured now;
     * the returned work draws the heatmap as seen into the image, off the UI thread. Empty when no image
     * has been analysed or the age entered is invalid.
     */
    Optional<Work<CaseRecord>> shown() {
        Prediction judged = result.judgedProperty().get();
        AnalysisResult a = analysis.get();
        if (judged == null || a == null || !caseDetails.ageProblem().isEmpty()) {
            return Optional.empty();
        }
        Instant now = Instant.now();
        CaseDetails details = caseDetails.details();
        Explanation e = explanation.explanationProperty().get();
        ArgbRaster heat = overlays.layerProperty(OverlayKind.HEATMAP).get();
        double opacity = overlays.heatmapOpacityProperty().get();
        return Optional.of((p, c) -> new CaseRecord(now, String.valueOf(a.file().getFileName()), a.file(), a.sha256(),
                details, judged, a.quality(), e, a.image(),
                heat == null ? null : OverlayRenderer.composite(a.image(), heat, opacity), a.hairRemoved()));
    }
}

package org.dermdesk.ui;

import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.dermdesk.core.ExplainRequest;
import org.dermdesk.core.Explainer;
import org.dermdesk.core.Explanation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one explanation on the {@link TaskRunner} and shows it (the explanation panel and the heatmap
 * layer) unless, meanwhile, another image was opened or the image was classified again.
 */
final class ExplanationTask {

    private static final Logger LOG = LoggerFactory.getLogger(ExplanationTask.class);

    private record Explained(Explanation explanation, ArgbRaster heatmap) {
    }

    private final TaskRunner runner;
    private final ExplanationViewModel explanation;
    private final OverlayViewModel overlays;
    private final Consumer<String> status;
    private final Consumer<UserMessage> messages;

    ExplanationTask(TaskRunner runner, ExplanationViewModel explanation, OverlayViewModel overlays,
                    Consumer<String> status, Consumer<UserMessage> messages) {
        this.runner = runner;
        this.explanation = explanation;
        this.overlays = overlays;
        this.status = status;
        this.messages = messages;
    }

    /**
     * @param sameImage    whether the window still shows the image the request was made for
     * @param sameClassification whether that image's classification is still the one explained
     */
    TaskHandle start(Explainer explainer, ExplainRequest request, int topK, String outline,
                     BooleanSupplier sameImage, BooleanSupplier sameClassification) {
        explanation.runningProperty().set(true);
        status.accept("Explaining the result\u2026");
        return runner.submit("Explaining", true, (progress, cancel) -> {
            Explanation e = explainer.explain(request, progress, cancel);
            return new Explained(e, OverlayViewModel.renderHeatmap(e, topK, outline));
        }, done -> {
            explanation.runningProperty().set(false);
            if (sameImage.getAsBoolean() && !sameClassification.getAsBoolean()) {
                status.accept("Explanation discarded: the image was classified again. Explain again for the new result.");
            } else if (sameImage.getAsBoolean()) {
                explanation.explanationProperty().set(done.explanation());
                overlays.setHeatmap(done.heatmap());
                overlays.visibleProperty(OverlayKind.HEATMAP).set(true);
                status.accept("Explanation ready.");
            }
        }, error -> {
            explanation.runningProperty().set(false);
            LOG.error("Explaining failed", error);
            status.accept("Explanation failed.");
            messages.accept(UserMessage.error("Could not explain the result", UserMessage.describe(error)
                    + "\n\nThe result itself is unaffected. Try again, perhaps with fewer samples."));
        }, () -> {
            explanation.runningProperty().set(false);
            status.accept("Explanation cancelled.");
        });
    }
}

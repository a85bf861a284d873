package org.dermdesk.core;

/** Explains one prediction (LIME); must poll {@code cancellation} between batches. */
@FunctionalInterface
public interface Explainer {

    Explanation explain(ExplainRequest request, ProgressListener progress, Cancellation cancellation) throws Exception;
}

package org.dermdesk.ui;

import org.dermdesk.core.Cancellation;
import org.dermdesk.core.Explanation;
import org.dermdesk.core.ProgressListener;

/** Explains one prediction (LIME); must poll {@code cancellation} between batches. */
@FunctionalInterface
public interface Explainer {

    Explanation explain(ExplainRequest request, ProgressListener progress, Cancellation cancellation) throws Exception;
}

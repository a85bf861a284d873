package org.dermdesk.report;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.dermdesk.core.ResultWording;

/**
 * The model's measured performance as each PDF prints it: the test split's figures (else the validation
 * split's), then which split and the operating threshold. Takes the model card's plain maps, so that
 * the window and {@code batch} build the same lines without the report knowing the model layer.
 */
public final class ValidationMetrics {

    private ValidationMetrics() {
    }

    /**
     * @param metricsBySplit the model card's metrics by split name ("test", "validation", ...); may be null
     * @param threshold      the model's operating threshold
     * @return label to value in display order; empty when the card has no test or validation figures
     */
    public static Map<String, String> of(Map<String, Map<String, Object>> metricsBySplit, double threshold) {
        Map<String, String> m = new LinkedHashMap<>();
        if (metricsBySplit == null) {
            return m;
        }
        String split = metricsBySplit.containsKey("test") ? "test" : "validation";
        Map<String, Object> values = metricsBySplit.get(split);
        if (values == null) {
            return m;
        }
        values.forEach((k, v) -> {
            if (v instanceof Number n) {
                boolean whole = n instanceof Integer || n instanceof Long;
                m.put(k.replace('_', ' '), whole ? n.toString() : String.format(Locale.ROOT, "%.3f", n.doubleValue()));
            }
        });
        m.put("on", split + " split");
        m.put("threshold", ResultWording.percent(threshold));
        return m;
    }
}

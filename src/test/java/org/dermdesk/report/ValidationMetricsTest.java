package org.dermdesk.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValidationMetricsTest {

    @Test
    void printsTheTestSplitsFiguresThenTheSplitAndTheThreshold() {
        Map<String, Object> test = new LinkedHashMap<>();
        test.put("roc_auc", 0.87612);
        test.put("n", 1503);
        test.put("note", "not a number, not printed");
        Map<String, String> m = ValidationMetrics.of(Map.of("test", test, "validation", Map.of("roc_auc", 0.9)), 0.35);
        assertEquals(List.of("roc auc", "n", "on", "threshold"), List.copyOf(m.keySet()));
        assertEquals("0.876", m.get("roc auc"));
        assertEquals("1503", m.get("n"));
        assertEquals("test split", m.get("on"));
        assertEquals("35.0 %", m.get("threshold"));
    }

    @Test
    void fallsBackToValidationAndIsEmptyWithoutFigures() {
        assertEquals("validation split", ValidationMetrics.of(Map.of("validation", Map.of("ece", 0.02)), 0.5).get("on"));
        assertTrue(ValidationMetrics.of(null, 0.5).isEmpty());
        assertTrue(ValidationMetrics.of(Map.of("image_level_test", Map.of("ece", 0.02)), 0.5).isEmpty());
    }
}

package org.dermdesk.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;
import org.dermdesk.core.ChangeRule;
import org.dermdesk.core.DermoscopicColour;
import org.dermdesk.core.LesionComparison;
import org.dermdesk.core.Registration;

/** The {@code compare} command's JSON object. */
final class ComparisonJson {

    private ComparisonJson() {
    }

    static ObjectNode of(LesionComparison c) {
        ObjectNode n = AnalysisJson.MAPPER.createObjectNode();
        n.put("before", c.before().name());
        n.put("after", c.after().name());
        n.put("changed", c.changed());
        n.put("same_lesion", c.sameLesion());
        n.put("may_be_same_lesion", c.maybeSameLesion());
        n.put("verdict", c.verdict());
        n.put("calibrated", c.calibrated());
        n.put("area_change_percent", round(c.areaChangePercent(), 1));
        n.put("diameter_change_percent", round(c.diameterChangePercent(), 1));
        if (c.diameterChangeMm() == null) {
            n.putNull("diameter_change_mm");
        } else {
            n.put("diameter_change_mm", round(c.diameterChangeMm(), 2));
        }
        n.put("asymmetry_before", c.before().measurements().asymmetry());
        n.put("asymmetry_after", c.after().measurements().asymmetry());
        colours(n.putArray("colours_before"), c.before().measurements().colours());
        colours(n.putArray("colours_after"), c.after().measurements().colours());
        colours(n.putArray("colours_added"), c.coloursAdded());
        colours(n.putArray("colours_lost"), c.coloursLost());
        probability(n, "p_malignant_before", c.before().pMalignant());
        probability(n, "p_malignant_after", c.after().pMalignant());
        Registration r = c.registration();
        ObjectNode reg = n.putObject("registration");
        reg.put("method", r.method());
        reg.put("success", r.success());
        reg.put("residual", round(r.residual(), 3));
        numberOrNull(reg, "skin_residual", r.skinResidual(), 3);
        reg.put("outline_overlap", round(r.maskJaccard(), 3));
        numberOrNull(reg, "lesion_correlation", r.lesionCorrelation(), 3);
        reg.put("scale", round(r.scale(), 4));
        reg.put("scale_from_skin", r.scaleFromSkin());
        reg.put("rotation_deg", round(r.rotationDeg(), 1));
        reg.put("shift_x_px", round(r.dx(), 1));
        reg.put("shift_y_px", round(r.dy(), 1));
        numberOrNull(n, "appearance_evidence", c.appearanceEvidence(), 3);
        numberOrNull(n, "same_lesion_score", c.sameLesionScore(), 3);
        n.put("area_threshold_percent", round(ChangeRule.areaThreshold(r), 1));
        strings(n.putArray("changes"), c.changes());
        strings(n.putArray("different_lesion_reasons"), c.differentReasons());
        n.put("scale_note", c.scaleNote());
        return n;
    }

    /** The value rounded, or null when there is none or it is not a number. */
    private static void numberOrNull(ObjectNode n, String key, Double value, int digits) {
        if (value != null && Double.isFinite(value)) {
            n.put(key, round(value, digits));
        } else {
            n.putNull(key);
        }
    }

    private static void probability(ObjectNode n, String key, Double p) {
        if (p == null) {
            n.putNull(key);
        } else {
            n.put(key, round(p, 4));
        }
    }

    private static void colours(ArrayNode a, Set<DermoscopicColour> colours) {
        for (DermoscopicColour c : colours) a.add(c.key());
    }

    private static void strings(ArrayNode a, List<String> s) {
        for (String x : s) a.add(x);
    }

    private static double round(double v, int places) {
        if (!Double.isFinite(v)) return v;
        double f = Math.pow(10, places);
        return Math.round(v * f) / f;
    }
}

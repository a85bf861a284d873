package org.dermdesk.cli;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.dermdesk.core.AnalysisResult;
import org.dermdesk.core.ArtifactKind;
import org.dermdesk.core.LesionMeasurements;
import org.dermdesk.core.LesionRegion;
import org.dermdesk.core.MeasurementWording;
import org.dermdesk.core.Scale;
import org.dermdesk.core.TotalDermoscopyScore;
import org.dermdesk.core.QualityReport;
import org.dermdesk.core.Diagnosis;
import org.dermdesk.core.ModelInfo;
import org.dermdesk.core.ImageSuitability;
import org.dermdesk.core.Prediction;

/** The stable JSON form of an analysis (one object per image; scripts depend on these field names). */
final class AnalysisJson {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private AnalysisJson() {
    }

    /** Null fields when the model has no image-kind check. */
    private static void addSuitability(ObjectNode node, ImageSuitability s) {
        if (s == null) {
            node.putNull("dermoscopic");
            node.putNull("dermoscopic_score");
            node.putNull("unfamiliar");
            node.putNull("unfamiliar_score");
            return;
        }
        node.put("dermoscopic", s.dermoscopic());
        node.put("dermoscopic_score", round(s.dermoscopicScore()));
        node.put("unfamiliar", s.unfamiliar());
        node.put("unfamiliar_score", round(s.unfamiliarScore()));
    }

    static ObjectNode ok(AnalysisResult r) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("image", r.file().toString());
        node.put("sha256", r.sha256());
        node.put("status", "ok");
        node.putNull("error");
        Prediction p = r.prediction();
        node.put("p_malignant", round(p.pMalignant()));
        node.put("p_malignant_image_only", round(p.imagePMalignant()));
        node.put("adjusted_for_age_and_sex", p.adjustedForPatient());
        node.put("malignant", p.malignant());
        node.put("threshold", round(p.threshold()));
        if (!p.diagnoses().isEmpty()) {
            ObjectNode dx = node.putObject("diagnoses");
            for (Diagnosis d : Diagnosis.values()) {
                dx.put(d.code(), round(p.diagnoses().getOrDefault(d, 0.0)));
            }
        }
        node.set("model", model(p.model()));
        addSuitability(node, p.suitability());
        node.put("hair_removed", r.hairRemoved());
        if (r.quality() != null) {
            addQuality(node, r.quality());
        }
        addMeasurements(node, r.quality() == null ? null : r.quality().measurements());
        ObjectNode t = node.putObject("timings_ms");
        r.timingsMs().forEach(t::put);
        return node;
    }

    /** {@code artifacts}, {@code lesion}, {@code retake} and {@code retake_reasons} from the quality gate. */
    static void addQuality(ObjectNode node, QualityReport q) {
        ObjectNode artifacts = node.putObject("artifacts");
        for (ArtifactKind kind : ArtifactKind.values()) {
            q.finding(kind).ifPresent(f -> {
                ObjectNode a = artifacts.putObject(kind.key());
                a.put("present", f.present());
                a.put("score", round(f.score()));
                putFinite(a, "coverage_image", f.coverageImage());
                putFinite(a, "coverage_lesion", f.coverageLesion());
            });
        }
        LesionRegion lesion = q.lesion();
        if (lesion != null) {
            ObjectNode l = node.putObject("lesion");
            l.put("area", lesion.area());
            ObjectNode box = l.putObject("bounding_box");
            box.put("x", lesion.x());
            box.put("y", lesion.y());
            box.put("width", lesion.width());
            box.put("height", lesion.height());
            l.put("touches_border", lesion.touchesBorder());
        }
        node.put("retake", q.retake());
        ArrayNode reasons = node.putArray("retake_reasons");
        q.retakeReasons().forEach(reasons::add);
    }

    /**
     * {@code measurements}: the lesion's classical measurement, null when none was made. Millimetre
     * fields are null without a scale; pixel fields are always there.
     */
    static void addMeasurements(ObjectNode node, LesionMeasurements m) {
        if (m == null) {
            node.putNull("measurements");
            return;
        }
        ObjectNode o = node.putObject("measurements");
        Scale s = m.scale();
        putFinite(o, "scale_px_per_mm", s.pxPerMm());
        o.put("scale_source", s.source().key());
        o.put("scale_confidence", round(s.confidence()));
        putFinite(o, "diameter_mm", m.diameterMm());
        putFinite(o, "perpendicular_diameter_mm", m.perpendicularDiameterMm());
        putFinite(o, "area_mm2", m.areaMm2());
        o.put("diameter_px", round(m.diameterPx()));
        o.put("perpendicular_diameter_px", round(m.perpendicularDiameterPx()));
        o.put("area_px", round(m.areaPx()));
        o.put("asymmetry", m.asymmetry());
        o.put("border_sectors", m.borderSectors());
        ArrayNode colours = o.putArray("colours");
        m.colours().forEach(c -> colours.add(c.key()));
        TotalDermoscopyScore tds = m.tds();
        o.put("tds", tds.value());
        o.put("tds_omits_differential_structures", tds.omitsStructures());
        ArrayNode range = o.putArray("tds_range_with_structures");
        range.add(tds.lowest());
        range.add(tds.highest());
        o.put("basis", MeasurementWording.BASIS);
    }

    /** Coverage that is not meaningful (NaN) is written as null, which JSON can carry. */
    private static void putFinite(ObjectNode node, String field, double value) {
        if (Double.isFinite(value)) {
            node.put(field, round(value));
        } else {
            node.putNull(field);
        }
    }

    static ObjectNode error(String image, String sha256, String message) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("image", image);
        if (sha256 == null) {
            node.putNull("sha256");
        } else {
            node.put("sha256", sha256);
        }
        node.put("status", "error");
        node.put("error", message);
        return node;
    }

    static ObjectNode model(ModelInfo m) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("name", m.name());
        node.put("version", m.version());
        node.put("sha256", m.sha256());
        return node;
    }

    static double round(double v) {
        return Math.round(v * 1e6) / 1e6;
    }

    static Map<String, Object> asMap(ObjectNode node) {
        return MAPPER.convertValue(node, new TypeReference<Map<String, Object>>() { });
    }
}

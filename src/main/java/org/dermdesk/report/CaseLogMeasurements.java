package org.dermdesk.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.dermdesk.core.DermoscopicColour;
import org.dermdesk.core.LesionMeasurements;

/**
 * The lesion measurement as a version 3 case-log row keeps it: rounded as stored (millimetres and the
 * scale to 2 decimals, pixels to 1, the score to 2), so an entry read back equals the entry written.
 *
 * @param scalePxPerMm null without a scale, as are the three millimetre values
 * @param colours      colour keys ({@code light_brown}, ...) in dermoscopy's order
 * @param tds          Stolz's score without the differential-structures term
 */
public record CaseLogMeasurements(Double scalePxPerMm, String scaleSource, Double diameterMm, Double perpendicularDiameterMm,
                                  Double areaMm2, double diameterPx, int asymmetry, int borderSectors,
                                  List<String> colours, double tds) {

    public CaseLogMeasurements {
        scalePxPerMm = round(scalePxPerMm, 2);
        diameterMm = round(diameterMm, 2);
        perpendicularDiameterMm = round(perpendicularDiameterMm, 2);
        areaMm2 = round(areaMm2, 2);
        diameterPx = round(diameterPx, 1);
        tds = round(tds, 2);
        colours = List.copyOf(colours);
    }

    public static CaseLogMeasurements of(LesionMeasurements m) {
        return new CaseLogMeasurements(finite(m.scale().pxPerMm()), m.scale().source().key(), finite(m.diameterMm()),
                finite(m.perpendicularDiameterMm()), finite(m.areaMm2()), m.diameterPx(), m.asymmetry(), m.borderSectors(),
                m.colours().stream().map(DermoscopicColour::key).toList(), m.tds().value());
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static Double round(Double v, int places) {
        return v == null ? null : round(v.doubleValue(), places);
    }

    private static double round(double v, int places) {
        return Double.isFinite(v) ? BigDecimal.valueOf(v).setScale(places, RoundingMode.HALF_EVEN).doubleValue() : v;
    }
}

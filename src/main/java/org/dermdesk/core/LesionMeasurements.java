package org.dermdesk.core;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A classical measurement of the lesion from its outline and colours (not the model's opinion): size,
 * ABCD asymmetry, border and colours, and the total dermoscopy score. Lengths are kept in full-image
 * pixels; millimetres come from the {@link Scale} and are NaN without one.
 *
 * @param diameterPx              largest diameter (maximum Feret), pixels
 * @param perpendicularDiameterPx the lesion's extent perpendicular to the largest diameter, pixels
 * @param areaPx                  lesion area, pixels
 * @param diameterEnds            the largest diameter's end points {x1, y1, x2, y2} in image pixels (for drawing)
 * @param asymmetry               0 symmetric, 1 asymmetric about one principal axis, 2 about both (shape or colour)
 * @param borderSectors           of 8 sectors, how many end in an abrupt cut-off of pigment (0-8)
 * @param colours                 which of the six dermoscopic colours are present
 */
public record LesionMeasurements(Scale scale, double diameterPx, double perpendicularDiameterPx, double areaPx,
                                 double[] diameterEnds, int asymmetry, int borderSectors,
                                 Set<DermoscopicColour> colours) {

    public LesionMeasurements {
        Objects.requireNonNull(scale, "scale");
        Objects.requireNonNull(diameterEnds, "diameterEnds");
        if (diameterEnds.length != 4) {
            throw new IllegalArgumentException("diameterEnds needs x1, y1, x2, y2");
        }
        diameterEnds = diameterEnds.clone();
        // an EnumSet keeps the order dermoscopy lists the colours in
        colours = Collections.unmodifiableSet(colours.isEmpty() ? EnumSet.noneOf(DermoscopicColour.class) : EnumSet.copyOf(colours));
        if (asymmetry < 0 || asymmetry > 2) {
            throw new IllegalArgumentException("asymmetry must be 0, 1 or 2: " + asymmetry);
        }
        if (borderSectors < 0 || borderSectors > 8) {
            throw new IllegalArgumentException("border sectors must be 0..8: " + borderSectors);
        }
    }

    /** The same measurement at another scale (e.g. the user's device profile where no ruler was found). */
    public LesionMeasurements withScale(Scale newScale) {
        return new LesionMeasurements(newScale, diameterPx, perpendicularDiameterPx, areaPx, diameterEnds, asymmetry,
                borderSectors, colours);
    }

    @Override
    public double[] diameterEnds() {
        return diameterEnds.clone();
    }

    public double diameterMm() {
        return scale.mm(diameterPx);
    }

    public double perpendicularDiameterMm() {
        return scale.mm(perpendicularDiameterPx);
    }

    public double areaMm2() {
        return scale.mm2(areaPx);
    }

    /** Stolz's score from A, B and C; the differential-structures term D cannot be measured here and is omitted. */
    public TotalDermoscopyScore tds() {
        return TotalDermoscopyScore.withoutStructures(asymmetry, borderSectors, colours.size());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LesionMeasurements m && scale.equals(m.scale)
                && Double.compare(diameterPx, m.diameterPx) == 0
                && Double.compare(perpendicularDiameterPx, m.perpendicularDiameterPx) == 0
                && Double.compare(areaPx, m.areaPx) == 0 && java.util.Arrays.equals(diameterEnds, m.diameterEnds)
                && asymmetry == m.asymmetry && borderSectors == m.borderSectors && colours.equals(m.colours);
    }

    @Override
    public int hashCode() {
        return Objects.hash(scale, diameterPx, perpendicularDiameterPx, areaPx, java.util.Arrays.hashCode(diameterEnds),
                asymmetry, borderSectors, colours);
    }
}

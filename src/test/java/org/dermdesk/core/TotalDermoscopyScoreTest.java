package org.dermdesk.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class TotalDermoscopyScoreTest {

    @Test
    void isStolzsWeightedSumWithTheUsualCutOffs() {
        TotalDermoscopyScore full = new TotalDermoscopyScore(2, 6, 4, 4);
        assertEquals(1.3 * 2 + 0.1 * 6 + 0.5 * 4 + 0.5 * 4, full.value(), 1e-9);
        assertEquals(TotalDermoscopyScore.Reading.HIGHLY_SUSPICIOUS, full.reading());
        assertEquals(TotalDermoscopyScore.Reading.BENIGN, new TotalDermoscopyScore(0, 2, 2, 2).reading());
        assertEquals(TotalDermoscopyScore.Reading.SUSPICIOUS, new TotalDermoscopyScore(1, 5, 3, 3).reading(), "1.3 + 0.5 + 1.5 + 1.5 = 4.8");
    }

    @Test
    void withoutStructuresTheScoreSaysSoAndGivesTheRangeDCouldAdd() {
        TotalDermoscopyScore t = TotalDermoscopyScore.withoutStructures(1, 5, 3);
        assertTrue(t.omitsStructures());
        assertEquals(3.3, t.value(), 1e-9);
        assertEquals(3.8, t.lowest(), 1e-9);
        assertEquals(5.8, t.highest(), 1e-9);
        assertEquals(TotalDermoscopyScore.Reading.DEPENDS_ON_STRUCTURES, t.reading());
        assertEquals(TotalDermoscopyScore.Reading.BENIGN, TotalDermoscopyScore.withoutStructures(0, 0, 1).reading(), "at most 3.0");
        assertEquals(1, TotalDermoscopyScore.withoutStructures(0, 0, 0).colours(), "a lesion has at least one colour");
        assertTrue(MeasurementWording.tds(t).contains(MeasurementWording.STRUCTURES_OMITTED));
    }

    @Test
    void rejectsPartsOutsideTheirRanges() {
        assertThrows(IllegalArgumentException.class, () -> new TotalDermoscopyScore(3, 0, 1, null));
        assertThrows(IllegalArgumentException.class, () -> new TotalDermoscopyScore(0, 9, 1, null));
        assertThrows(IllegalArgumentException.class, () -> new TotalDermoscopyScore(0, 0, 1, 6));
    }

    @Test
    void sizesStayInPixelsWithoutAScaleAndConvertWithOne() {
        LesionMeasurements px = new LesionMeasurements(Scale.unknown(), 200, 150, 24000, new double[4], 0, 8,
                EnumSet.of(DermoscopicColour.LIGHT_BROWN));
        assertTrue(Double.isNaN(px.diameterMm()) && Double.isNaN(px.areaMm2()));
        LesionMeasurements mm = px.withScale(Scale.deviceProfile(20));
        assertEquals(10, mm.diameterMm(), 1e-9);
        assertEquals(7.5, mm.perpendicularDiameterMm(), 1e-9);
        assertEquals(60, mm.areaMm2(), 1e-9);
        assertEquals(ScaleSource.DEVICE_PROFILE, mm.scale().source());
        assertThrows(IllegalArgumentException.class, () -> new Scale(Double.NaN, ScaleSource.RULER, 1, 1, 0),
                "a ruler scale needs a value: never a guessed millimetre");
    }
}

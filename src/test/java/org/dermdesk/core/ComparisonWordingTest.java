package org.dermdesk.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ComparisonWordingTest {

    private static final LesionImage IMAGE = new LesionImage("a.png", 4, 4, new byte[48]);
    private static final Mask MASK = new Mask(4, 4, new byte[16]);
    private static final Set<DermoscopicColour> LB = EnumSet.of(DermoscopicColour.LIGHT_BROWN);
    private static final LesionContrast BROWN = new LesionContrast(-30, 10, 15);

    /** A comparison built directly, so the changes are exactly the tiny ones under test. */
    private static LesionComparison comparison(Scale scale, double areaPercent, double diameterPercent, Double diameterMm,
                                               Double pBefore, Double pAfter, boolean sameLesion) {
        LesionMeasurements m = new LesionMeasurements(scale, 100, 80, 8000, new double[4], 1, 0, LB);
        Registration r = new Registration("moments+ecc-content+ecc-skin", true, 0.05, 0.05, 1, 0, 0, 0, true, 0.9, 0.9, IMAGE, MASK, null);
        return new LesionComparison(new FollowUpImage("before.jpg", IMAGE, MASK, m, pBefore, BROWN),
                new FollowUpImage("after.jpg", IMAGE, MASK, m, pAfter, BROWN), r, scale.known(), areaPercent,
                diameterPercent, diameterMm, Set.of(), Set.of(), sameLesion,
                sameLesion ? List.of() : List.of("The lesions differ."), false, List.of(), "note");
    }

    private static String change(LesionComparison c, String label) {
        return ComparisonWording.rows(c).stream().filter(r -> r.label().equals(label)).findFirst().orElseThrow().change();
    }

    @Test
    void changesThatRoundToZeroReadZeroWithoutASign() {
        LesionComparison c = comparison(Scale.unknown(), -0.3, 0.4, null, 0.200, 0.198, true);
        assertEquals("0% (relative)", change(c, "Area"));
        assertEquals("0% (relative)", change(c, "Largest diameter"));
        assertEquals("0 points", change(c, "Model p(malignant)"));
    }

    @Test
    void calibratedDiameterThatRoundsToZeroReadsZero() {
        LesionComparison c = comparison(Scale.deviceProfile(20), 0.2, -0.4, -0.04, null, null, true);
        assertEquals("0.0 mm (0%)", change(c, "Largest diameter"));
        assertEquals("0%", change(c, "Area"));
    }

    @Test
    void realChangesKeepTheirSign() {
        LesionComparison c = comparison(Scale.deviceProfile(20), -12.4, 7.6, 0.36, 0.20, 0.13, true);
        assertEquals("+0.4 mm (+8%)", change(c, "Largest diameter"));
        assertEquals("-12%", change(c, "Area"));
        assertEquals("-7 points", change(c, "Model p(malignant)"));
    }

    @Test
    void outlinedTogetherSizesAreTheOnesShownAndCompared() {
        LesionMeasurements own = new LesionMeasurements(Scale.unknown(), 60, 50, 1500, new double[4], 1, 0, LB);
        LesionMeasurements ownLater = new LesionMeasurements(Scale.unknown(), 165, 120, 9000, new double[4], 1, 0, LB);
        Registration r = new Registration("moments+ecc-content+ecc-skin", true, 0.02, 0.04, 0.57, -0.2, 0, 0, true, 0.96, 0.98,
                IMAGE, MASK, new Registration.OutlinedTogether(1556, 1546, 60, 61, MASK, MASK));
        LesionComparison c = new ChangeRule().compare(new FollowUpImage("before.jpg", IMAGE, MASK, own, null, BROWN),
                new FollowUpImage("after.jpg", IMAGE, MASK, ownLater, null, BROWN), r);
        ComparisonWording.Row diameter = ComparisonWording.rows(c).get(0);
        assertEquals(List.of("60 px", "61 px", "+2% (relative, outlined together)"),
                List.of(diameter.before(), diameter.after(), diameter.change()), "not the later image's own outline (165 px)");
        assertEquals("-1% (relative, outlined together)", change(c, "Area"));
        assertTrue(ComparisonWording.registration(r).endsWith("turn 0°)."), ComparisonWording.registration(r));
    }

    @Test
    void signedRoundsTheMagnitudeOnce() {
        assertEquals("0", ComparisonWording.signed(-0.49, 0));
        assertEquals("-1", ComparisonWording.signed(-0.5, 0));
        assertEquals("+0.1", ComparisonWording.signed(0.05, 1));
        assertEquals("0.0", ComparisonWording.signed(-0.0, 1));
    }
}

package org.dermdesk.imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;
import java.util.function.ToDoubleBiFunction;
import org.dermdesk.core.DermoscopicColour;
import org.dermdesk.core.LesionImage;
import org.dermdesk.core.LesionMeasurements;
import org.dermdesk.core.ScaleSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Measurements of drawn lesions of known size beside drawn rulers of known spacing. */
class LesionMeasurerTest {

    private static LesionMeasurements measure(SyntheticImages img) {
        return measure(img.image());
    }

    private static LesionMeasurements measure(LesionImage img) {
        LesionMeasurements m = new ArtifactQualityGate().assess(img).measurements();
        assertNotNull(m, "no lesion measured");
        return m;
    }

    /** 1024x768 (or scaled) images covering 17-41 mm, as dermoscopy does; ellipse of 9 x 6 mm at the given rotation. */
    @ParameterizedTest(name = "{0} px/mm, {1} x {2} image, ellipse at {3} degrees, ruler {4}")
    @CsvSource({
        "25, 1024, 768, 0, bottom",
        "25, 1024, 768, 35, bottom",
        "30, 1024, 768, 80, right",
        "45, 1024, 768, 120, bottom",
        "15, 512, 384, 60, bottom",
        "60, 2048, 1536, 15, right",
    })
    void diameterInMillimetresFromADrawnRulerWithinFivePercent(double pxPerMm, int w, int h, double degrees, String side) {
        double a = 4.5 * pxPerMm;
        double b = 3.0 * pxPerMm;
        SyntheticImages img = MeasurementImages.lesion(w, h, MeasurementImages.ellipse(w / 2.0, h / 2.0 - 10, a, b, degrees));
        if (side.equals("bottom")) {
            MeasurementImages.bottomRuler(img, pxPerMm, false);
        } else {
            MeasurementImages.rightRuler(img, pxPerMm);
        }
        LesionMeasurements m = measure(img);
        assertEquals(ScaleSource.RULER, m.scale().source());
        assertEquals(pxPerMm, m.scale().pxPerMm(), 0.02 * pxPerMm, "scale");
        assertEquals(9.0, m.diameterMm(), 0.05 * 9.0, "largest diameter");
        assertEquals(6.0, m.perpendicularDiameterMm(), 0.05 * 6.0 + 0.1, "perpendicular diameter");
        assertEquals(Math.PI * 4.5 * 3.0, m.areaMm2(), 0.10 * Math.PI * 4.5 * 3.0, "area");
    }

    @Test
    void halfMillimetreTicksAreReadAsHalfMillimetres() {
        double pxPerMm = 28;
        SyntheticImages img = MeasurementImages.lesion(1024, 768, MeasurementImages.ellipse(512, 370, 5 * pxPerMm, 3.5 * pxPerMm, 20));
        MeasurementImages.bottomRuler(img, pxPerMm, true);
        LesionMeasurements m = measure(img);
        assertEquals(0.5, m.scale().tickMm());
        assertEquals(pxPerMm, m.scale().pxPerMm(), 0.02 * pxPerMm);
        assertEquals(10.0, m.diameterMm(), 0.5);
    }

    @Test
    void withoutARulerSizesStayInPixelsAndTheScaleIsUnknown() {
        LesionMeasurements m = measure(MeasurementImages.lesion(1024, 768, MeasurementImages.ellipse(512, 384, 200, 130, 30)));
        assertEquals(ScaleSource.UNKNOWN, m.scale().source());
        assertTrue(Double.isNaN(m.diameterMm()) && Double.isNaN(m.areaMm2()) && Double.isNaN(m.perpendicularDiameterMm()));
        assertEquals(400, m.diameterPx(), 0.05 * 400);
        assertEquals(260, m.perpendicularDiameterPx(), 0.05 * 260);
        double[] ends = m.diameterEnds();
        assertEquals(400, Math.hypot(ends[2] - ends[0], ends[3] - ends[1]), 0.05 * 400, "drawn diameter");
    }

    @ParameterizedTest(name = "rotated {0} degrees")
    @CsvSource({"0", "40", "90"})
    void aSymmetricLesionScoresAsymmetryZero(double degrees) {
        assertEquals(0, measure(MeasurementImages.lesion(1024, 768, MeasurementImages.ellipse(512, 384, 220, 140, degrees))).asymmetry());
    }

    @ParameterizedTest(name = "rotated {0} degrees")
    @CsvSource({"0", "40", "90"})
    void anEggAsymmetricAlongOneAxisOnlyScoresOne(double degrees) {
        assertEquals(1, measure(MeasurementImages.lesion(1024, 768, MeasurementImages.egg(512, 384, 270, 130, 150, degrees))).asymmetry());
    }

    @Test
    void aSymmetricOutlineWithOneDarkerHalfScoresOne() {
        ToDoubleBiFunction<Integer, Integer> shape = MeasurementImages.ellipse(512, 384, 240, 150, 0);
        SyntheticImages img = MeasurementImages.lesion(1024, 768, shape);
        // the half above the major axis is darker: asymmetric in colour about the major axis only
        img.paint((x, y) -> y < 384 ? shape.applyAsDouble(x, y) : 0, 80, 45, 30);
        assertEquals(1, measure(img).asymmetry());
    }

    @Test
    void anIrregularLesionScoresTwo() {
        ToDoubleBiFunction<Integer, Integer> egg = MeasurementImages.egg(480, 400, 260, 120, 140, 0);
        ToDoubleBiFunction<Integer, Integer> lobe = MeasurementImages.ellipse(600, 270, 130, 90, 30);
        assertEquals(2, measure(MeasurementImages.lesion(1024, 768,
                (x, y) -> Math.max(egg.applyAsDouble(x, y), lobe.applyAsDouble(x, y)))).asymmetry());
    }

    @Test
    void aSharpOutlineIsAbruptInAllEightSectors() {
        assertEquals(8, measure(MeasurementImages.lesion(1024, 768, MeasurementImages.ellipse(512, 384, 220, 150, 25))).borderSectors());
    }

    @Test
    void aLesionFadingIntoTheSkinHasNoAbruptSector() {
        // pigment fades linearly over the outer 45% of the radius
        ToDoubleBiFunction<Integer, Integer> fade = (x, y) -> {
            double r = Math.hypot((x - 512) / 240.0, (y - 384) / 170.0);
            return Math.max(0, Math.min(1, (1 - r) / 0.45));
        };
        assertEquals(0, measure(MeasurementImages.lesion(1024, 768, fade)).borderSectors());
    }

    @Test
    void halfSharpHalfFadingIsAbruptInAboutHalfTheSectors() {
        ToDoubleBiFunction<Integer, Integer> shape = (x, y) -> {
            double r = Math.hypot((x - 512) / 240.0, (y - 384) / 170.0);
            return x >= 512 ? (r < 1 ? 1 : 0) : Math.max(0, Math.min(1, (1 - r) / 0.45));
        };
        int sectors = measure(MeasurementImages.lesion(1024, 768, shape)).borderSectors();
        assertTrue(sectors >= 3 && sectors <= 5, sectors + " abrupt sectors");
    }

    @Test
    void aPlainBrownLesionHasOneColour() {
        // the drawn brown is about 33 L* darker than the drawn skin: dark brown by the rule tuned on real images
        assertEquals(Set.of(DermoscopicColour.DARK_BROWN),
                measure(MeasurementImages.lesion(1024, 768, MeasurementImages.ellipse(512, 384, 220, 150, 0))).colours());
    }

    @Test
    void aBrownLesionWithABlackCentreAndABlueGreyPatchHasThreeColours() {
        SyntheticImages img = MeasurementImages.lesion(1024, 768, MeasurementImages.ellipse(512, 384, 240, 170, 0));
        img.paint(MeasurementImages.ellipse(470, 384, 80, 60, 0), 15, 12, 12);
        img.paint(MeasurementImages.ellipse(620, 384, 70, 60, 0), 70, 130, 145);
        assertEquals(EnumSet.of(DermoscopicColour.DARK_BROWN, DermoscopicColour.BLUE_GRAY, DermoscopicColour.BLACK),
                measure(img).colours());
    }
}

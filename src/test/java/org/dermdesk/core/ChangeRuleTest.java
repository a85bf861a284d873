package org.dermdesk.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChangeRuleTest {

    private static final LesionImage IMAGE = new LesionImage("a.png", 4, 4, new byte[48]);
    private static final Mask MASK = new Mask(4, 4, new byte[16]);
    private final ChangeRule rule = new ChangeRule();

    static FollowUpImage image(Scale scale, double diameterPx, double areaPx, int asymmetry, Set<DermoscopicColour> colours,
                               LesionContrast contrast, Double p) {
        LesionMeasurements m = new LesionMeasurements(scale, diameterPx, diameterPx * 0.8, areaPx, new double[4], asymmetry, 0, colours);
        return new FollowUpImage("x.jpg", IMAGE, MASK, m, p, contrast);
    }

    static Registration registration(boolean success, double scale, double jaccard, double pattern) {
        return registration(success, scale, jaccard, pattern, 0.02);
    }

    static Registration registration(boolean success, double scale, double jaccard, double pattern, double residual) {
        return registration(success, scale, jaccard, pattern, residual, residual);
    }

    static Registration registration(boolean success, double scale, double jaccard, double pattern, double residual,
                                     double skinResidual) {
        return new Registration("moments+ecc-content+ecc-skin", success, residual, skinResidual, scale, 0, 0, 0, true, jaccard,
                pattern, IMAGE, MASK, null);
    }

    /** A test identity space: evidence = (10 - squared distance) / 2, so 5 for identical coordinates, 0 at distance^2 10. */
    private static final Appearance.IdentitySpace SPACE = new Appearance.IdentitySpace(new float[] {1, 1, 1}, 10);

    private static FollowUpImage withAppearance(FollowUpImage f, float... coordinates) {
        return new FollowUpImage(f.name(), f.image(), f.mask(), f.measurements(), f.pMalignant(), f.contrast(),
                Appearance.of(coordinates, SPACE));
    }

    private static final LesionContrast BROWN = new LesionContrast(-30, 10, 15);
    private static final Set<DermoscopicColour> LB = EnumSet.of(DermoscopicColour.LIGHT_BROWN);

    @Test
    void aRetakeWithinVariationReadsUnchanged() {
        LesionComparison c = rule.compare(image(Scale.unknown(), 100, 8000, 1, LB, BROWN, 0.2),
                image(Scale.unknown(), 103, 8400, 1, LB, BROWN, 0.25), registration(true, 1, 0.9, 0.9));
        assertTrue(c.sameLesion());
        assertFalse(c.changed(), c.changes().toString());
        assertEquals(5, c.areaChangePercent(), 1e-9);
        assertNull(c.diameterChangeMm(), "no millimetres without a scale");
        assertTrue(c.scaleNote().contains("cannot be told from growth"), c.scaleNote());
    }

    @Test
    void areaIsComparedInTheEarlierImagesFrame() {
        // the later image is zoomed 1.2x: 1.44x the pixels is the same lesion
        LesionComparison c = rule.compare(image(Scale.unknown(), 100, 10000, 1, LB, BROWN, null),
                image(Scale.unknown(), 120, 14400, 1, LB, BROWN, null), registration(true, 1.2, 0.9, 0.9));
        assertEquals(0, c.areaChangePercent(), 1e-9);
        assertEquals(0, c.diameterChangePercent(), 1e-9);
        assertFalse(c.changed());
    }

    @Test
    void growthBeyondTheThresholdReadsChanged() {
        LesionComparison c = rule.compare(image(Scale.unknown(), 100, 10000, 1, LB, BROWN, null),
                image(Scale.unknown(), 110, 12000, 1, LB, BROWN, null), registration(true, 1, 0.8, 0.9));
        assertTrue(c.changed());
        assertEquals(20, c.areaChangePercent(), 1e-9);
        assertTrue(c.changes().get(0).contains("grew by 20%"), c.changes().toString());
    }

    @Test
    void calibratedImagesCompareDiametersInMillimetres() {
        Scale ruler = new Scale(20, ScaleSource.RULER, 0.9, 1, 0.01);
        Scale device = Scale.deviceProfile(25);
        LesionComparison c = rule.compare(image(ruler, 100, 8000, 1, LB, BROWN, null),
                image(device, 150, 12500, 1, LB, BROWN, null), registration(true, 1.25, 0.9, 0.9));
        assertTrue(c.calibrated());
        assertEquals(1.0, c.diameterChangeMm(), 1e-9); // 5 mm -> 6 mm
        assertEquals(0, c.areaChangePercent(), 1e-9); // 20 mm² both
        assertTrue(c.changed(), "a 1 mm rise in diameter counts");
    }

    @Test
    void calibratedImagesOutlinedTogetherAreMeasuredOnTheJointOutlineInEachImagesOwnScale() {
        Scale ruler = new Scale(20, ScaleSource.RULER, 0.9, 1, 0.01);
        Scale closer = new Scale(25, ScaleSource.RULER, 0.9, 1, 0.01);
        // each image's own outline says 20 mm² -> 40 mm² (one followed a skin fold); drawn together, 20 -> 20 mm²
        Mask jointBefore = new Mask(4, 4, new byte[16]);
        Mask jointAfter = new Mask(4, 4, new byte[16]);
        Registration.OutlinedTogether together = new Registration.OutlinedTogether(8000, 8000, 100, 100, jointBefore, jointAfter);
        Registration r = new Registration("moments+ecc-content+ecc-skin", true, 0.02, 0.02, 1.25, 0, 0, 0, true, 0.9, 0.9,
                IMAGE, MASK, together);
        LesionComparison c = rule.compare(image(ruler, 100, 8000, 1, LB, BROWN, null),
                image(closer, 180, 25000, 1, LB, BROWN, null), r);
        assertTrue(c.calibrated());
        assertEquals(0, c.areaChangePercent(), 1e-9); // 8000 px at 20 px/mm; 8000 x 1.25² px at 25 px/mm
        assertEquals(0, c.diameterChangeMm(), 1e-9);
        assertFalse(c.changed(), c.changes().toString());
        assertTrue(c.scaleNote().contains("outlined in both images by one rule"), c.scaleNote());
        ComparisonWording.Row area = ComparisonWording.rows(c).stream().filter(w -> w.label().equals("Area")).findFirst().orElseThrow();
        assertEquals("20.0 mm²", area.before());
        assertEquals("20.0 mm²", area.after());
        assertEquals("0% (outlined together)", area.change());
        assertSame(jointBefore, c.measuredBeforeOutline(), "the outlines shown are the ones measured");
        assertSame(jointAfter, c.measuredAfterOutline());
    }

    @Test
    void scalesThatContradictTheZoomOnTheSkinAreNotTrustedForSizes() {
        // one device profile for both, but the skin shows the later image at 0.74x: a magnification change, not a shrinkage
        Scale device = Scale.deviceProfile(20);
        Registration r = new Registration("moments+ecc-content+ecc-skin", true, 0.05, 0.05, 0.74, 0, 0, 0, true, 0.9, 0.9,
                IMAGE, MASK, null);
        LesionComparison c = rule.compare(image(device, 100, 10000, 1, LB, BROWN, null),
                image(device, 74, 5476, 1, LB, BROWN, null), r);
        assertFalse(c.calibrated(), "the scales do not fit these images");
        assertNull(c.diameterChangeMm());
        assertEquals(0, c.areaChangePercent(), 1e-9);
        assertFalse(c.changed(), c.changes().toString());
        assertTrue(c.scaleNote().contains("x0.74 where the scales give x1.00"), c.scaleNote());
        // the same pair measured at a zoom that fits the scales is compared in millimetres
        assertTrue(rule.compare(image(device, 100, 10000, 1, LB, BROWN, null), image(device, 74, 5476, 1, LB, BROWN, null),
                registration(true, 1.02, 0.9, 0.9, 0.05)).calibrated());
        // a ruler read 8 % off between two copies of one image is not a scale to measure growth by
        assertFalse(rule.compare(image(device, 100, 10000, 1, LB, BROWN, null), image(device, 74, 5476, 1, LB, BROWN, null),
                registration(true, 1.08, 0.9, 0.9, 0.05)).calibrated());
    }

    @Test
    void coloursAddedAndLostAreListed() {
        Set<DermoscopicColour> before = EnumSet.of(DermoscopicColour.LIGHT_BROWN, DermoscopicColour.DARK_BROWN);
        Set<DermoscopicColour> after = EnumSet.of(DermoscopicColour.DARK_BROWN, DermoscopicColour.BLUE_GRAY);
        LesionComparison c = rule.compare(image(Scale.unknown(), 100, 8000, 1, before, BROWN, null),
                image(Scale.unknown(), 100, 8000, 1, after, BROWN, null), registration(true, 1, 0.9, 0.9));
        assertEquals(EnumSet.of(DermoscopicColour.BLUE_GRAY), c.coloursAdded());
        assertEquals(EnumSet.of(DermoscopicColour.LIGHT_BROWN), c.coloursLost());
    }

    @Test
    void aFailedRegistrationMeansDifferentLesionsNotAChange() {
        LesionComparison c = rule.compare(image(Scale.unknown(), 100, 8000, 1, LB, BROWN, null),
                image(Scale.unknown(), 200, 30000, 2, LB, BROWN, null), registration(false, 1, 0.2, 0.1));
        assertFalse(c.sameLesion());
        assertFalse(c.changed(), "no change report for two different lesions");
        assertTrue(c.differentReasons().get(0).contains("could not be aligned"), c.differentReasons().toString());
        assertTrue(c.verdict().contains("different lesions"));
    }

    @Test
    void aDifferentColourAgainstTheSkinMeansDifferentLesions() {
        LesionContrast blue = new LesionContrast(-45, -5, -20);
        LesionComparison c = rule.compare(image(Scale.unknown(), 100, 8000, 1, LB, BROWN, null),
                image(Scale.unknown(), 100, 8000, 1, LB, blue, null), registration(true, 1, 0.9, 0.9));
        assertFalse(c.sameLesion());
        assertTrue(c.differentReasons().get(0).contains("colour"), c.differentReasons().toString());
    }

    @Test
    void aLooserAlignmentNeedsALargerChange() {
        FollowUpImage before = image(Scale.unknown(), 100, 10000, 1, LB, BROWN, null);
        FollowUpImage after = image(Scale.unknown(), 110, 12500, 1, LB, BROWN, null);
        assertTrue(rule.compare(before, after, registration(true, 1, 0.8, 0.9, 0.02)).changed(), "25% at residual 0.02 (threshold 15%)");
        LesionComparison loose = rule.compare(before, after, registration(true, 1, 0.8, 0.9, 0.2));
        assertFalse(loose.changed(), "25% at residual 0.2 (threshold 32%) is within re-take variation");
        assertEquals(32, ChangeRule.areaThreshold(loose.registration()), 1e-9);
    }

    @Test
    void aLesionThatGrewIsJudgedByTheSkinsAlignment() {
        FollowUpImage before = image(Scale.unknown(), 100, 10000, 1, LB, BROWN, null);
        FollowUpImage after = image(Scale.unknown(), 110, 12500, 1, LB, BROWN, null);
        // growth raises the whole image's residual; the skin around the lesion still aligns closely
        Registration grown = new Registration("moments+ecc-content+ecc-skin", true, 0.2, 0.01, 1, 0, 0, 0, true, 0.8, 0.9,
                IMAGE, MASK, null);
        assertEquals(15, ChangeRule.areaThreshold(grown), 1e-9);
        assertTrue(rule.compare(before, after, grown).changed());
        // flat skin gives a noisy skin residual: then the whole image's counts
        Registration flatSkin = new Registration("moments+ecc-content", true, 0.02, 0.4, 1, 0, 0, 0, false, 0.8, 0.9,
                IMAGE, MASK, null);
        assertEquals(15, ChangeRule.areaThreshold(flatSkin), 1e-9);
        Registration noSkin = new Registration("moments+ecc-content", true, 0.05, Double.NaN, 1, 0, 0, 0, false, 0.8, 0.9,
                IMAGE, MASK, null);
        assertEquals(17, ChangeRule.areaThreshold(noSkin), 1e-9);
    }

    @Test
    void imagesTheNetworkSeesAsUnalikeAreDifferentLesions() {
        FollowUpImage before = withAppearance(image(Scale.unknown(), 100, 8000, 1, LB, BROWN, null), 1, 0, 0);
        FollowUpImage alike = withAppearance(image(Scale.unknown(), 100, 8000, 1, LB, BROWN, null), 1, 1, 0);
        FollowUpImage unalike = withAppearance(image(Scale.unknown(), 100, 8000, 1, LB, BROWN, null), 1, 7, 1);
        LesionComparison same = rule.compare(before, alike, registration(true, 1, 0.9, 0.9));
        assertTrue(same.sameLesion(), same.differentReasons().toString());
        assertEquals(4.5, same.appearanceEvidence(), 1e-6);
        // two lesions lie on two patches of skin: the skin around them does not align (pairs of two lesions: median 0.87)
        LesionComparison other = rule.compare(before, unalike, registration(true, 1, 0.9, 0.9, 0.05, 0.9));
        assertFalse(other.sameLesion());
        assertTrue(other.differentReasons().get(0).contains("evidence -20.0"), other.differentReasons().toString());
        assertTrue(rule.compare(before, unalike, registration(true, 1, 0.9, 0.9, 0.01)).sameLesion(),
                "images aligned this closely show the same skin, however the network sees them");
    }

    @Test
    void aMiddlingEvidenceIsSettledByTheOutlinesAndThePattern() {
        FollowUpImage before = withAppearance(image(Scale.unknown(), 100, 8000, 1, LB, BROWN, null), 1, 0, 0);
        FollowUpImage middling = withAppearance(image(Scale.unknown(), 100, 8000, 1, LB, BROWN, null), 1, 1, 3);
        LesionComparison matching = rule.compare(before, middling, registration(true, 1, 0.9, 0.9, 0.1, 0.6));
        assertEquals(0, matching.appearanceEvidence(), 1e-6);
        assertTrue(matching.sameLesion(), "evidence 0 with matching outlines and pattern: " + matching.differentReasons());
        LesionComparison unmatched = rule.compare(before, middling, registration(true, 1, 0.9, 0.3, 0.1, 0.6));
        assertFalse(unmatched.sameLesion());
        assertTrue(unmatched.differentReasons().get(0).contains("same-lesion score"), unmatched.differentReasons().toString());
        assertEquals(1, unmatched.differentReasons().size(), "the pattern counts once, inside the score");
    }

    @Test
    void skinThatDoesNotAlignAroundALesionSpeaksForTwoLesions() {
        FollowUpImage before = withAppearance(image(Scale.unknown(), 100, 8000, 1, LB, BROWN, null), 1, 0, 0);
        FollowUpImage middling = withAppearance(image(Scale.unknown(), 100, 8000, 1, LB, BROWN, null), 1, 1, 3);
        LesionComparison alignedSkin = rule.compare(before, middling, registration(true, 1, 0.9, 0.6, 0.1, 0.2));
        assertTrue(alignedSkin.sameLesion(), alignedSkin.differentReasons().toString());
        LesionComparison otherSkin = rule.compare(before, middling, registration(true, 1, 0.9, 0.6, 0.1, 0.9));
        assertFalse(otherSkin.sameLesion());
        assertTrue(otherSkin.differentReasons().get(0).contains("skin around it (residual 0.90)"),
                otherSkin.differentReasons().toString());
        // too little skin to measure counts halfway: neither for nor against one lesion
        double unknown = SameLesionScore.of(0.9, 0.6, 0, Double.NaN);
        assertTrue(unknown < SameLesionScore.of(0.9, 0.6, 0, 0.2) && unknown > SameLesionScore.of(0.9, 0.6, 0, 0.9));
        assertEquals(SameLesionScore.of(0.9, 0.6, 0, 0.5), unknown, 1e-12);
    }

    @Test
    void withTheNetworksViewAColourChangeReadsAsAChangeNotAnotherLesion() {
        LesionContrast blue = new LesionContrast(-45, -5, -20);
        LesionComparison c = rule.compare(withAppearance(image(Scale.unknown(), 100, 8000, 1, LB, BROWN, null), 1, 0, 0),
                withAppearance(image(Scale.unknown(), 100, 8000, 1, EnumSet.of(DermoscopicColour.BLUE_GRAY), blue, null), 1, 0, 0),
                registration(true, 1, 0.9, 0.9, 0.05));
        assertTrue(c.sameLesion(), c.differentReasons().toString());
        assertEquals(EnumSet.of(DermoscopicColour.BLUE_GRAY), c.coloursAdded());
    }

    @Test
    void imagesTheNetworkRecognisesButThatCannotBeAlignedAreNotCalledTwoLesions() {
        FollowUpImage before = withAppearance(image(Scale.unknown(), 100, 8000, 1, LB, BROWN, null), 1, 0, 0);
        FollowUpImage recognised = withAppearance(image(Scale.unknown(), 100, 8000, 1, LB, BROWN, null), 1, 0, 0);
        LesionComparison c = rule.compare(before, recognised, registration(false, 1, 0.3, 0.1, 0.5));
        assertEquals(ChangeRule.RECOGNISED_EVIDENCE, c.appearanceEvidence(), 1e-6);
        assertFalse(c.sameLesion(), "no change report without an alignment");
        assertFalse(c.hasChangeReport());
        assertFalse(c.changed());
        assertTrue(c.maybeSameLesion());
        assertTrue(c.verdict().startsWith("These may be the same lesion, but the images could not be aligned"), c.verdict());
        assertEquals(2, c.differentReasons().size(), c.differentReasons().toString());
        assertTrue(c.differentReasons().get(0).contains("could not be aligned"), c.differentReasons().toString());
        assertTrue(c.differentReasons().get(1).contains("favours one lesion (evidence +5.0"), c.differentReasons().toString());
    }

    @Test
    void weakerEvidenceOrAnAlignmentThatSucceededKeepsTheTwoLesionVerdict() {
        FollowUpImage before = withAppearance(image(Scale.unknown(), 100, 8000, 1, LB, BROWN, null), 1, 0, 0);
        FollowUpImage alike = withAppearance(image(Scale.unknown(), 100, 8000, 1, LB, BROWN, null), 1, 1, 0);
        LesionComparison weaker = rule.compare(before, alike, registration(false, 1, 0.3, 0.1, 0.5));
        assertEquals(4.5, weaker.appearanceEvidence(), 1e-6);
        assertFalse(weaker.maybeSameLesion());
        assertTrue(weaker.verdict().contains("two different lesions"), weaker.verdict());
        // aligned, but outlines and pattern disagree: the score decides, however strong the network's view
        FollowUpImage recognised = withAppearance(image(Scale.unknown(), 100, 8000, 1, LB, BROWN, null), 1, 0, 0);
        LesionComparison aligned = rule.compare(before, recognised, registration(true, 1, 0.5, -0.2, 0.1));
        assertFalse(aligned.sameLesion(), aligned.differentReasons().toString());
        assertFalse(aligned.maybeSameLesion());
        // without the network's view nothing can recognise the lesion
        LesionComparison blind = rule.compare(image(Scale.unknown(), 100, 8000, 1, LB, BROWN, null),
                image(Scale.unknown(), 100, 8000, 1, LB, BROWN, null), registration(false, 1, 0.3, 0.1, 0.5));
        assertFalse(blind.maybeSameLesion());
    }

    @Test
    void anAsymmetryRiseCountsOnlyBetweenImagesAtASimilarZoom() {
        FollowUpImage before = image(Scale.unknown(), 100, 10000, 0, LB, BROWN, null);
        LesionComparison near = rule.compare(before, image(Scale.unknown(), 120, 14400, 2, LB, BROWN, null),
                registration(true, 1.2, 0.9, 0.9));
        assertTrue(near.changed(), "asymmetry 0 -> 2 at zoom 1.2");
        assertTrue(near.changes().get(0).contains("asymmetry rose"), near.changes().toString());
        LesionComparison closer = rule.compare(before, image(Scale.unknown(), 250, 62500, 2, LB, BROWN, null),
                registration(true, 2.5, 0.9, 0.9));
        assertFalse(closer.changed(), "a view 2.5x closer outlines more border detail: " + closer.changes());
        String asymmetryRow = ComparisonWording.rows(closer).stream().filter(r -> r.label().startsWith("Asymmetry"))
                .findFirst().orElseThrow().change();
        assertTrue(asymmetryRow.contains("not part of the verdict"), asymmetryRow);
    }
}

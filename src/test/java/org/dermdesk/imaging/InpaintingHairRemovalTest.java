package org.dermdesk.imaging;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.dermdesk.core.ArtifactFinding;
import org.dermdesk.core.ArtifactKind;
import org.dermdesk.core.LesionImage;
import org.dermdesk.core.Mask;
import org.dermdesk.core.QualityReport;
import org.junit.jupiter.api.Test;

class InpaintingHairRemovalTest {

    private static QualityReport reportWithHairMask(Mask mask) {
        ArtifactFinding hair = new ArtifactFinding(ArtifactKind.HAIR, mask.area() > 0, 0.5, 0, 0, mask);
        return new QualityReport(Map.of(ArtifactKind.HAIR, hair), null, false, List.of());
    }

    @Test
    void usesTheGatesHairMaskWhenTheReportCarriesOne() {
        LesionImage hairy = SyntheticImages.lesion(400, 300).hairs(4, 3).image();
        Mask empty = new Mask(400, 300, new byte[400 * 300]);
        assertSame(hairy, new InpaintingHairRemoval().apply(hairy, reportWithHairMask(empty)),
                "an empty gate mask means nothing to remove, even though this image has hair");

        QualityReport gate = new ArtifactQualityGate().assess(hairy);
        LesionImage cleaned = new InpaintingHairRemoval().apply(hairy, gate);
        assertNotSame(hairy, cleaned);
        assertTrue(Arrays.equals(new HairRemover().remove(hairy).rgb(), cleaned.rgb()),
                "the gate's mask is the detector's: the same result as detecting again");
    }

    @Test
    void detectsTheHairItselfWithoutAReport() {
        LesionImage hairy = SyntheticImages.lesion(400, 300).hairs(4, 3).image();
        LesionImage cleaned = new InpaintingHairRemoval().apply(hairy, null);
        assertFalse(Arrays.equals(hairy.rgb(), cleaned.rgb()));
        LesionImage clean = SyntheticImages.lesion(400, 300).image();
        assertSame(clean, new InpaintingHairRemoval().apply(clean, null));
    }
}

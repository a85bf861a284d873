package org.dermdesk.ui;

import org.dermdesk.core.ArtifactFinding;
import org.dermdesk.core.ArtifactKind;
import org.dermdesk.core.HairRemoval;
import org.dermdesk.core.LesionImage;
import org.dermdesk.core.Mask;
import org.dermdesk.core.QualityReport;

/** Test hair removal: paints the gate's hair mask in skin tone (so the fake classifier sees a lighter lesion). */
final class FakeHairRemoval implements HairRemoval {

    volatile int calls;

    @Override
    public LesionImage apply(LesionImage image, QualityReport quality) {
        calls++;
        Mask hair = quality == null ? null : quality.finding(ArtifactKind.HAIR).flatMap(ArtifactFinding::maskIfAny).orElse(null);
        if (hair == null || hair.area() == 0) {
            return image;
        }
        byte[] rgb = image.rgb().clone();
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) {
                if (hair.contains(x, y)) {
                    int i = (y * image.width() + x) * 3;
                    rgb[i] = (byte) 228;
                    rgb[i + 1] = (byte) 186;
                    rgb[i + 2] = (byte) 160;
                }
            }
        }
        return image.withPixels(rgb);
    }
}

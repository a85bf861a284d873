package org.dermdesk.ui;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.dermdesk.core.ArtifactFinding;
import org.dermdesk.core.ArtifactKind;
import java.util.EnumSet;
import org.dermdesk.core.DermoscopicColour;
import org.dermdesk.core.LesionImage;
import org.dermdesk.core.LesionMeasurements;
import org.dermdesk.core.Scale;
import org.dermdesk.core.ScaleSource;
import org.dermdesk.core.LesionRegion;
import org.dermdesk.core.Mask;
import org.dermdesk.core.QualityGate;
import org.dermdesk.core.QualityReport;

/**
 * Deterministic test gate on the synthetic images: near-black thin strokes are hair, black corners
 * are dark corners, brown is the lesion. Retake when hair covers over 15% of the lesion.
 */
final class FakeGate implements QualityGate {

    /** The scale the fixed measurement is made with (a ruler unless a test says otherwise). */
    volatile Scale scale = new Scale(12.5, ScaleSource.RULER, 0.9, 1.0, 0.02);

    @Override
    public QualityReport assess(LesionImage img) {
        int w = img.width();
        int h = img.height();
        byte[] lesion = new byte[w * h];
        byte[] hair = new byte[w * h];
        byte[] corner = new byte[w * h];
        int minX = w, minY = h, maxX = -1, maxY = -1;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int r = img.channel(x, y, 0);
                int g = img.channel(x, y, 1);
                int i = y * w + x;
                boolean nearCorner = Math.hypot((x - w / 2.0) / (w / 2.0), (y - h / 2.0) / (h / 2.0)) > 1.1;
                if (nearCorner && r < 20 && g < 20) {
                    corner[i] = 1;
                } else if (r < 45 && g < 35) {
                    hair[i] = 1;
                } else if (r < 175) {
                    lesion[i] = 1;
                    minX = Math.min(minX, x);
                    maxX = Math.max(maxX, x);
                    minY = Math.min(minY, y);
                    maxY = Math.max(maxY, y);
                }
            }
        }
        // hair crossing the lesion belongs to the lesion's area
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                if (hair[i] != 0 && enclosed(lesion, w, h, x, y)) {
                    lesion[i] = 1;
                }
            }
        }
        Mask lesionMask = new Mask(w, h, lesion);
        Mask hairMask = new Mask(w, h, hair);
        Mask cornerMask = new Mask(w, h, corner);
        Map<ArtifactKind, ArtifactFinding> f = new EnumMap<>(ArtifactKind.class);
        double hairOnLesion = hairMask.coverageOf(lesionMask);
        f.put(ArtifactKind.HAIR, new ArtifactFinding(ArtifactKind.HAIR, hairMask.coverage() > 0.002,
                Math.min(1, hairMask.coverage() * 20), hairMask.coverage(), hairOnLesion, hairMask));
        f.put(ArtifactKind.DARK_CORNER, new ArtifactFinding(ArtifactKind.DARK_CORNER, cornerMask.coverage() > 0.01,
                Math.min(1, cornerMask.coverage() * 5), cornerMask.coverage(), Double.NaN, cornerMask));
        f.put(ArtifactKind.RULER, new ArtifactFinding(ArtifactKind.RULER, false, 0, 0, 0, null));
        f.put(ArtifactKind.INK, new ArtifactFinding(ArtifactKind.INK, false, 0, 0, 0, null));
        f.put(ArtifactKind.BLUR, new ArtifactFinding(ArtifactKind.BLUR, false, 0.1, Double.NaN, Double.NaN, null));
        List<String> reasons = new ArrayList<>();
        if (hairOnLesion > 0.05) {
            reasons.add("Hair covers " + Math.round(hairOnLesion * 100) + "% of the lesion; shave or part it and retake.");
        }
        LesionRegion region = maxX < 0 ? null : new LesionRegion(lesionMask, lesionMask.area(), minX, minY,
                maxX - minX + 1, maxY - minY + 1, minX == 0 || minY == 0 || maxX == w - 1 || maxY == h - 1);
        // a fixed measurement wherever a lesion was found: the window's wiring is under test, not the measuring
        LesionMeasurements measured = region.area() == 0 ? null : new LesionMeasurements(
                scale, maxX - minX + 1, maxY - minY + 1, region.area(),
                new double[] {minX, (minY + maxY) / 2.0, maxX, (minY + maxY) / 2.0}, 1, 6,
                EnumSet.of(DermoscopicColour.LIGHT_BROWN, DermoscopicColour.DARK_BROWN));
        return new QualityReport(f, region, !reasons.isEmpty(), reasons, measured);
    }

    /** Whether lesion pixels lie on both sides of (x, y) within 8 pixels, horizontally or vertically. */
    private static boolean enclosed(byte[] lesion, int w, int h, int x, int y) {
        boolean l = false, r = false, u = false, d = false;
        for (int k = 1; k <= 8; k++) {
            l |= x - k >= 0 && lesion[y * w + x - k] != 0;
            r |= x + k < w && lesion[y * w + x + k] != 0;
            u |= y - k >= 0 && lesion[(y - k) * w + x] != 0;
            d |= y + k < h && lesion[(y + k) * w + x] != 0;
        }
        return (l && r) || (u && d);
    }
}

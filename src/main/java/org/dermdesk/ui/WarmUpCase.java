package org.dermdesk.ui;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.dermdesk.core.ArtifactFinding;
import org.dermdesk.core.ArtifactKind;
import org.dermdesk.core.Diagnosis;
import org.dermdesk.core.Explanation;
import org.dermdesk.core.LesionImage;
import org.dermdesk.core.LesionRegion;
import org.dermdesk.core.Mask;
import org.dermdesk.core.ModelInfo;
import org.dermdesk.core.Prediction;
import org.dermdesk.core.QualityReport;
import org.dermdesk.core.RetakeWording;

/**
 * A small made-up case for {@link PanelWarmUp}: a dark round lesion with every kind of finding, in
 * a suspicious and a benign variant, so that every row, style and text of the panels gets used.
 * Never shown, never saved.
 */
final class WarmUpCase {

    static final int WIDTH = 96;
    static final int HEIGHT = 72;
    private static final ModelInfo MODEL = new ModelInfo("warm-up", "0", "");

    private final boolean suspicious;
    private final Mask lesion;

    WarmUpCase(boolean suspicious) {
        this.suspicious = suspicious;
        byte[] inside = new byte[WIDTH * HEIGHT];
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                inside[y * WIDTH + x] = (byte) (Math.hypot(x - WIDTH / 2.0, y - HEIGHT / 2.0) < HEIGHT / 3.0 ? 1 : 0);
            }
        }
        lesion = new Mask(WIDTH, HEIGHT, inside);
    }

    LesionImage image() {
        byte[] rgb = new byte[WIDTH * HEIGHT * 3];
        for (int i = 0; i < WIDTH * HEIGHT; i++) {
            int level = lesion.pixels()[i] != 0 ? 90 : 200;
            rgb[3 * i] = (byte) level;
            rgb[3 * i + 1] = (byte) (level * 3 / 4);
            rgb[3 * i + 2] = (byte) (level / 2);
        }
        return new LesionImage("warm-up", WIDTH, HEIGHT, rgb);
    }

    Prediction prediction() {
        double p = suspicious ? 0.81 : 0.12;
        Map<Diagnosis, Double> d = new EnumMap<>(Diagnosis.class);
        double share = 1.0 / Diagnosis.values().length;
        for (Diagnosis diagnosis : Diagnosis.values()) {
            d.put(diagnosis, diagnosis.malignant() == suspicious ? share * 1.5 : share * 0.6);
        }
        return new Prediction(p, 0.4, d, MODEL);
    }

    /** Every finding present in the suspicious variant (with all severities), none in the benign one. */
    QualityReport quality() {
        Map<ArtifactKind, ArtifactFinding> findings = new EnumMap<>(ArtifactKind.class);
        double[] scores = {0.9, 0.6, 0.3};
        int i = 0;
        for (ArtifactKind kind : ArtifactKind.values()) {
            boolean present = suspicious;
            findings.put(kind, new ArtifactFinding(kind, present, present ? scores[i++ % scores.length] : 0.05,
                    0.04, kind.localised() ? 0.2 : Double.NaN, kind.localised() && present ? lesion : null));
        }
        LesionRegion region = new LesionRegion(lesion, lesion.area(), WIDTH / 2 - HEIGHT / 3, HEIGHT / 6,
                2 * HEIGHT / 3, 2 * HEIGHT / 3, false);
        List<String> reasons = suspicious ? List.of(RetakeWording.hairOnLesion(0.2)) : List.of();
        return new QualityReport(findings, region, suspicious, reasons);
    }

    /** Four segments (quadrants), the lesion's side pushing towards the verdict. */
    Explanation explanation() {
        int[] labels = new int[WIDTH * HEIGHT];
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                labels[y * WIDTH + x] = (y < HEIGHT / 2 ? 0 : 2) + (x < WIDTH / 2 ? 0 : 1);
            }
        }
        double p = prediction().pMalignant();
        double[] weights = {0.3, -0.1, 0.05, -0.2};
        return new Explanation(WIDTH, HEIGHT, weights.length, labels, weights, 0.1, suspicious ? 0.6 : 0.1, p, p,
                0.2, 0.6, 0.4, 0.4, suspicious ? OptionalDouble.of(0.8) : OptionalDouble.empty(),
                suspicious ? 0.4 : 0, suspicious ? 0.4 : 0, 100, 1L, Map.of());
    }
}

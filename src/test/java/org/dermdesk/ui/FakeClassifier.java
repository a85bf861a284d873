package org.dermdesk.ui;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.dermdesk.core.Appearance;
import org.dermdesk.core.CaseDetails;
import org.dermdesk.core.Diagnosis;
import org.dermdesk.core.LesionClassifier;
import org.dermdesk.core.LesionImage;
import org.dermdesk.core.ModelInfo;
import org.dermdesk.core.Prediction;

/** Deterministic test classifier: the darker the image centre, the more suspicious. */
final class FakeClassifier implements LesionClassifier {

    static final ModelInfo INFO = new ModelInfo("test-cnn", "1.0", "0000");
    static final double THRESHOLD = 0.4;
    volatile boolean closed;
    /** The network's view every prediction carries (null: none, as for models without an identity space). */
    volatile Appearance appearance;

    @Override
    public ModelInfo info() {
        return INFO;
    }

    @Override
    public double threshold() {
        return THRESHOLD;
    }

    @Override
    public List<Prediction> predictBatch(List<LesionImage> images) {
        List<Prediction> out = new ArrayList<>();
        for (LesionImage img : images) {
            out.add(predictOne(img));
        }
        return out;
    }

    static double darkness(LesionImage img) {
        long sum = 0;
        int n = 0;
        for (int y = img.height() / 3; y < 2 * img.height() / 3; y += 2) {
            for (int x = img.width() / 3; x < 2 * img.width() / 3; x += 2) {
                sum += img.channel(x, y, 0);
                n++;
            }
        }
        return 1 - sum / (255.0 * n);
    }

    private Prediction predictOne(LesionImage img) {
        double p = Math.max(0, Math.min(1, (darkness(img) - 0.45) * 2.2));
        Map<Diagnosis, Double> d = new EnumMap<>(Diagnosis.class);
        d.put(Diagnosis.MEL, p * 0.6);
        d.put(Diagnosis.BCC, p * 0.25);
        d.put(Diagnosis.AKIEC, p * 0.15);
        d.put(Diagnosis.NV, (1 - p) * 0.7);
        d.put(Diagnosis.BKL, (1 - p) * 0.18);
        d.put(Diagnosis.DF, (1 - p) * 0.07);
        d.put(Diagnosis.VASC, (1 - p) * 0.05);
        return new Prediction(p, THRESHOLD, d, INFO, null, null, appearance);
    }

    /** A stand-in for a fitted age/sex adjustment: every decade past 50 adds five points. */
    @Override
    public Prediction forPatient(Prediction prediction, CaseDetails details) {
        Prediction image = prediction.imageOnly();
        if (details.age() == null) {
            return image;
        }
        return image.withPatientProbability(Math.max(0, Math.min(1, image.pMalignant() + (details.age() - 50) / 10.0 * 0.05)));
    }

    @Override
    public void close() {
        closed = true;
    }
}

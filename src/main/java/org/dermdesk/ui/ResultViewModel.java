package org.dermdesk.ui;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.dermdesk.core.Diagnosis;
import org.dermdesk.core.Prediction;
import org.dermdesk.core.ResultWording;

/** The classifier's result in clinical words, judged at the threshold the user sees. */
public final class ResultViewModel {

    /** The window shows the image as loaded, not what the model saw. (Other result sentences: {@link ResultWording}.) */
    public static final String HAIR_REMOVED = ResultWording.HAIR_REMOVED + " (original shown).";

    /** One line of the differential. */
    public record DiagnosisRow(Diagnosis diagnosis, double probability) {
        public String label() {
            return diagnosis.label() + (diagnosis.malignant() ? " (malignant)" : "");
        }

        public String percent() {
            return Format.percent(probability);
        }
    }

    private final ObjectProperty<Prediction> prediction = new SimpleObjectProperty<>();
    private final DoubleProperty userThreshold;
    private final BooleanProperty unreliable = new SimpleBooleanProperty(false);
    private final StringProperty unavailableReason = new SimpleStringProperty("");
    private final StringProperty hairRemovalText = new SimpleStringProperty("");

    private final ReadOnlyObjectWrapper<Prediction> judged = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper hasResult = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper suspicious = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper probability = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyDoubleWrapper threshold = new ReadOnlyDoubleWrapper(0.5);
    private final ReadOnlyStringWrapper verdict = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper probabilityText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper thresholdText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper modelText = new ReadOnlyStringWrapper("");
    private final ObservableList<DiagnosisRow> differential = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper suitabilityNote = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper notDermoscopic = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper unfamiliar = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper probabilityShown = new ReadOnlyBooleanWrapper(false);
    /** The user asked to see the probability of an image judged not dermoscopic; cleared by the next image. */
    private final BooleanProperty revealed = new SimpleBooleanProperty(false);

    public ResultViewModel(DoubleProperty userThreshold) {
        this.userThreshold = userThreshold;
        prediction.addListener((o, a, b) -> {
            revealed.set(false);
            update();
        });
        revealed.addListener((o, a, b) -> update());
        userThreshold.addListener((o, a, b) -> update());
        unavailableReason.addListener((o, a, b) -> update());
        update();
    }

    private void update() {
        Prediction p = prediction.get();
        hasResult.set(p != null);
        differential.clear();
        suitabilityNote.set(p == null ? "" : ResultWording.suitabilityNote(p));
        notDermoscopic.set(p != null && !p.appliesToImage());
        unfamiliar.set(p != null && p.unfamiliar());
        probabilityShown.set(p != null && (p.appliesToImage() || revealed.get()));
        if (p == null) {
            judged.set(null);
            suspicious.set(false);
            probability.set(0);
            verdict.set(unavailableReason.get().isBlank() ? "No image analysed yet \u2014 open one with Ctrl+O." : unavailableReason.get());
            probabilityText.set("");
            thresholdText.set("");
            return;
        }
        double user = userThreshold.get();
        boolean custom = !Double.isNaN(user);
        Prediction j = custom ? p.atThreshold(user) : p;
        judged.set(j);
        probability.set(j.pMalignant());
        threshold.set(j.threshold());
        suspicious.set(j.malignant());
        verdict.set(ResultWording.verdict(j));
        String shown = "Probability of malignancy: " + Format.percent(j.pMalignant()) + (j.adjustedForPatient()
                ? " (image, age and sex; image alone " + Format.percent(j.imagePMalignant()) + ")"
                : " (image alone)");
        probabilityText.set(p.appliesToImage() ? shown
                : revealed.get() ? shown + " \u2014 " + ResultWording.NOT_VALID_FOR_IMAGE : ResultWording.PROBABILITY_WITHHELD);
        thresholdText.set(custom
                ? String.format(Locale.ROOT, "Threshold %.2f (your setting; the model's is %.2f)", j.threshold(), p.threshold())
                : String.format(Locale.ROOT, "Threshold %.2f (the model's)", j.threshold()));
        modelText.set(p.model() == null ? "" : "Model: " + p.model().name() + " " + p.model().version());
        List<DiagnosisRow> rows = new ArrayList<>();
        for (Map.Entry<Diagnosis, Double> e : p.diagnoses().entrySet()) {
            rows.add(new DiagnosisRow(e.getKey(), e.getValue()));
        }
        rows.sort(Comparator.comparingDouble(DiagnosisRow::probability).reversed());
        differential.setAll(probabilityShown.get() ? rows : List.of());
    }

    /** {@link ResultWording#NOT_DERMOSCOPIC}, {@link ResultWording#UNFAMILIAR} or empty. */
    public ReadOnlyStringProperty suitabilityNoteProperty() {
        return suitabilityNote.getReadOnlyProperty();
    }

    /** True when the model judged the image not dermoscopic: its probability is withheld until revealed. */
    public ReadOnlyBooleanProperty notDermoscopicProperty() {
        return notDermoscopic.getReadOnlyProperty();
    }

    /** True for a dermoscopic image unlike the training images: the amber caution. */
    public ReadOnlyBooleanProperty unfamiliarProperty() {
        return unfamiliar.getReadOnlyProperty();
    }

    /** Whether the probability, bar, threshold and differential are on screen. */
    public ReadOnlyBooleanProperty probabilityShownProperty() {
        return probabilityShown.getReadOnlyProperty();
    }

    /** Shows the withheld probability of a non-dermoscopic image, labelled as not valid. */
    public void revealProbability() {
        revealed.set(true);
    }

    /** The raw prediction at the model's own threshold; null when there is none. */
    public ObjectProperty<Prediction> predictionProperty() {
        return prediction;
    }

    /** Shown instead of a verdict when no prediction can be made (e.g. the model failed to load). */
    public StringProperty unavailableReasonProperty() {
        return unavailableReason;
    }

    /** How digital hair removal shaped the result, e.g. {@link #HAIR_REMOVED}; empty while it is off. */
    public StringProperty hairRemovalTextProperty() {
        return hairRemovalText;
    }

    public BooleanProperty unreliableProperty() {
        return unreliable;
    }

    /** The prediction judged at the threshold on screen. */
    public ReadOnlyObjectProperty<Prediction> judgedProperty() {
        return judged.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasResultProperty() {
        return hasResult.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty suspiciousProperty() {
        return suspicious.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty probabilityProperty() {
        return probability.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty thresholdProperty() {
        return threshold.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty verdictProperty() {
        return verdict.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty probabilityTextProperty() {
        return probabilityText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty thresholdTextProperty() {
        return thresholdText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty modelTextProperty() {
        return modelText.getReadOnlyProperty();
    }

    public ObservableList<DiagnosisRow> differential() {
        return differential;
    }

    /** Sets the user's threshold (clamped to 0.01..0.99). */
    public void setThreshold(double t) {
        userThreshold.set(Math.max(0.01, Math.min(0.99, t)));
    }

    /** Back to the model's documented threshold. */
    public void resetThreshold() {
        userThreshold.set(Double.NaN);
    }
}

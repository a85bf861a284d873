package org.dermdesk.ui;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import org.dermdesk.core.LesionMeasurements;
import org.dermdesk.core.MeasurementWording;
import org.dermdesk.core.Prediction;
import org.dermdesk.core.QualityReport;

/** The lesion's classical measurement in the words of {@link MeasurementWording}, following the quality report shown. */
public final class MeasurementViewModel {

    private final ReadOnlyBooleanWrapper measured = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(MeasurementWording.NOT_MEASURED);
    private final ReadOnlyStringWrapper score = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<LesionMeasurements> measurements = new ReadOnlyObjectWrapper<>();

    private final ObservableValue<QualityReport> report;
    private final ObservableValue<Prediction> prediction;

    /** Follows the quality report shown and the prediction (a non-dermoscopic image gets no dermoscopy score). */
    public MeasurementViewModel(ObservableValue<QualityReport> report, ObservableValue<Prediction> prediction) {
        this.report = report;
        this.prediction = prediction;
        report.addListener((o, a, b) -> show());
        prediction.addListener((o, a, b) -> show());
        show();
    }

    private void show() {
        QualityReport q = report.getValue();
        LesionMeasurements m = q == null ? null : q.measurements();
        measurements.set(m);
        measured.set(m != null);
        if (m == null) {
            text.set(MeasurementWording.NOT_MEASURED);
            score.set("");
            return;
        }
        var lines = MeasurementWording.lines(m, q.lesion() != null && q.lesion().touchesBorder(), prediction.getValue());
        text.set(String.join("\n", lines.subList(0, lines.size() - 1)));
        score.set(lines.get(lines.size() - 1));
    }

    /** Always said beside the figures: they are not the model's opinion. */
    public String basis() {
        return MeasurementWording.BASIS;
    }

    /** The measurement shown, or null (for the overlay drawn on the image). */
    public ReadOnlyObjectProperty<LesionMeasurements> measurementsProperty() {
        return measurements.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty measuredProperty() {
        return measured.getReadOnlyProperty();
    }

    /** Scale, size, asymmetry, border and colours, one per line. */
    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    /** The total dermoscopy score and what it omits; empty when nothing was measured. */
    public ReadOnlyStringProperty scoreProperty() {
        return score.getReadOnlyProperty();
    }
}

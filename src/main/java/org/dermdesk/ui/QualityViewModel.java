package org.dermdesk.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.dermdesk.core.ArtifactFinding;
import org.dermdesk.core.ArtifactKind;
import org.dermdesk.core.QualityReport;
import org.dermdesk.core.RetakeWording;

/** The quality gate's report as rows and a retake banner. */
public final class QualityViewModel {

    /** Severity of one finding: how much it compromises the assessment. */
    public enum Severity {
        NONE("\u2014"), MILD("mild"), MODERATE("moderate"), SEVERE("severe");

        private final String label;

        Severity(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /**
         * For what lies over the lesion (hair, ruler, ink, bubbles): how much of the lesion it hides, which
         * is what compromises the assessment (10% and more is severe, as the retake policy's hair rule);
         * for the aperture rim: how much of the image it takes; for blur and exposure, which have no
         * extent: the strength of the detector's signal.
         */
        static Severity of(ArtifactFinding f) {
            if (!f.present()) {
                return NONE;
            }
            if (f.kind() == ArtifactKind.DARK_CORNER && Double.isFinite(f.coverageImage())) {
                return grade(f.coverageImage(), 0.20, 0.45);
            }
            if (Double.isFinite(f.coverageLesion())) {
                return grade(f.coverageLesion(), 0.03, 0.10);
            }
            return f.score() >= 0.8 ? SEVERE : f.score() >= 0.55 ? MODERATE : MILD;
        }

        private static Severity grade(double fraction, double moderate, double severe) {
            return fraction >= severe ? SEVERE : fraction >= moderate ? MODERATE : MILD;
        }
    }

    /** One artifact as shown in the panel. */
    public record Row(ArtifactKind kind, boolean present, Severity severity, String detail) {
        public String label() {
            return kind.label();
        }

        public String status() {
            return present ? "Present" : "Not detected";
        }
    }

    private final ObjectProperty<QualityReport> report = new SimpleObjectProperty<>();
    private final ReadOnlyBooleanWrapper available = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper retake = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper bannerText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final boolean gateWired;

    public QualityViewModel(boolean gateWired) {
        this.gateWired = gateWired;
        report.addListener((o, a, b) -> update());
        update();
    }

    private void update() {
        QualityReport r = report.get();
        available.set(r != null);
        rows.clear();
        if (r == null) {
            retake.set(false);
            bannerText.set("");
            summary.set(gateWired ? "Not checked yet." : "No quality check is installed: judge image quality yourself.");
            return;
        }
        List<Row> list = new ArrayList<>();
        for (ArtifactKind kind : ArtifactKind.values()) {
            r.finding(kind).ifPresent(f -> list.add(new Row(kind, f.present(), Severity.of(f), detail(f))));
        }
        rows.setAll(list);
        retake.set(r.retake());
        bannerText.set(r.retake() ? RetakeWording.banner(r.retakeReasons()) : "");
        long present = list.stream().filter(Row::present).count();
        summary.set(r.retake() ? RetakeWording.RETAKE_RECOMMENDED + " \u2014 results are unreliable."
                : present == 0 ? "No artifacts found." : present + " artifact(s) found; quality acceptable.");
    }

    private static String detail(ArtifactFinding f) {
        if (!f.present()) {
            return "";
        }
        StringBuilder s = new StringBuilder("score " + Format.decimal(f.score()));
        if (!Double.isNaN(f.coverageLesion()) && f.coverageLesion() > 0) {
            s.append(", covers ").append(Format.percent(f.coverageLesion())).append(" of the lesion");
        } else if (!Double.isNaN(f.coverageImage()) && f.coverageImage() > 0) {
            s.append(", covers ").append(Format.percent(f.coverageImage())).append(" of the image");
        }
        return s.toString();
    }

    public ObjectProperty<QualityReport> reportProperty() {
        return report;
    }

    public ReadOnlyBooleanProperty availableProperty() {
        return available.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty retakeProperty() {
        return retake.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty bannerTextProperty() {
        return bannerText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ObservableList<Row> rows() {
        return rows;
    }
}

package org.dermdesk.ui;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.dermdesk.core.MeasurementWording;

/** The lesion measurement: scale, size, ABCD parts and the total dermoscopy score, labelled as a classical aid. */
final class MeasurementPanel extends VBox {

    MeasurementPanel(MeasurementViewModel vm) {
        setSpacing(6);
        setPadding(new Insets(8));
        getStyleClass().add("panel");
        setId("measurementPanel");
        Label basis = Panels.wrapped("measurementBasis", "muted");
        basis.setText(vm.basis());
        Label text = Panels.wrapped("measurementText", null);
        text.textProperty().bind(vm.textProperty());
        Label score = Panels.wrapped("measurementScore", null);
        score.textProperty().bind(vm.scoreProperty());
        Panels.showWhen(score, vm.measuredProperty());
        getChildren().addAll(Panels.heading(MeasurementWording.TITLE), basis, text, score);
    }
}

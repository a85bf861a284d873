package org.dermdesk.ui;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;

/** Whether explaining, exporting a PDF and saving to the case log can run now: wired in, and a result to act on. */
final class ActionAvailability {

    private final BooleanBinding canExplain;
    private final BooleanBinding canExport;
    private final BooleanBinding canSave;

    ActionAvailability(WorkstationServices services, ResultViewModel result, ExplanationViewModel explanation) {
        canExplain = Bindings.createBooleanBinding(
                () -> services.explainer().isPresent() && result.hasResultProperty().get() && !explanation.runningProperty().get(),
                result.hasResultProperty(), explanation.runningProperty());
        canExport = Bindings.createBooleanBinding(
                () -> services.pdfExporter().isPresent() && result.hasResultProperty().get(), result.hasResultProperty());
        canSave = Bindings.createBooleanBinding(
                () -> services.caseLog().isPresent() && result.hasResultProperty().get(), result.hasResultProperty());
    }

    BooleanBinding canExplain() {
        return canExplain;
    }

    BooleanBinding canExport() {
        return canExport;
    }

    BooleanBinding canSave() {
        return canSave;
    }
}

package org.dermdesk.ui;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.geometry.Orientation;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/** Model status, the last message, and the running task's progress with a cancel button. */
final class StatusBar extends HBox {

    StatusBar(WorkstationViewModel vm) {
        setSpacing(8);
        setPadding(new Insets(3, 8, 3, 8));
        setAlignment(Pos.CENTER_LEFT);
        getStyleClass().add("status-bar");
        Label model = new Label();
        model.setId("modelStatus");
        model.textProperty().bind(vm.modelStatusProperty());
        Label status = new Label();
        status.setId("status");
        status.textProperty().bind(vm.statusProperty());
        status.setMaxWidth(Double.MAX_VALUE);
        status.setMinWidth(80);
        HBox.setHgrow(status, Priority.ALWAYS);
        TaskRunner runner = vm.runner();
        Label task = new Label();
        task.setId("taskMessage");
        task.textProperty().bind(runner.messageProperty());
        task.setMinWidth(0);
        task.setMaxWidth(320);
        ProgressBar progress = new ProgressBar();
        progress.setId("taskProgress");
        progress.setPrefWidth(160);
        progress.progressProperty().bind(runner.progressProperty());
        Button cancel = new Button("Cancel");
        cancel.setId("cancelTask");
        cancel.setFocusTraversable(false);
        cancel.disableProperty().bind(runner.cancellableProperty().not());
        cancel.setOnAction(e -> vm.cancel());
        HBox busy = new HBox(6, task, progress, cancel);
        busy.setAlignment(Pos.CENTER_LEFT);
        Panels.showWhen(busy, runner.busyProperty());
        getChildren().addAll(model, new Separator(Orientation.VERTICAL), status, busy);
    }
}

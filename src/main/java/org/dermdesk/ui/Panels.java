package org.dermdesk.ui;

import javafx.scene.control.Label;

/** Small helpers the panels share. */
final class Panels {

    private Panels() {
    }

    static Label heading(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("panel-heading");
        return l;
    }

    static Label wrapped(String id, String styleClass) {
        Label l = new Label();
        l.setWrapText(true);
        l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        l.setMaxWidth(Double.MAX_VALUE);
        if (id != null) {
            l.setId(id);
        }
        if (styleClass != null) {
            l.getStyleClass().add(styleClass);
        }
        return l;
    }

    /** Hides a node and removes it from layout while {@code show} is false. */
    static void showWhen(javafx.scene.Node node, javafx.beans.value.ObservableBooleanValue show) {
        node.visibleProperty().bind(show);
        node.managedProperty().bind(show);
    }
}

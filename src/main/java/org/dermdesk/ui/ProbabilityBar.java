package org.dermdesk.ui;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;

/** A horizontal bar 0..100% with the probability filled and the threshold marked by a line. */
final class ProbabilityBar extends Region {

    private static final double BAR_HEIGHT = 18;

    private final DoubleProperty value = new SimpleDoubleProperty(0);
    private final DoubleProperty threshold = new SimpleDoubleProperty(0.5);
    private final Region track = new Region();
    private final Region fill = new Region();
    private final Region marker = new Region();
    private final Label markerLabel = new Label();

    ProbabilityBar() {
        getStyleClass().add("probability-bar");
        track.getStyleClass().add("track");
        fill.getStyleClass().add("fill");
        marker.getStyleClass().add("threshold-marker");
        markerLabel.getStyleClass().add("threshold-label");
        getChildren().addAll(track, fill, marker, markerLabel);
        value.addListener((o, a, b) -> requestLayout());
        threshold.addListener((o, a, b) -> {
            markerLabel.setText("threshold " + Format.percent(b.doubleValue()));
            requestLayout();
        });
        markerLabel.setText("threshold 50%");
        setAccessibleHelp("Probability of malignancy with the decision threshold marked");
    }

    DoubleProperty valueProperty() {
        return value;
    }

    DoubleProperty thresholdProperty() {
        return threshold;
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth() - snappedLeftInset() - snappedRightInset();
        double x0 = snappedLeftInset();
        double y0 = snappedTopInset();
        track.resizeRelocate(x0, y0, w, BAR_HEIGHT);
        fill.resizeRelocate(x0, y0, Math.max(0, Math.min(1, value.get())) * w, BAR_HEIGHT);
        double tx = x0 + Math.max(0, Math.min(1, threshold.get())) * w;
        marker.resizeRelocate(Math.round(tx) - 1.5, y0 - 4, 3, BAR_HEIGHT + 8);
        markerLabel.autosize();
        double lx = Math.max(x0, Math.min(x0 + w - markerLabel.getWidth(), tx - markerLabel.getWidth() / 2));
        markerLabel.relocate(lx, y0 + BAR_HEIGHT + 4);
    }

    @Override
    protected double computePrefHeight(double width) {
        return snappedTopInset() + BAR_HEIGHT + 6 + markerLabel.prefHeight(-1) + snappedBottomInset();
    }

    @Override
    protected double computePrefWidth(double height) {
        return 300;
    }

    @Override
    protected double computeMinWidth(double height) {
        return 120;
    }
}

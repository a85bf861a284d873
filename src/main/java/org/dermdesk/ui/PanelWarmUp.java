package org.dermdesk.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.animation.AnimationTimer;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.layout.HBox;

/**
 * Gets the first result's work on the UI thread done before the user's first image: a throwaway
 * copy of the viewer and the result, quality and explanation panels is fed a made-up case
 * ({@link WarmUpCase}), styled, laid out and drawn off screen while the model loads. Measured before
 * this existed, the first result held the UI thread about three times as long as later ones
 * (classes loading, first skins and CSS, first glyphs drawn, code not yet compiled). It does one
 * step per frame so that no frame waits long, and lets go of everything when done; nothing of it is
 * ever shown.
 */
final class PanelWarmUp extends AnimationTimer {

    /** The viewer and the three panels, side by side. */
    private static final int PARTS = 4;
    /** The window's own first layout and paint come first: start-up to a usable window must not wait. */
    private static final long SETTLE_NANOS = 500_000_000L;

    private final List<String> stylesheets;
    private final List<Runnable> steps = new ArrayList<>();
    private int next;
    private long firstFrame = -1;
    private Copy copy;

    /** The throwaway panels and the view models they show. */
    private record Copy(ResultViewModel result, QualityViewModel quality, ExplanationViewModel explanation,
                        OverlayViewModel overlays, ImageViewer viewer, Parent root) {
    }

    PanelWarmUp(List<String> stylesheets) {
        this.stylesheets = List.copyOf(stylesheets);
        steps.add(this::build);
        // small steps: the first styling of a panel alone takes tens of milliseconds
        for (boolean suspicious : new boolean[] {true, false, true}) {
            WarmUpCase c = new WarmUpCase(suspicious);
            steps.add(() -> copy.result().predictionProperty().set(c.prediction()));
            steps.add(() -> showQuality(c));
            steps.add(() -> showExplanation(c));
            for (int i = 0; i < PARTS; i++) {
                int part = i;
                steps.add(() -> copy.root().getChildrenUnmodifiable().get(part).applyCss());
            }
            steps.add(() -> copy.root().layout());
            steps.add(() -> copy.root().snapshot(null, null));
        }
    }

    boolean done() {
        return next == steps.size();
    }

    @Override
    public void handle(long now) {
        if (done()) {
            stop();
            return;
        }
        if (firstFrame < 0) {
            firstFrame = now;
        }
        if (now - firstFrame < SETTLE_NANOS) {
            return;
        }
        steps.get(next++).run();
        if (done()) {
            copy = null;
            stop();
        }
    }

    private void build() {
        ResultViewModel result = new ResultViewModel(new SimpleDoubleProperty(Double.NaN));
        QualityViewModel quality = new QualityViewModel(true);
        ExplanationViewModel explanation = new ExplanationViewModel(true);
        OverlayViewModel overlays = new OverlayViewModel();
        result.unreliableProperty().bind(quality.retakeProperty());
        ImageViewer viewer = new ImageViewer(overlays);
        HBox root = new HBox(viewer, new ResultPanel(result), new QualityPanel(quality),
                new ExplanationPanel(explanation, new SimpleBooleanProperty(true), () -> { }, () -> { }));
        Scene scene = new Scene(root, 1200, 900);
        scene.getStylesheets().setAll(stylesheets);
        copy = new Copy(result, quality, explanation, overlays, viewer, root);
    }

    private void showQuality(WarmUpCase c) {
        copy.quality().reportProperty().set(c.quality());
        copy.overlays().setQualityLayers(OverlayViewModel.renderQuality(c.quality(), OverlayKind::defaultColour));
        copy.viewer().setImage(c.image());
    }

    private void showExplanation(WarmUpCase c) {
        copy.explanation().runningProperty().set(true);
        copy.explanation().runningProperty().set(false);
        copy.explanation().explanationProperty().set(c.explanation());
        copy.overlays().setHeatmap(OverlayViewModel.renderHeatmap(c.explanation(), OverlayViewModel.DEFAULT_TOP_K,
                OverlayKind.HEATMAP.defaultColour()));
        copy.overlays().visibleProperty(OverlayKind.HEATMAP).set(true);
    }
}

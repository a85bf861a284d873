package org.dermdesk.ui;

import java.util.EnumMap;
import java.util.Map;
import javafx.beans.value.ObservableValue;
import org.dermdesk.core.Explanation;
import org.dermdesk.core.QualityReport;

/**
 * The overlay colours chosen in the preferences, and the layers drawn again when one of them (or the
 * heatmap's number of segments) changes, so that what is on screen always follows the preferences.
 */
final class OverlayColours {

    private final WorkstationPreferences prefs;
    private final OverlayViewModel overlays;
    private final ObservableValue<Explanation> explanation;

    OverlayColours(WorkstationPreferences prefs, OverlayViewModel overlays, ObservableValue<QualityReport> report,
            ObservableValue<Explanation> explanation) {
        this.prefs = prefs;
        this.overlays = overlays;
        this.explanation = explanation;
        overlays.topKProperty().addListener((o, a, b) -> redrawHeatmap());
        prefs.colourProperty(OverlayKind.HEATMAP).addListener((o, a, b) -> redrawHeatmap());
        for (OverlayKind kind : OverlayKind.values()) {
            if (kind != OverlayKind.HEATMAP) {
                prefs.colourProperty(kind).addListener((o, a, b) ->
                        overlays.setQualityLayers(OverlayViewModel.renderQuality(report.getValue(), this::of)));
            }
        }
    }

    /** The colour of one overlay, as the preferences hold it now. */
    String of(OverlayKind kind) {
        return prefs.colourProperty(kind).get();
    }

    /** Every overlay's colour, copied now: for drawing off the UI thread. */
    Map<OverlayKind, String> snapshot() {
        Map<OverlayKind, String> colours = new EnumMap<>(OverlayKind.class);
        for (OverlayKind kind : OverlayKind.values()) {
            colours.put(kind, of(kind));
        }
        return colours;
    }

    private void redrawHeatmap() {
        Explanation e = explanation.getValue();
        if (e != null) {
            overlays.setHeatmap(OverlayViewModel.renderHeatmap(e, overlays.topKProperty().get(), of(OverlayKind.HEATMAP)));
        }
    }
}

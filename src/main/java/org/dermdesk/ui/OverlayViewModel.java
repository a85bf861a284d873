package org.dermdesk.ui;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.value.ObservableValue;
import org.dermdesk.core.ArtifactFinding;
import org.dermdesk.core.Explanation;
import org.dermdesk.core.LesionMeasurements;
import org.dermdesk.core.Mask;
import org.dermdesk.core.QualityReport;
import org.dermdesk.core.ScaleBar;

/** Which overlay layers exist for the current image, which are shown, and their rasters. */
public final class OverlayViewModel {

    public static final int DEFAULT_TOP_K = 5;

    private final Map<OverlayKind, BooleanProperty> visible = new EnumMap<>(OverlayKind.class);
    private final Map<OverlayKind, ReadOnlyBooleanWrapper> available = new EnumMap<>(OverlayKind.class);
    private final Map<OverlayKind, ReadOnlyObjectWrapper<ArgbRaster>> layers = new EnumMap<>(OverlayKind.class);
    private final DoubleProperty heatmapOpacity = new SimpleDoubleProperty(0.6);
    private final IntegerProperty topK = new SimpleIntegerProperty(DEFAULT_TOP_K);
    private final ReadOnlyObjectWrapper<LesionMeasurements> measurements = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Mask> rulerMask = new ReadOnlyObjectWrapper<>();

    public OverlayViewModel() {
        for (OverlayKind kind : OverlayKind.values()) {
            visible.put(kind, new SimpleBooleanProperty(kind == OverlayKind.LESION_BORDER || kind == OverlayKind.HEATMAP
                    || kind == OverlayKind.MEASUREMENT));
            available.put(kind, new ReadOnlyBooleanWrapper(false));
            layers.put(kind, new ReadOnlyObjectWrapper<>());
        }
    }

    /** The quality layers of a report (lesion border and artifact masks); safe off the FX thread. */
    public static Map<OverlayKind, ArgbRaster> renderQuality(QualityReport report, Function<OverlayKind, String> colour) {
        Map<OverlayKind, ArgbRaster> out = new EnumMap<>(OverlayKind.class);
        if (report == null) {
            return out;
        }
        if (report.lesion() != null && report.lesion().mask() != null) {
            int thickness = Math.max(2, Math.min(report.lesion().mask().width(), report.lesion().mask().height()) / 200);
            out.put(OverlayKind.LESION_BORDER, OverlayRenderer.outline(report.lesion().mask(), Colours.rgb(colour.apply(OverlayKind.LESION_BORDER)), thickness));
        }
        for (OverlayKind kind : OverlayKind.values()) {
            kind.artifact().flatMap(report::finding).flatMap(ArtifactFinding::maskIfAny)
                    .ifPresent(mask -> out.put(kind, OverlayRenderer.fill(mask, Colours.rgb(colour.apply(kind)))));
        }
        return out;
    }

    /** The heatmap layer of an explanation; safe off the FX thread. */
    public static ArgbRaster renderHeatmap(Explanation e, int topK, String outlineColour) {
        return OverlayRenderer.heatmap(e, topK, Colours.rgb(outlineColour));
    }

    /** Replaces the quality layers (border, artifacts); null clears them. */
    public void setQualityLayers(Map<OverlayKind, ArgbRaster> rendered) {
        for (OverlayKind kind : OverlayKind.values()) {
            if (kind != OverlayKind.HEATMAP && kind.raster()) {
                ArgbRaster r = rendered == null ? null : rendered.get(kind);
                layers.get(kind).set(r);
                available.get(kind).set(r != null);
            }
        }
    }

    /** Replaces the heatmap layer; null clears it. */
    public void setHeatmap(ArgbRaster heatmap) {
        layers.get(OverlayKind.HEATMAP).set(heatmap);
        available.get(OverlayKind.HEATMAP).set(heatmap != null);
    }

    /**
     * The measurement the {@link OverlayKind#MEASUREMENT} layer draws; the layer is available while there is one.
     *
     * @param report the quality report whose ruler the scale bar keeps clear of
     */
    public void showMeasurements(ObservableValue<LesionMeasurements> m, ObservableValue<QualityReport> report) {
        measurements.bind(m);
        rulerMask.bind(Bindings.createObjectBinding(() -> ScaleBar.rulerMask(report.getValue()), report));
        available.get(OverlayKind.MEASUREMENT).bind(measurements.isNotNull());
    }

    public ReadOnlyObjectProperty<LesionMeasurements> measurementsProperty() {
        return measurements.getReadOnlyProperty();
    }

    /** Where the ruler found in the image lies (null when none): the scale bar goes where it hides least of it. */
    public ReadOnlyObjectProperty<Mask> rulerMaskProperty() {
        return rulerMask.getReadOnlyProperty();
    }

    public BooleanProperty visibleProperty(OverlayKind kind) {
        return visible.get(kind);
    }

    public ReadOnlyBooleanProperty availableProperty(OverlayKind kind) {
        return available.get(kind).getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ArgbRaster> layerProperty(OverlayKind kind) {
        return layers.get(kind).getReadOnlyProperty();
    }

    /** Whether the layer is both available and switched on. */
    public boolean shown(OverlayKind kind) {
        return available.get(kind).get() && visible.get(kind).get();
    }

    public DoubleProperty heatmapOpacityProperty() {
        return heatmapOpacity;
    }

    public IntegerProperty topKProperty() {
        return topK;
    }
}

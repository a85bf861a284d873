package org.dermdesk.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.prefs.Preferences;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The user's settings, persisted in {@link java.util.prefs} under a versioned node as soon as they
 * change (written to disk in the background: see {@link PreferenceSaver}). Tests pass a throwaway node.
 */
public final class WorkstationPreferences {

    /** The node the application uses; bump the version when the meaning of a key changes. */
    public static final String NODE = "org/dermdesk/workstation/v1";
    public static final int DEFAULT_SAMPLES = org.dermdesk.core.ExplainRequest.DEFAULT_SAMPLES;
    public static final int MAX_RECENT = 8;

    private final Preferences node;
    private final PreferenceSaver saver;
    /** The user's operating threshold; NaN means "use the model's documented threshold". */
    private final DoubleProperty threshold = new SimpleDoubleProperty(Double.NaN);
    private final BooleanProperty autoExplain = new SimpleBooleanProperty(false);
    /** Off by default: measured slightly worse on the shipped model (test AUC 0.876 -> 0.873). */
    private final BooleanProperty removeHair = new SimpleBooleanProperty(false);
    private final IntegerProperty samples = new SimpleIntegerProperty(DEFAULT_SAMPLES);
    private final Map<OverlayKind, StringProperty> colours = new EnumMap<>(OverlayKind.class);
    private final ObservableList<Path> recentFiles = FXCollections.observableArrayList();
    private final DeviceScaleProfiles deviceScales;

    public WorkstationPreferences(Preferences node) {
        this.node = node;
        this.saver = new PreferenceSaver(node);
        this.deviceScales = new DeviceScaleProfiles(node, saver);
        threshold.set(node.getDouble("threshold", Double.NaN));
        autoExplain.set(node.getBoolean("autoExplain", false));
        removeHair.set(node.getBoolean("removeHair", false));
        samples.set(clampSamples(node.getInt("samples", DEFAULT_SAMPLES)));
        for (OverlayKind kind : OverlayKind.values()) {
            String value = node.get(kind.colourKey(), kind.defaultColour());
            StringProperty p = new SimpleStringProperty(Colours.isHex(value) ? value : kind.defaultColour());
            p.addListener((o, a, b) -> put(kind.colourKey(), b));
            colours.put(kind, p);
        }
        for (int i = 0; i < MAX_RECENT; i++) {
            String s = node.get("recent." + i, null);
            if (s != null && !s.isBlank()) {
                recentFiles.add(Path.of(s));
            }
        }
        threshold.addListener((o, a, b) -> {
            if (Double.isNaN(b.doubleValue())) {
                node.remove("threshold");
            } else {
                node.putDouble("threshold", b.doubleValue());
            }
            saver.save();
        });
        autoExplain.addListener((o, a, b) -> {
            node.putBoolean("autoExplain", b);
            saver.save();
        });
        removeHair.addListener((o, a, b) -> {
            node.putBoolean("removeHair", b);
            saver.save();
        });
        samples.addListener((o, a, b) -> {
            node.putInt("samples", b.intValue());
            saver.save();
        });
    }

    /** The application's own node. */
    public static WorkstationPreferences user() {
        return new WorkstationPreferences(Preferences.userRoot().node(NODE));
    }

    static int clampSamples(int n) {
        return Math.max(50, Math.min(20_000, n));
    }

    public DoubleProperty thresholdProperty() {
        return threshold;
    }

    public BooleanProperty autoExplainProperty() {
        return autoExplain;
    }

    /** Whether images are classified after digital hair removal (the image shown stays the original). */
    public BooleanProperty removeHairProperty() {
        return removeHair;
    }

    public IntegerProperty samplesProperty() {
        return samples;
    }

    /** Colour "#RRGGBB" of an overlay layer. */
    public StringProperty colourProperty(OverlayKind kind) {
        return colours.get(kind);
    }

    /** The user's per-device scale calibrations, by image resolution. */
    public DeviceScaleProfiles deviceScales() {
        return deviceScales;
    }

    /** Most recent first. */
    public ObservableList<Path> recentFiles() {
        return recentFiles;
    }

    public void addRecent(Path file) {
        Path p = file.toAbsolutePath().normalize();
        recentFiles.remove(p);
        recentFiles.add(0, p);
        while (recentFiles.size() > MAX_RECENT) {
            recentFiles.remove(recentFiles.size() - 1);
        }
        List<Path> copy = new ArrayList<>(recentFiles);
        for (int i = 0; i < MAX_RECENT; i++) {
            if (i < copy.size()) {
                node.put("recent." + i, copy.get(i).toString());
            } else {
                node.remove("recent." + i);
            }
        }
        saver.save();
    }

    public void clearRecent() {
        recentFiles.clear();
        for (int i = 0; i < MAX_RECENT; i++) {
            node.remove("recent." + i);
        }
        saver.save();
    }

    private void put(String key, String value) {
        node.put(key, value);
        saver.save();
    }
}

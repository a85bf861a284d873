package org.dermdesk.ui;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import org.dermdesk.core.DeviceScales;
import org.dermdesk.core.Scale;

/**
 * The user's per-device scale calibrations ("my dermatoscope and camera at this resolution: N pixels per
 * mm"), kept in the workstation's preferences node under {@code deviceScale.<long>x<short>}. A profile
 * applies only to images of the resolution it was calibrated at; the long and short side form the key
 * so that a picture turned upright (portrait) keeps its camera's calibration. Read off the UI thread
 * while an image is analysed ({@link Preferences} is thread-safe).
 */
public final class DeviceScaleProfiles implements DeviceScales {

    static final String PREFIX = "deviceScale.";

    private final Preferences node;
    private final PreferenceSaver saver;
    private final ReadOnlyIntegerWrapper revision = new ReadOnlyIntegerWrapper();

    DeviceScaleProfiles(Preferences node, PreferenceSaver saver) {
        this.node = node;
        this.saver = saver;
    }

    /** The preference key of images of this size. */
    static String key(int width, int height) {
        return PREFIX + Math.max(width, height) + "x" + Math.min(width, height);
    }

    /** "1024 x 768 pixels": the resolution as the user reads it. */
    public static String resolution(int width, int height) {
        return String.format(Locale.ROOT, "%d \u00d7 %d pixels", width, height);
    }

    @Override
    public Scale forImage(int width, int height) {
        double v = node.getDouble(key(width, height), Double.NaN);
        return v > 0 && Double.isFinite(v) ? Scale.deviceProfile(v) : Scale.unknown();
    }

    /** Stores the calibration for images of this size; on the UI thread. */
    public void set(int width, int height, double pxPerMm) {
        if (!(pxPerMm > 0 && Double.isFinite(pxPerMm))) {
            throw new IllegalArgumentException("pixels per millimetre must be positive: " + pxPerMm);
        }
        node.putDouble(key(width, height), pxPerMm);
        changed();
    }

    /** Forgets the calibration for images of this size. */
    public void remove(int width, int height) {
        node.remove(key(width, height));
        changed();
    }

    /** Every calibration: "long x short" to pixels per millimetre, in key order. */
    public Map<String, Double> all() {
        Map<String, Double> out = new TreeMap<>();
        try {
            for (String k : node.keys()) {
                if (k.startsWith(PREFIX)) {
                    double v = node.getDouble(k, Double.NaN);
                    if (v > 0 && Double.isFinite(v)) {
                        out.put(k.substring(PREFIX.length()), v);
                    }
                }
            }
        } catch (BackingStoreException | IllegalStateException e) {
            return out; // an unreadable store lists nothing; each profile is still looked up on its own
        }
        return out;
    }

    /** Goes up whenever a calibration is stored or removed (for views that show the scale). */
    public ReadOnlyIntegerProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    private void changed() {
        saver.save();
        revision.set(revision.get() + 1);
    }
}

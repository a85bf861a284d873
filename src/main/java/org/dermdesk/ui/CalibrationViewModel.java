package org.dermdesk.ui;

import java.nio.file.Path;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.dermdesk.core.FieldOfView;
import org.dermdesk.core.ImageLoadException;
import org.dermdesk.core.ImageReader;
import org.dermdesk.core.LesionImage;
import org.dermdesk.core.RulerReader;
import org.dermdesk.core.Scale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The guided calibration of a device scale: the user opens a picture of a ruler taken with their
 * dermatoscope and camera; DermDesk proposes the scale from the ruler's ticks, or the user clicks two
 * points a known distance apart (which then decides). Saving stores it as the device profile for
 * images of that resolution.
 */
public final class CalibrationViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(CalibrationViewModel.class);
    /** The distance the two points are preset to: one centimetre, ten millimetre ticks on any ruler. */
    public static final double DEFAULT_KNOWN_MM = 10;

    private final DeviceScaleProfiles profiles;
    private final ReadOnlyObjectWrapper<LesionImage> image = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Scale> detected = new ReadOnlyObjectWrapper<>(Scale.unknown());
    /** Clicked points in image pixels, {x, y} each; at most two. */
    private final ObservableList<double[]> points = FXCollections.observableArrayList();
    private final ObservableList<double[]> readOnlyPoints = FXCollections.unmodifiableObservableList(points);
    private final DoubleProperty knownMm = new SimpleDoubleProperty(DEFAULT_KNOWN_MM);
    private final ReadOnlyDoubleWrapper pxPerMm = new ReadOnlyDoubleWrapper(Double.NaN);
    private final ReadOnlyStringWrapper explanation = new ReadOnlyStringWrapper("Open a picture of a ruler taken with your dermatoscope and camera.");
    private final ReadOnlyStringWrapper current = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final BooleanBinding canSave;

    public CalibrationViewModel(DeviceScaleProfiles profiles) {
        this.profiles = profiles;
        points.addListener((javafx.collections.ListChangeListener<double[]>) c -> update());
        knownMm.addListener((o, a, b) -> update());
        detected.addListener((o, a, b) -> update());
        canSave = Bindings.createBooleanBinding(() -> image.get() != null && pxPerMm.get() > 0, image, pxPerMm);
    }

    /** Reads a picture of a ruler and looks for its ticks, off the UI thread; the result replaces the image shown. */
    public void open(Path file, TaskRunner runner, ImageReader reader, RulerReader ruler) {
        problem.set("");
        runner.submit("Reading the ruler image", true, (progress, cancel) -> {
            LesionImage img = reader.read(file);
            cancel.check();
            return new Read(img, ruler == null ? Scale.unknown() : ruler.read(img));
        }, r -> setImage(r.image(), r.scale()), error -> {
            if (error instanceof ImageLoadException e) {
                problem.set("Cannot open " + file.getFileName() + ": " + e.problem());
            } else {
                LOG.error("Reading a ruler image failed", error);
                problem.set("Could not read the ruler in " + file.getFileName() + ". Try another picture, or click two points.");
            }
        }, () -> { });
    }

    /** Shows an image already read (the one on screen) and looks for its ruler ticks off the UI thread. */
    public void showWithRuler(LesionImage img, TaskRunner runner, RulerReader ruler) {
        setImage(img, Scale.unknown());
        if (ruler != null) {
            runner.submit("Reading the ruler", true, (progress, cancel) -> ruler.read(img),
                    s -> {
                        if (image.get() == img) {
                            detected.set(s);
                        }
                    }, error -> LOG.error("Reading the ruler failed", error), () -> { });
        }
    }

    private record Read(LesionImage image, Scale scale) {
    }

    /** Shows an image with the scale its ruler gave (or unknown); clears the points. */
    public void setImage(LesionImage img, Scale fromRuler) {
        points.clear();
        image.set(img);
        detected.set(fromRuler == null ? Scale.unknown() : fromRuler);
        update();
    }

    /** A click at (x, y) in image pixels: the first or second point; a third starts a new pair. */
    public void click(double x, double y) {
        if (image.get() == null) {
            return;
        }
        if (points.size() == 2) {
            points.clear();
        }
        points.add(new double[] {x, y});
    }

    /** Drops the clicked points (the ruler's proposal, if any, applies again). */
    public void clearPoints() {
        points.clear();
    }

    /** Stores the scale as the device profile for images of this resolution; returns it. */
    public Scale save() {
        if (!canSave.get()) {
            throw new IllegalStateException("nothing to save");
        }
        LesionImage img = image.get();
        profiles.set(img.width(), img.height(), pxPerMm.get());
        update();
        return Scale.deviceProfile(pxPerMm.get());
    }

    /** Forgets the device profile for this image's resolution. */
    public void forget() {
        LesionImage img = image.get();
        if (img != null) {
            profiles.remove(img.width(), img.height());
            update();
        }
    }

    private void update() {
        LesionImage img = image.get();
        if (img == null) {
            pxPerMm.set(Double.NaN);
            current.set("");
            return;
        }
        Scale stored = profiles.forImage(img.width(), img.height());
        current.set("Images of " + DeviceScaleProfiles.resolution(img.width(), img.height()) + ": "
                + (stored.known() ? String.format(Locale.ROOT, "calibrated at %.2f pixels per mm.", stored.pxPerMm())
                        : "not calibrated yet."));
        Scale ruler = detected.get();
        if (points.size() == 2) {
            double[] a = points.get(0);
            double[] b = points.get(1);
            double px = Math.hypot(b[0] - a[0], b[1] - a[1]);
            double mm = knownMm.get();
            boolean ok = px > 0 && mm > 0;
            pxPerMm.set(ok ? px / mm : Double.NaN);
            explanation.set(ok ? String.format(Locale.ROOT, "The two points are %.0f pixels apart over %.1f mm: %.2f pixels per mm.",
                    px, mm, px / mm) + fieldWarning(img, px / mm) : "Click two different points and give their distance in mm.");
        } else if (ruler.known()) {
            pxPerMm.set(ruler.pxPerMm());
            explanation.set(String.format(Locale.ROOT, "Proposed from the ruler's ticks: %.2f pixels per mm (%s ticks, %.0f%% sure)."
                    + " Check it, or click two points a known distance apart.", ruler.pxPerMm(),
                    ruler.tickMm() == 0.5 ? "0.5 mm" : "1 mm", ruler.confidence() * 100));
        } else {
            pxPerMm.set(Double.NaN);
            explanation.set(points.isEmpty() ? "No ruler ticks were found: click two points a known distance apart."
                    : "Click the second point.");
        }
    }

    /** A warning where the scale would make the picture cover a field no dermatoscope shows (a mistyped distance). */
    static String fieldWarning(LesionImage img, double pxPerMm) {
        if (FieldOfView.plausible(img.width(), img.height(), pxPerMm)) {
            return "";
        }
        return " Check the distance: " + FieldOfView.implausibleWords(img.width(), img.height(), pxPerMm) + ".";
    }

    public ReadOnlyObjectProperty<LesionImage> imageProperty() {
        return image.getReadOnlyProperty();
    }

    /** The scale the ruler's ticks gave, or unknown. */
    public ReadOnlyObjectProperty<Scale> detectedProperty() {
        return detected.getReadOnlyProperty();
    }

    /** The clicked points {x, y} in image pixels, at most two; read-only for views. */
    public ObservableList<double[]> points() {
        return readOnlyPoints;
    }

    /** The distance between the two points, in millimetres. */
    public DoubleProperty knownMmProperty() {
        return knownMm;
    }

    /** The scale that saving would store; NaN while there is none. */
    public ReadOnlyDoubleProperty pxPerMmProperty() {
        return pxPerMm.getReadOnlyProperty();
    }

    /** How the scale was found, or what to do next. */
    public ReadOnlyStringProperty explanationProperty() {
        return explanation.getReadOnlyProperty();
    }

    /** The calibration stored for this image's resolution. */
    public ReadOnlyStringProperty currentProperty() {
        return current.getReadOnlyProperty();
    }

    /** Why the last image could not be read; empty when it could. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public BooleanBinding canSaveBinding() {
        return canSave;
    }
}

package org.dermdesk.ui;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.ToIntFunction;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.MouseButton;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;
import javafx.scene.transform.Scale;
import javafx.scene.transform.Translate;
import javafx.stage.Window;
import org.dermdesk.core.LesionImage;
import org.slf4j.LoggerFactory;

/**
 * The image with its overlay layers: wheel zooms about the pointer, dragging pans, and the image is
 * fitted to the view whenever a new image arrives or {@link #fit()} is called.
 *
 * <p>Geometry is in the original image's pixels: the zoom shown to the user is screen pixels per
 * original pixel, and the image and every layer are stretched over the original's size. What is
 * drawn there may be a reduced copy ({@link DisplayDetail}); copies are rebuilt off the FX thread
 * when the zoom moves out of what they serve.
 */
final class ImageViewer extends Region {

    static final double MIN_ZOOM = 0.05;
    static final double MAX_ZOOM = 16;

    /** One daemon thread prepares display images, so that the FX thread only swaps them in. */
    private static final ExecutorService CONVERTER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "dermdesk-display");
        t.setDaemon(true);
        return t;
    });

    private final ImageView base = new ImageView();
    private final DisplaySlot<LesionImage> baseSlot = new DisplaySlot<>(LesionImage::width, FxImages::of, this::showBase);
    private final Map<OverlayKind, ImageView> layers = new EnumMap<>(OverlayKind.class);
    private final Map<OverlayKind, DisplaySlot<ArgbRaster>> layerSlots = new EnumMap<>(OverlayKind.class);
    private final Group content = new Group();
    private final Scale scale = new Scale(1, 1, 0, 0);
    private final Translate translate = new Translate();
    private final Label placeholder = new Label("Open a dermoscopic image (Ctrl+O) or drop one here.");
    private final ReadOnlyDoubleWrapper zoom = new ReadOnlyDoubleWrapper(1);
    /** Lines and labels at screen size over the image (not stretched with it like the raster layers). */
    private final MeasurementOverlay measurementOverlay;
    private boolean fitted = true;
    private Point2D dragStart;
    /** The original of the image on screen, and its size (0 when none): all geometry is in its pixels. */
    private LesionImage shown;
    private int shownWidth;
    private int shownHeight;
    /** The original width of the latest image asked for (it may still be converting). */
    private int comingWidth;
    /** Screen pixels per original pixel of the latest image, which the copies are built for. */
    private double density = Double.NaN;

    ImageViewer(OverlayViewModel overlays) {
        getStyleClass().add("image-viewer");
        setId("viewer");
        setFocusTraversable(true);
        base.setId("viewerImage");
        content.getChildren().add(base);
        for (OverlayKind kind : OverlayKind.values()) {
            if (!kind.raster()) {
                continue;
            }
            ImageView view = new ImageView();
            view.setId("layer-" + kind.name());
            view.setMouseTransparent(true);
            DisplaySlot<ArgbRaster> slot = new DisplaySlot<>(ArgbRaster::width, FxImages::of, (raster, fx) -> view.setImage(fx));
            layerSlots.put(kind, slot);
            overlays.layerProperty(kind).addListener((o, a, b) -> slot.show(b));
            view.visibleProperty().bind(overlays.availableProperty(kind).and(overlays.visibleProperty(kind)));
            if (kind == OverlayKind.HEATMAP) {
                view.opacityProperty().bind(overlays.heatmapOpacityProperty());
            }
            layers.put(kind, view);
        }
        // heatmap below the outlines so the lesion border stays readable
        content.getChildren().add(layers.get(OverlayKind.HEATMAP));
        for (OverlayKind kind : OverlayKind.values()) {
            if (kind != OverlayKind.HEATMAP && kind.raster()) {
                content.getChildren().add(layers.get(kind));
            }
        }
        content.getTransforms().addAll(translate, scale);
        placeholder.getStyleClass().add("viewer-placeholder");
        measurementOverlay = new MeasurementOverlay(overlays.measurementsProperty(), overlays.rulerMaskProperty(), scale, translate);
        measurementOverlay.visibleProperty().bind(overlays.availableProperty(OverlayKind.MEASUREMENT)
                .and(overlays.visibleProperty(OverlayKind.MEASUREMENT)));
        getChildren().addAll(content, measurementOverlay, placeholder);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        setOnScroll(this::onScroll);
        setOnMousePressed(e -> {
            requestFocus();
            if (e.getButton() == MouseButton.PRIMARY) {
                dragStart = new Point2D(e.getX() - translate.getX(), e.getY() - translate.getY());
            }
        });
        setOnMouseDragged(e -> {
            if (dragStart != null) {
                translate.setX(e.getX() - dragStart.getX());
                translate.setY(e.getY() - dragStart.getY());
                fitted = false;
            }
        });
        setOnMouseReleased(e -> dragStart = null);
        setOnKeyPressed(e -> {
            double step = 40;
            switch (e.getCode()) {
                case LEFT -> panBy(step, 0);
                case RIGHT -> panBy(-step, 0);
                case UP -> panBy(0, step);
                case DOWN -> panBy(0, -step);
                case PLUS, ADD, EQUALS -> zoomBy(1.25);
                case MINUS, SUBTRACT -> zoomBy(0.8);
                default -> {
                    return;
                }
            }
            e.consume();
        });
        setAccessibleText("Lesion image: arrow keys pan, plus and minus zoom, double-click fits");
        setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                fit();
            }
        });
    }

    void setImage(LesionImage image) {
        comingWidth = image == null ? 0 : image.width();
        // a new image is always fitted: build its copy for the fitted view straight away
        density = image == null ? Double.NaN : fitZoom(image.width(), image.height()) * outputScale();
        baseSlot.show(image);
    }

    private void showBase(LesionImage original, Image fx) {
        base.setImage(fx);
        if (fx != null && original == shown) {
            return; // a finer or coarser copy of the image on screen: the view stays where the user put it
        }
        shown = fx == null ? null : original;
        shownWidth = fx == null ? 0 : original.width();
        shownHeight = fx == null ? 0 : original.height();
        // the copy, and layers of any size (LIME works on a smaller copy), are stretched over the original
        base.setFitWidth(shownWidth);
        base.setFitHeight(shownHeight);
        for (ImageView layer : layers.values()) {
            layer.setFitWidth(shownWidth);
            layer.setFitHeight(shownHeight);
        }
        placeholder.setVisible(fx == null);
        measurementOverlay.setImageSize(shownWidth, shownHeight);
        fit();
        refreshDetail();
    }

    /** The image as drawn: the original, or a reduced copy of it when zoomed out. */
    Image image() {
        return base.getImage();
    }

    ImageView layerView(OverlayKind kind) {
        return layers.get(kind);
    }

    MeasurementOverlay measurementOverlay() {
        return measurementOverlay;
    }

    ReadOnlyDoubleProperty zoomProperty() {
        return zoom.getReadOnlyProperty();
    }

    /** Scales the image to fit the view and centres it. */
    void fit() {
        fitted = true;
        double s = fitZoom(shownWidth, shownHeight);
        if (shownWidth == 0 || Double.isNaN(s)) {
            return;
        }
        setZoom(s);
        centre();
    }

    /** The zoom at which an image of this size fits the view; NaN before the view has a size. */
    private double fitZoom(int width, int height) {
        if (width <= 0 || height <= 0 || getWidth() <= 0 || getHeight() <= 0) {
            return Double.NaN;
        }
        return clamp(Math.min(getWidth() / width, getHeight() / height));
    }

    /** One image pixel per screen pixel, centred. */
    void actualSize() {
        fitted = false;
        setZoom(1);
        centre();
    }

    /** Moves the image by (dx, dy) screen pixels. */
    void panBy(double dx, double dy) {
        if (base.getImage() == null) {
            return;
        }
        fitted = false;
        translate.setX(translate.getX() + dx);
        translate.setY(translate.getY() + dy);
    }

    /** Zooms by {@code factor} about the view's centre. */
    void zoomBy(double factor) {
        zoomAbout(factor, getWidth() / 2, getHeight() / 2);
    }

    private void onScroll(ScrollEvent e) {
        if (e.getDeltaY() == 0 || base.getImage() == null) {
            return;
        }
        zoomAbout(e.getDeltaY() > 0 ? 1.25 : 0.8, e.getX(), e.getY());
        e.consume();
    }

    private void zoomAbout(double factor, double px, double py) {
        if (base.getImage() == null) {
            return;
        }
        fitted = false;
        double old = scale.getX();
        double s = clamp(old * factor);
        // keep the image point under (px, py) where it is
        double ix = (px - translate.getX()) / old;
        double iy = (py - translate.getY()) / old;
        setZoom(s);
        translate.setX(px - ix * s);
        translate.setY(py - iy * s);
    }

    private void centre() {
        if (shownWidth == 0) {
            return;
        }
        translate.setX((getWidth() - shownWidth * scale.getX()) / 2);
        translate.setY((getHeight() - shownHeight * scale.getY()) / 2);
    }

    private void setZoom(double s) {
        scale.setX(s);
        scale.setY(s);
        zoom.set(s);
        refreshDetail();
    }

    /** Asks for new copies where the ones shown are too coarse, or needlessly fine, for the zoom. */
    private void refreshDetail() {
        if (shown == null || baseSlot.source != shown) {
            return; // a new image is on its way, converted for its fitted view
        }
        density = zoom.get() * outputScale();
        baseSlot.refresh();
        for (DisplaySlot<ArgbRaster> slot : layerSlots.values()) {
            slot.refresh();
        }
    }

    /** Device pixels per scene pixel (2 on many high-density screens). */
    private double outputScale() {
        Window window = getScene() == null ? null : getScene().getWindow();
        return window == null ? 1 : Math.max(window.getOutputScaleX(), window.getOutputScaleY());
    }

    private static double clamp(double s) {
        return Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, s));
    }

    @Override
    protected void layoutChildren() {
        placeholder.autosize();
        placeholder.relocate((getWidth() - placeholder.getWidth()) / 2, (getHeight() - placeholder.getHeight()) / 2);
        measurementOverlay.resizeRelocate(0, 0, getWidth(), getHeight());
        if (fitted) {
            fit();
        }
    }

    @Override
    protected double computePrefWidth(double height) {
        return 640;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 480;
    }

    @Override
    protected double computeMinWidth(double height) {
        return 200;
    }

    @Override
    protected double computeMinHeight(double width) {
        return 150;
    }

    /**
     * Where one converted image goes. Converting a large raster stalls the UI for hundreds of
     * milliseconds, so it happens on {@link #CONVERTER}; the FX thread only swaps the result in, and
     * drops it when a newer conversion for the same place was asked for meanwhile (one that is
     * already outdated when its turn comes is skipped).
     */
    private final class DisplaySlot<T> {
        private final ToIntFunction<T> widthOf;
        private final BiFunction<T, Double, Image> convert;
        private final BiConsumer<T, Image> target;
        private final AtomicLong ticket = new AtomicLong();
        private T source;
        /** The detail of the copy shown or on its way. */
        private double detail;

        DisplaySlot(ToIntFunction<T> widthOf, BiFunction<T, Double, Image> convert, BiConsumer<T, Image> target) {
            this.widthOf = widthOf;
            this.convert = convert;
            this.target = target;
        }

        void show(T raster) {
            source = raster;
            if (raster == null) {
                ticket.incrementAndGet();
                target.accept(null, null);
                return;
            }
            convertAt(DisplayDetail.wanted(densityOf(raster)));
        }

        /** Rebuilds the copy when it no longer serves the viewer's density. */
        void refresh() {
            if (source != null && !DisplayDetail.serves(detail, densityOf(source))) {
                convertAt(DisplayDetail.wanted(densityOf(source)));
            }
        }

        /** Screen pixels per pixel of this raster, which is stretched over the whole image. */
        private double densityOf(T raster) {
            return density * comingWidth / widthOf.applyAsInt(raster);
        }

        private void convertAt(double wanted) {
            long mine = ticket.incrementAndGet();
            detail = wanted;
            T raster = source;
            CompletableFuture.supplyAsync(() -> mine == ticket.get() ? convert.apply(raster, wanted) : null, CONVERTER)
                    .whenComplete((img, error) -> Platform.runLater(() -> {
                        if (error != null) {
                            LoggerFactory.getLogger(ImageViewer.class).error("Could not display an image layer", error);
                        } else if (mine == ticket.get()) {
                            target.accept(raster, img);
                        }
                    }));
        }
    }
}

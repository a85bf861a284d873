package org.dermdesk.ui;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Function;
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
import org.dermdesk.core.LesionImage;
import org.slf4j.LoggerFactory;

/**
 * The image with its overlay layers: wheel zooms about the pointer, dragging pans, and the image is
 * fitted to the view whenever a new image arrives or {@link #fit()} is called.
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
    private final DisplaySlot baseSlot = new DisplaySlot(this::showBase);
    private final Map<OverlayKind, ImageView> layers = new EnumMap<>(OverlayKind.class);
    private final Group content = new Group();
    private final Scale scale = new Scale(1, 1, 0, 0);
    private final Translate translate = new Translate();
    private final Label placeholder = new Label("Open a dermoscopic image (Ctrl+O) or drop one here.");
    private final ReadOnlyDoubleWrapper zoom = new ReadOnlyDoubleWrapper(1);
    private boolean fitted = true;
    private Point2D dragStart;

    ImageViewer(OverlayViewModel overlays) {
        getStyleClass().add("image-viewer");
        setId("viewer");
        setFocusTraversable(true);
        content.getChildren().add(base);
        for (OverlayKind kind : OverlayKind.values()) {
            ImageView view = new ImageView();
            view.setId("layer-" + kind.name());
            view.setMouseTransparent(true);
            DisplaySlot slot = new DisplaySlot(view::setImage);
            overlays.layerProperty(kind).addListener((o, a, b) -> slot.show(b, FxImages::of));
            view.visibleProperty().bind(overlays.availableProperty(kind).and(overlays.visibleProperty(kind)));
            if (kind == OverlayKind.HEATMAP) {
                view.opacityProperty().bind(overlays.heatmapOpacityProperty());
            }
            layers.put(kind, view);
        }
        // heatmap below the outlines so the lesion border stays readable
        content.getChildren().add(layers.get(OverlayKind.HEATMAP));
        for (OverlayKind kind : OverlayKind.values()) {
            if (kind != OverlayKind.HEATMAP) {
                content.getChildren().add(layers.get(kind));
            }
        }
        content.getTransforms().addAll(translate, scale);
        placeholder.getStyleClass().add("viewer-placeholder");
        getChildren().addAll(content, placeholder);
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
        baseSlot.show(image, FxImages::of);
    }

    private void showBase(Image fx) {
        base.setImage(fx);
        // layers may come at another resolution (LIME works on a smaller copy): stretch them over the image
        for (ImageView layer : layers.values()) {
            layer.setFitWidth(fx == null ? 0 : fx.getWidth());
            layer.setFitHeight(fx == null ? 0 : fx.getHeight());
        }
        placeholder.setVisible(fx == null);
        fit();
    }

    Image image() {
        return base.getImage();
    }

    ImageView layerView(OverlayKind kind) {
        return layers.get(kind);
    }

    ReadOnlyDoubleProperty zoomProperty() {
        return zoom.getReadOnlyProperty();
    }

    /** Scales the image to fit the view and centres it. */
    void fit() {
        fitted = true;
        Image img = base.getImage();
        if (img == null || getWidth() <= 0 || getHeight() <= 0) {
            return;
        }
        double s = Math.min(getWidth() / img.getWidth(), getHeight() / img.getHeight());
        setZoom(clamp(s));
        centre();
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
        Image img = base.getImage();
        if (img == null) {
            return;
        }
        translate.setX((getWidth() - img.getWidth() * scale.getX()) / 2);
        translate.setY((getHeight() - img.getHeight() * scale.getY()) / 2);
    }

    private void setZoom(double s) {
        scale.setX(s);
        scale.setY(s);
        zoom.set(s);
    }

    private static double clamp(double s) {
        return Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, s));
    }

    @Override
    protected void layoutChildren() {
        placeholder.autosize();
        placeholder.relocate((getWidth() - placeholder.getWidth()) / 2, (getHeight() - placeholder.getHeight()) / 2);
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
     * drops it when a newer raster for the same place arrived meanwhile.
     */
    private static final class DisplaySlot {
        private final Consumer<Image> target;
        private long ticket;

        DisplaySlot(Consumer<Image> target) {
            this.target = target;
        }

        <T> void show(T raster, Function<T, Image> convert) {
            long mine = ++ticket;
            if (raster == null) {
                target.accept(null);
                return;
            }
            CompletableFuture.supplyAsync(() -> convert.apply(raster), CONVERTER)
                    .whenComplete((img, error) -> Platform.runLater(() -> {
                        if (error != null) {
                            LoggerFactory.getLogger(ImageViewer.class).error("Could not display an image layer", error);
                        } else if (mine == ticket) {
                            target.accept(img);
                        }
                    }));
        }
    }
}

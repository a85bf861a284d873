package org.dermdesk.ui;

import javafx.beans.Observable;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.geometry.VPos;
import javafx.scene.effect.DropShadow;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Line;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.transform.Scale;
import javafx.scene.transform.Translate;
import org.dermdesk.core.LesionMeasurements;
import org.dermdesk.core.Mask;
import org.dermdesk.core.ScaleBar;

/**
 * The measurement drawn over the image, in screen space so that lines and labels stay readable at any
 * zoom: the largest diameter (the maximum Feret segment) with its length, and, with a known scale, a
 * scale bar of a round length in the corner of the visible image that hides the least ruler, by the
 * {@link ScaleBar} rule the PDF uses too. Without a scale the diameter is labelled in pixels with
 * "scale unknown" and no bar is drawn. Redrawn whenever the view moves.
 */
final class MeasurementOverlay extends Pane {

    private static final double CAP = 6;
    private static final double INSET = 14;
    /** The on-screen length a scale bar aims at, in scene pixels. */
    static final double TARGET_PX = 120;

    private final ObservableValue<LesionMeasurements> measurements;
    private final ObservableValue<Mask> ruler;
    private final Scale scale;
    private final Translate translate;
    private final StringProperty colour = new SimpleStringProperty(OverlayKind.MEASUREMENT.defaultColour());
    private int imageWidth;
    private int imageHeight;

    /** @param scale, translate the viewer's image-to-screen transform (applied translate first, as in the viewer) */
    MeasurementOverlay(ObservableValue<LesionMeasurements> measurements, ObservableValue<Mask> ruler, Scale scale,
                       Translate translate) {
        this.measurements = measurements;
        this.ruler = ruler;
        this.scale = scale;
        this.translate = translate;
        setId("measurementOverlay");
        setMouseTransparent(true);
        setManaged(false);
        for (Observable o : new Observable[] {measurements, ruler, scale.xProperty(), translate.xProperty(),
                translate.yProperty(), widthProperty(), heightProperty(), colour, visibleProperty()}) {
            o.addListener(x -> redraw());
        }
    }

    /** Colour "#RRGGBB" of the lines and labels (the user's preference). */
    StringProperty colourProperty() {
        return colour;
    }

    /** The size of the image on screen, in its pixels (0 when none). */
    void setImageSize(int width, int height) {
        imageWidth = width;
        imageHeight = height;
        redraw();
    }

    private void redraw() {
        getChildren().clear();
        LesionMeasurements m = measurements.getValue();
        if (!isVisible() || m == null || imageWidth == 0) {
            return;
        }
        Color c = Colours.isHex(colour.get()) ? Color.web(colour.get()) : Color.WHITE;
        double s = scale.getX();
        double[] e = m.diameterEnds();
        double x1 = sx(e[0] + 0.5);
        double y1 = sy(e[1] + 0.5);
        double x2 = sx(e[2] + 0.5);
        double y2 = sy(e[3] + 0.5);
        double len = Math.hypot(x2 - x1, y2 - y1);
        // unit normal to the diameter, for the end caps and the label's offset
        double nx = len == 0 ? 0 : -(y2 - y1) / len;
        double ny = len == 0 ? 1 : (x2 - x1) / len;
        Line diameter = line("diameterLine", x1, y1, x2, y2, c);
        getChildren().addAll(diameter, line(null, x1 - nx * CAP, y1 - ny * CAP, x1 + nx * CAP, y1 + ny * CAP, c),
                line(null, x2 - nx * CAP, y2 - ny * CAP, x2 + nx * CAP, y2 + ny * CAP, c));
        Text label = text("diameterLabel", ScaleBar.diameterLabel(m), c);
        // beside the middle of the segment, on its upper side
        double side = ny > 0 ? -1 : 1;
        double lw = label.prefWidth(-1);
        double lh = label.prefHeight(-1);
        // clear of the line whatever its slope: the label's half-extent along the normal, plus a gap
        double offset = 6 + Math.abs(nx) * lw / 2 + Math.abs(ny) * lh / 2;
        double lx = (x1 + x2) / 2 + side * nx * offset;
        double ly = (y1 + y2) / 2 + side * ny * offset;
        label.relocate(lx - lw / 2, ly - lh / 2);
        getChildren().add(label);
        if (m.scale().known()) {
            drawScaleBar(m.scale().pxPerMm() * s, c);
        }
    }

    /** A bar of a round length in the corner of the part of the image on screen that hides the least ruler. */
    private void drawScaleBar(double screenPxPerMm, Color c) {
        double mm = ScaleBar.lengthMm(screenPxPerMm, TARGET_PX);
        double barPx = mm * screenPxPerMm;
        Text label = text("scaleBarLabel", ScaleBar.label(mm), c);
        double boxW = Math.max(barPx, label.prefWidth(-1));
        double boxH = 10 + label.prefHeight(-1);
        // the visible part of the image, on screen
        double vx0 = Math.max(0, sx(0));
        double vy0 = Math.max(0, sy(0));
        double vx1 = Math.min(getWidth(), sx(imageWidth));
        double vy1 = Math.min(getHeight(), sy(imageHeight));
        double s = scale.getX();
        ScaleBar.Corner corner = ScaleBar.corner(imageWidth, imageHeight, ix(vx0), iy(vy0), ix(vx1), iy(vy1),
                boxW / s, boxH / s, INSET / s, ruler.getValue());
        double left = corner.right() ? vx1 - INSET - boxW : vx0 + INSET;
        double bottom = corner.lower() ? vy1 - INSET : vy0 + INSET + boxH;
        Line bar = line("scaleBar", left, bottom, left + barPx, bottom, c);
        bar.setStrokeWidth(4);
        bar.setStrokeLineCap(StrokeLineCap.BUTT);
        label.relocate(left + barPx / 2 - label.prefWidth(-1) / 2, bottom - 8 - label.prefHeight(-1));
        getChildren().addAll(bar, line(null, left, bottom - 6, left, bottom + 2, c),
                line(null, left + barPx, bottom - 6, left + barPx, bottom + 2, c), label);
    }

    private double sx(double x) {
        return translate.getX() + x * scale.getX();
    }

    private double sy(double y) {
        return translate.getY() + y * scale.getY();
    }

    private double ix(double screenX) {
        return (screenX - translate.getX()) / scale.getX();
    }

    private double iy(double screenY) {
        return (screenY - translate.getY()) / scale.getY();
    }

    private static Line line(String id, double x1, double y1, double x2, double y2, Color c) {
        Line l = new Line(x1, y1, x2, y2);
        if (id != null) {
            l.setId(id);
        }
        l.setStroke(c);
        l.setStrokeWidth(2);
        l.setStrokeLineCap(StrokeLineCap.ROUND);
        l.setEffect(halo());
        return l;
    }

    private static Text text(String id, String s, Color c) {
        Text t = new Text(s);
        t.setId(id);
        t.setFill(c);
        t.setFont(Font.font(null, FontWeight.BOLD, 14));
        t.setTextOrigin(VPos.TOP);
        t.setEffect(halo());
        return t;
    }

    /** A dark edge that keeps light lines and labels readable on light skin. */
    private static DropShadow halo() {
        DropShadow d = new DropShadow(3, Color.color(0, 0, 0, 0.9));
        d.setSpread(0.6);
        return d;
    }
}

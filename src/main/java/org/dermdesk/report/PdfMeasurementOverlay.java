package org.dermdesk.report;

import java.io.IOException;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.dermdesk.core.LesionMeasurements;
import org.dermdesk.core.Mask;
import org.dermdesk.core.ScaleBar;

/**
 * The measurement drawn on the lesion image in the PDF as the window draws it: the largest diameter (the
 * maximum Feret segment) with its length, and with a known scale a bar of a round length in the corner
 * that hides the least ruler ({@link ScaleBar}'s rule). Without a scale the diameter is labelled in
 * pixels, "scale unknown", and no bar is drawn. Lines are white on a black edge and labels black on
 * white, so they read on dark and light skin and in greyscale.
 */
final class PdfMeasurementOverlay {

    /** The scale bar aims at this share of the drawn image's width. */
    static final float TARGET_WIDTH_SHARE = 0.22f;
    private static final float INSET = 5;
    private static final float CAP = 3;
    private static final float FONT = 7;
    private static final float PAD = 1.5f;

    private final PDPageContentStream cs;
    private final PdfText t;
    private final int imageW;
    private final int imageH;
    private final float x;
    private final float yBottom;
    private final float w;
    private final float h;

    /** Over an image of {@code imageW x imageH} pixels drawn at {@code x, yBottom} in {@code w x h} points. */
    PdfMeasurementOverlay(PDPageContentStream cs, PdfText t, int imageW, int imageH, float x, float yBottom, float w, float h) {
        this.cs = cs;
        this.t = t;
        this.imageW = imageW;
        this.imageH = imageH;
        this.x = x;
        this.yBottom = yBottom;
        this.w = w;
        this.h = h;
    }

    /** @param ruler where the ruler lies in the image, or null */
    void draw(LesionMeasurements m, Mask ruler) throws IOException {
        cs.saveGraphicsState();
        cs.addRect(x, yBottom, w, h);
        cs.clip();
        diameter(m);
        if (m.scale().known()) {
            scaleBar(m.scale().pxPerMm() * pointsPerPixel(), ruler);
        }
        cs.restoreGraphicsState();
    }

    private void diameter(LesionMeasurements m) throws IOException {
        double[] e = m.diameterEnds();
        float x1 = px(e[0] + 0.5);
        float y1 = py(e[1] + 0.5);
        float x2 = px(e[2] + 0.5);
        float y2 = py(e[3] + 0.5);
        float len = (float) Math.hypot(x2 - x1, y2 - y1);
        // unit normal to the diameter, for the end caps and the label's offset
        float nx = len == 0 ? 0 : -(y2 - y1) / len;
        float ny = len == 0 ? 1 : (x2 - x1) / len;
        float[][] segments = {{x1, y1, x2, y2},
                {x1 - nx * CAP, y1 - ny * CAP, x1 + nx * CAP, y1 + ny * CAP},
                {x2 - nx * CAP, y2 - ny * CAP, x2 + nx * CAP, y2 + ny * CAP}};
        haloed(segments, 1f);
        String label = ScaleBar.diameterLabel(m);
        float lw = t.width(t.clean(label), FONT, true) + 2 * PAD;
        float lh = FONT + 2 * PAD;
        // beside the middle of the segment on its upper side, clear of the line whatever its slope
        float side = ny < 0 ? -1 : 1;
        float offset = 4 + Math.abs(nx) * lw / 2 + Math.abs(ny) * lh / 2;
        float cx = (x1 + x2) / 2 + side * nx * offset;
        float cy = (y1 + y2) / 2 + side * ny * offset;
        float left = Math.max(x + 1, Math.min(x + w - lw - 1, cx - lw / 2));
        float bottom = Math.max(yBottom + 1, Math.min(yBottom + h - lh - 1, cy - lh / 2));
        labelBox(label, left, bottom, lw, lh);
    }

    private void scaleBar(double pointsPerMm, Mask ruler) throws IOException {
        double mm = ScaleBar.lengthMm(pointsPerMm, w * TARGET_WIDTH_SHARE);
        float bar = (float) (mm * pointsPerMm);
        String label = ScaleBar.label(mm);
        float lw = t.width(label, FONT, true) + 2 * PAD;
        float lh = FONT + 2 * PAD;
        float boxW = Math.max(bar, lw);
        float boxH = lh + 4;
        float k = pointsPerPixel();
        ScaleBar.Corner corner = ScaleBar.corner(imageW, imageH, 0, 0, imageW, imageH, boxW / k, boxH / k, INSET / k, ruler);
        float left = corner.right() ? x + w - INSET - boxW : x + INSET;
        float base = corner.lower() ? yBottom + INSET : yBottom + h - INSET - boxH;
        float barLeft = left + (boxW - bar) / 2;
        haloed(new float[][] {{barLeft, base, barLeft + bar, base},
                {barLeft, base, barLeft, base + 3}, {barLeft + bar, base, barLeft + bar, base + 3}}, 2f);
        labelBox(label, left + (boxW - lw) / 2, base + 4, lw, lh);
    }

    /** White lines over a black edge one point wider on each side. */
    private void haloed(float[][] segments, float width) throws IOException {
        cs.setLineCapStyle(0);
        for (float[] grey : new float[][] {{0f, width + 2}, {1f, width}}) {
            cs.setStrokingColor(grey[0]);
            cs.setLineWidth(grey[1]);
            for (float[] s : segments) {
                cs.moveTo(s[0], s[1]);
                cs.lineTo(s[2], s[3]);
            }
            cs.stroke();
        }
    }

    /** Black bold text on a white box with a thin black frame. */
    private void labelBox(String label, float left, float bottom, float lw, float lh) throws IOException {
        cs.setNonStrokingColor(1f);
        cs.setStrokingColor(0f);
        cs.setLineWidth(0.4f);
        cs.addRect(left, bottom, lw, lh);
        cs.fillAndStroke();
        cs.setNonStrokingColor(0f);
        t.draw(cs, label, left + PAD, bottom + PAD + 1.2f, FONT, true);
    }

    private float pointsPerPixel() {
        return w / imageW;
    }

    private float px(double imageX) {
        return (float) (x + imageX * w / imageW);
    }

    private float py(double imageY) {
        return (float) (yBottom + h - imageY * h / imageH);
    }
}

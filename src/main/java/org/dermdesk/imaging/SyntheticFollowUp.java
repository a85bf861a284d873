package org.dermdesk.imaging;

import static org.bytedeco.opencv.global.opencv_core.BORDER_REFLECT;
import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.MORPH_ELLIPSE;
import static org.bytedeco.opencv.global.opencv_imgproc.dilate;
import static org.bytedeco.opencv.global.opencv_imgproc.getStructuringElement;
import static org.bytedeco.opencv.global.opencv_imgproc.WARP_INVERSE_MAP;
import static org.bytedeco.opencv.global.opencv_imgproc.warpAffine;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.dermdesk.core.LesionImage;
import org.dermdesk.core.Mask;

/**
 * Follow-up images made from one real image, for validating the comparison (never used on patients):
 * the same view re-taken (camera shifted, turned, zoomed, re-exposed) and the lesion alone grown
 * while the skin and the scale stay.
 */
public final class SyntheticFollowUp {

    private SyntheticFollowUp() {
    }

    /** An image and its lesion outline. */
    public record Shot(LesionImage image, Mask mask) {
    }

    /**
     * The camera moved: the view shifted by (dx, dy) px, turned by {@code deg} and zoomed by {@code zoom}
     * about the image centre, the exposure multiplied by {@code exposure}. Borders are filled by reflection,
     * as skin continues beyond the frame.
     */
    public static Shot retaken(LesionImage image, Mask mask, double dx, double dy, double deg, double zoom, double exposure) {
        double cx = image.width() / 2.0;
        double cy = image.height() / 2.0;
        // maps a point of the new view to the old image: inverse of "turn and zoom about the centre, then shift"
        Similarity toNew = Similarity.about(cx, cy, cx + dx, cy + dy, zoom, Math.toRadians(deg));
        double[] inv = invert(toNew.affine());
        LesionImage moved = warp(image, inv, BORDER_REFLECT);
        byte[] px = moved.rgb().clone();
        for (int i = 0; i < px.length; i++) {
            px[i] = (byte) Math.max(0, Math.min(255, Math.round((px[i] & 0xFF) * exposure)));
        }
        Mask m = EccLesionRegistrar.warpMask(mask, affineAsSimilarity(inv), image.width(), image.height());
        return new Shot(new LesionImage(image.source(), image.width(), image.height(), px), m);
    }

    /**
     * The lesion grown by {@code areaFactor} in area about its centroid; the skin, the camera and the scale
     * are unchanged. The grown lesion is feathered over the original skin.
     */
    public static Shot grown(LesionImage image, Mask mask, double areaFactor) {
        double sx = 0;
        double sy = 0;
        int n = 0;
        for (int y = 0; y < mask.height(); y++) {
            for (int x = 0; x < mask.width(); x++) {
                if (mask.contains(x, y)) {
                    sx += x;
                    sy += y;
                    n++;
                }
            }
        }
        if (n == 0) throw new IllegalArgumentException(image.source() + ": the outline is empty");
        double cx = sx / n;
        double cy = sy / n;
        double g = Math.sqrt(areaFactor);
        // maps a point of the grown image back to the original: shrink about the centroid
        Similarity back = Similarity.about(cx, cy, cx, cy, 1 / g, 0);
        LesionImage big = warp(image, back.affine(), BORDER_REFLECT);
        Mask bigMask = EccLesionRegistrar.warpMask(mask, back, image.width(), image.height());
        // the lesion's soft edge lies partly outside its outline: paste a margin of the grown image around it too
        int margin = Math.max(2, (int) Math.round(0.15 * Math.sqrt(n / Math.PI)));
        Mask pasted = EccLesionRegistrar.warpMask(widened(mask, margin), back, image.width(), image.height());
        float[] alpha = feather(pasted, Math.max(1.0, margin / 2.0));
        byte[] out = image.rgb().clone();
        byte[] b = big.rgb();
        for (int i = 0; i < alpha.length; i++) {
            float a = alpha[i];
            if (a <= 0) continue;
            for (int k = 0; k < 3; k++) {
                int j = i * 3 + k;
                out[j] = (byte) Math.round((1 - a) * (out[j] & 0xFF) + a * (b[j] & 0xFF));
            }
        }
        return new Shot(new LesionImage(image.source(), image.width(), image.height(), out), bigMask);
    }

    private static Mask widened(Mask m, int r) {
        try (Mat src = MatConversions.toMaskMat(binary(m), m.width(), m.height()); Mat out = new Mat();
             Size k = new Size(2 * r + 1, 2 * r + 1); Mat e = getStructuringElement(MORPH_ELLIPSE, k)) {
            dilate(src, out, e);
            return new Mask(m.width(), m.height(), MatConversions.toBytes(out));
        }
    }

    private static byte[] binary(Mask m) {
        byte[] px = m.pixels().clone();
        for (int i = 0; i < px.length; i++) {
            px[i] = px[i] != 0 ? (byte) 255 : 0;
        }
        return px;
    }

    private static float[] feather(Mask m, double sigma) {
        byte[] px = binary(m);
        try (Mat src = MatConversions.toMaskMat(px, m.width(), m.height()); Mat out = new Mat(); Size k = new Size(0, 0)) {
            GaussianBlur(src, out, k, sigma);
            byte[] v = MatConversions.toBytes(out);
            float[] a = new float[v.length];
            for (int i = 0; i < v.length; i++) {
                // keep the inside solid: only the rim is soft
                a[i] = px[i] != 0 ? 1f : (v[i] & 0xFF) / 255f;
            }
            return a;
        }
    }

    private static LesionImage warp(LesionImage image, double[] affineNewToOld, int border) {
        try (Mat src = MatConversions.toRgbMat(image); Mat m = Similarity.toMat(affineNewToOld); Mat out = new Mat();
             Size size = new Size(image.width(), image.height()); Scalar zero = new Scalar(0, 0, 0, 0)) {
            warpAffine(src, out, m, size, INTER_LINEAR | WARP_INVERSE_MAP, border, zero);
            return new LesionImage(image.source(), image.width(), image.height(), MatConversions.toBytes(out));
        }
    }

    private static Similarity affineAsSimilarity(double[] a) {
        return Similarity.nearest(a, 0, 0);
    }

    private static double[] invert(double[] m) {
        double det = m[0] * m[4] - m[1] * m[3];
        double a = m[4] / det;
        double b = -m[1] / det;
        double c = -m[3] / det;
        double d = m[0] / det;
        return new double[] {a, b, -(a * m[2] + b * m[5]), c, d, -(c * m[2] + d * m[5])};
    }
}

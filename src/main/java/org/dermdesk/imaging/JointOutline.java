package org.dermdesk.imaging;

import static org.bytedeco.opencv.global.opencv_core.BORDER_CONSTANT;
import static org.bytedeco.opencv.global.opencv_core.extractChannel;
import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_NEAREST;
import static org.bytedeco.opencv.global.opencv_imgproc.MORPH_CLOSE;
import static org.bytedeco.opencv.global.opencv_imgproc.MORPH_ELLIPSE;
import static org.bytedeco.opencv.global.opencv_imgproc.MORPH_OPEN;
import static org.bytedeco.opencv.global.opencv_imgproc.WARP_INVERSE_MAP;
import static org.bytedeco.opencv.global.opencv_imgproc.getStructuringElement;
import static org.bytedeco.opencv.global.opencv_imgproc.morphologyEx;
import static org.bytedeco.opencv.global.opencv_imgproc.warpAffine;

import java.util.Arrays;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * The lesion outlined in both registered images by one rule, so that a change in area is the lesion's and
 * not the segmenter's: each image segmented alone may follow a different region or cut at a different grey
 * level (on HAM10000 re-takes the single-image outlines overlapped by less than half in a quarter of the
 * pairs while the expert outlines overlapped by 0.9).
 *
 * <p>In the earlier image's frame: darkness relative to each image's own skin (1 - blue / median skin blue,
 * so an exposure change cancels), hair closed away and smoothed as the single-image segmenter does; one Otsu
 * threshold over both images; in each image the parts that overlap either image's own outline are kept.
 */
final class JointOutline {

    /** Relative darkness is stored as (r + 0.5) / 1.5 * 255: skin at about 85, black at 255. */
    private static final double OFFSET = 0.5;
    private static final double RANGE = 1.5;
    /** Levels below the joint Otsu threshold still counted as lesion (the soft edge, as the segmenter does). */
    static final int OTSU_OFFSET = 11;
    /** A region is part of the lesion when at least this share of it lies on one of the two outlines. */
    static final double ON_OUTLINE = 0.25;
    /** Fewer skin pixels than this share of the overlap: no skin reference, no joint outline. */
    private static final double MIN_SKIN = 0.05;

    /** Both outlines in the earlier image's working frame, and the ratio of their areas (later / earlier). */
    record Result(byte[] before, byte[] after, double areaRatio, double jaccard) {
        /** Where both outlines lie: the lesion's pattern is compared there. */
        byte[] common() {
            byte[] out = new byte[before.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = before[i] != 0 && after[i] != 0 ? (byte) 255 : 0;
            }
            return out;
        }
    }

    private JointOutline() {
    }

    /** @return null when the images share too little field of view or skin to outline them together */
    static Result of(RegistrationSide b, RegistrationSide a, Similarity s) {
        int n = b.wc.pixels();
        byte[] aBlue;
        byte[] aFov;
        byte[] aLesion;
        try (Mat m = s.toMat(); Size size = new Size(b.width(), b.height()); Scalar zero = new Scalar(0, 0, 0, 0);
             Mat blue = new Mat(); Mat warped = new Mat(); Mat fov = a.mat(a.fov); Mat fovOut = new Mat();
             Mat lesion = a.mat(a.lesion); Mat lesionOut = new Mat()) {
            extractChannel(a.wc.bgr, blue, 0);
            warpAffine(blue, warped, m, size, INTER_LINEAR | WARP_INVERSE_MAP, BORDER_CONSTANT, zero);
            warpAffine(fov, fovOut, m, size, INTER_NEAREST | WARP_INVERSE_MAP, BORDER_CONSTANT, zero);
            warpAffine(lesion, lesionOut, m, size, INTER_NEAREST | WARP_INVERSE_MAP, BORDER_CONSTANT, zero);
            aBlue = MatConversions.toBytes(warped);
            aFov = MatConversions.toBytes(fovOut);
            aLesion = MatConversions.toBytes(lesionOut);
        }
        byte[] bBlue = new byte[n];
        for (int i = 0; i < n; i++) {
            bBlue[i] = b.wc.bgrPx[i * 3];
        }
        byte[] valid = new byte[n];
        byte[] seed = new byte[n];
        int overlap = 0;
        for (int i = 0; i < n; i++) {
            if (b.fov[i] != 0 && aFov[i] != 0) {
                valid[i] = (byte) 255;
                overlap++;
            }
            seed[i] = b.lesion[i] != 0 || aLesion[i] != 0 ? (byte) 255 : 0;
        }
        byte[] skin = valid.clone();
        Masks.minus(skin, b.wc.dilated(seed, LesionSegmenter.RING_512));
        if (Masks.area(skin) < MIN_SKIN * overlap || overlap == 0) {
            return null;
        }
        byte[] bDark = relativeDarkness(b.wc, smoothed(b.wc, bBlue), skin);
        byte[] aDark = relativeDarkness(b.wc, smoothed(b.wc, aBlue), skin);
        int t = jointOtsu(bDark, aDark, valid);
        byte[] bOut = outline(b.wc, bDark, t, valid, seed);
        byte[] aOut = outline(b.wc, aDark, t, valid, seed);
        double bArea = Masks.area(bOut);
        if (bArea == 0) {
            return null;
        }
        return new Result(bOut, aOut, Masks.area(aOut) / bArea, EccLesionRegistrar.jaccard(bOut, aOut));
    }

    /** The blue channel with dark hair closed away and smoothed (the single-image segmenter's kernels). */
    private static byte[] smoothed(WorkingCopy wc, byte[] blue) {
        int kh = wc.kernel(LesionSegmenter.HAIR_512, 3);
        int k = wc.kernel(LesionSegmenter.BLUR_512, 3);
        try (Mat m = wc.maskMat(blue); Mat closed = new Mat(); Mat out = new Mat(); Size hs = new Size(kh, kh);
             Mat he = getStructuringElement(MORPH_ELLIPSE, hs); Size ks = new Size(k, k)) {
            morphologyEx(m, closed, MORPH_CLOSE, he);
            GaussianBlur(closed, out, ks, 0);
            return MatConversions.toBytes(out);
        }
    }

    private static byte[] relativeDarkness(WorkingCopy wc, byte[] blue, byte[] skin) {
        double skinBlue = Math.max(1, median(blue, skin));
        byte[] out = new byte[blue.length];
        for (int i = 0; i < blue.length; i++) {
            double r = 1 - (blue[i] & 0xFF) / skinBlue;
            out[i] = (byte) Math.max(0, Math.min(255, Math.round((r + OFFSET) / RANGE * 255)));
        }
        return out;
    }

    private static int median(byte[] px, byte[] where) {
        int[] hist = new int[256];
        int total = 0;
        for (int i = 0; i < px.length; i++) {
            if (where[i] != 0) {
                hist[px[i] & 0xFF]++;
                total++;
            }
        }
        int seen = 0;
        for (int v = 0; v < 256; v++) {
            seen += hist[v];
            if (2 * seen >= total) {
                return v;
            }
        }
        return 255;
    }

    private static int jointOtsu(byte[] x, byte[] y, byte[] valid) {
        byte[] both = Arrays.copyOf(x, 2 * x.length);
        System.arraycopy(y, 0, both, x.length, y.length);
        byte[] exclude = new byte[both.length];
        for (int i = 0; i < valid.length; i++) {
            exclude[i] = valid[i] == 0 ? (byte) 1 : 0;
            exclude[valid.length + i] = exclude[i];
        }
        return LesionSegmenter.otsu(both, exclude);
    }

    /** Thresholded, cleaned, the regions on either outline kept, holes filled. */
    private static byte[] outline(WorkingCopy wc, byte[] dark, int t, byte[] valid, byte[] seed) {
        int n = dark.length;
        byte[] bin = new byte[n];
        for (int i = 0; i < n; i++) {
            if (valid[i] != 0 && (dark[i] & 0xFF) > t - OTSU_OFFSET) {
                bin[i] = (byte) 255;
            }
        }
        int ko = wc.kernel(LesionSegmenter.OPEN_512, 3);
        int kc = wc.kernel(LesionSegmenter.CLOSE_512, 3);
        try (Mat m = wc.maskMat(bin); Mat o = new Mat(); Mat c = new Mat();
             Size so = new Size(ko, ko); Mat eo = getStructuringElement(MORPH_ELLIPSE, so);
             Size sc = new Size(kc, kc); Mat ec = getStructuringElement(MORPH_ELLIPSE, sc)) {
            morphologyEx(m, o, MORPH_OPEN, eo);
            morphologyEx(o, c, MORPH_CLOSE, ec);
            Components comp = Components.of(c);
            int[] onSeed = new int[comp.count];
            for (int i = 0; i < n; i++) {
                if (seed[i] != 0) {
                    onSeed[comp.labels[i]]++;
                }
            }
            boolean[] keep = new boolean[comp.count];
            for (int k = 1; k < comp.count; k++) {
                keep[k] = onSeed[k] >= ON_OUTLINE * comp.area[k];
            }
            return LesionSegmenter.fillHoles(comp.mask(keep), wc.width, wc.height);
        }
    }
}

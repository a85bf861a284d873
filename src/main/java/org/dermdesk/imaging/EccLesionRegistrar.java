package org.dermdesk.imaging;

import static org.bytedeco.opencv.global.opencv_core.BORDER_CONSTANT;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_NEAREST;
import static org.bytedeco.opencv.global.opencv_imgproc.WARP_INVERSE_MAP;
import static org.bytedeco.opencv.global.opencv_imgproc.warpAffine;
import static org.bytedeco.opencv.global.opencv_video.MOTION_AFFINE;
import static org.bytedeco.opencv.global.opencv_video.findTransformECCWithMask;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_core.TermCriteria;
import org.dermdesk.core.LesionImage;
import org.dermdesk.core.LesionRegistrar;
import org.dermdesk.core.Mask;
import org.dermdesk.core.Registration;

/**
 * Registers two images of one lesion in three steps, at a working size of {@value #LONG_SIDE} px:
 * <ol>
 *   <li><b>moments</b>: the outlines' centroids and principal axes give starting transforms (the axis
 *   is only known up to a half turn, and not at all for a round outline, so several angles are tried,
 *   each at the same zoom and at the zoom that equalises the outlines' areas);</li>
 *   <li><b>ecc-content</b>: each start is refined by OpenCV's enhanced correlation coefficient
 *   (Evangelidis and Psarakis 2008) on the whole field of view, as an affine map reduced to the nearest
 *   similarity; the best by grey-level correlation and outline overlap is kept;</li>
 *   <li><b>ecc-skin</b>: the same refinement on the skin only (the lesion and a margin left out), so
 *   that a lesion that grew does not pull the scale; kept when it converges near the content result.</li>
 * </ol>
 * The check: registered outlines overlap by at least {@link #MIN_JACCARD} and the grey-level residual
 * is at most {@link #MAX_RESIDUAL}. Stateless and thread-safe.
 */
public final class EccLesionRegistrar implements LesionRegistrar {

    /** Working long side: fine enough for a lesion's outline, coarse enough for ECC to converge from afar. */
    static final int LONG_SIDE = 256;
    /** Widening (working px) of the lesion left out of the skin-only refinement. */
    static final int SKIN_MARGIN = 9;
    /** Outlines rounder than this (sqrt of the moments' ratio) have no usable principal axis. */
    static final double ROUND = 1.3;
    /** Least registered-outline overlap for a trusted registration. */
    static final double MIN_JACCARD = 0.5;
    /** Largest grey-level residual (1 - correlation) for a trusted registration. */
    static final double MAX_RESIDUAL = 0.4;
    /** The skin-only scale is kept when within this factor of the content scale. */
    static final double SKIN_SCALE_TOLERANCE = 1.25;
    /** ... when it aligns the skin at least this well (grey-level correlation on the skin) ... */
    static final double MIN_SKIN_NCC = 0.15;
    /** ... and at most this much worse than the content result does on the skin. */
    static final double SKIN_NCC_LOSS = 0.02;
    /** Zooms tried centre on centre, whatever the outlines say (re-takes range about 0.4-2x). */
    static final double[] CENTRE_ZOOMS = {0.5, 0.7, 1.0, 1.4, 2.0};
    private static final int ECC_ITERATIONS = 80;
    private static final double ECC_EPS = 1e-4;
    private static final int ECC_BLUR = 5;

    @Override
    public Registration register(LesionImage before, Mask beforeMask, LesionImage after, Mask afterMask) {
        try (RegistrationSide b = RegistrationSide.of(before, beforeMask, LONG_SIDE, SKIN_MARGIN);
             RegistrationSide a = RegistrationSide.of(after, afterMask, LONG_SIDE, SKIN_MARGIN)) {
            Similarity best = null;
            double bestScore = Double.NEGATIVE_INFINITY;
            boolean refined = false;
            for (Similarity start : starts(b, a)) {
                Similarity r = ecc(b, a, start, b.fov, a.fov);
                Similarity s = r != null ? r : start;
                double score = ncc(b, a, s, b.fov, a.fov) + 0.5 * jaccard(b, a, s);
                if (score > bestScore) {
                    bestScore = score;
                    best = s;
                    refined = r != null;
                }
            }
            String method = refined ? "moments+ecc-content" : "moments";
            boolean fromSkin = false;
            Similarity skin = null;
            double skinScore = Double.NEGATIVE_INFINITY;
            // from the content result, and from it at the same zoom (the content scale may hold some of a lesion's growth)
            double[] c = apply(best, b.cx, b.cy);
            Similarity sameZoom = Similarity.about(b.cx, b.cy, c[0], c[1], a.wc.scale / b.wc.scale, best.phi());
            for (Similarity start : List.of(best, sameZoom)) {
                Similarity r = ecc(b, a, start, b.skin, a.skin);
                if (r == null) continue;
                double score = ncc(b, a, r, b.skin, a.skin);
                if (score > skinScore) {
                    skinScore = score;
                    skin = r;
                }
            }
            if (skin != null && acceptSkin(b, a, best, skin)) {
                best = skin;
                method += "+ecc-skin";
                fromSkin = true;
            }
            double residual = Math.min(2, 1 - ncc(b, a, best, b.fov, a.fov));
            double onSkin = ncc(b, a, best, b.skin, a.skin);
            double skinResidual = onSkin < -1 ? Double.NaN : 1 - onSkin;
            JointOutline.Result joint = JointOutline.of(b, a, best);
            // the overlap judged on outlines drawn by one rule: each image's own outline may follow another region
            double jac = joint != null ? joint.jaccard() : jaccard(b, a, best);
            double inside = joint != null ? ncc(b, a, best, joint.common(), a.fov) : ncc(b, a, best, b.lesion, a.lesion);
            boolean success = jac >= MIN_JACCARD && residual <= MAX_RESIDUAL;
            Similarity full = best.toFull(b.wc.scale, a.wc.scale);
            LesionImage registered = warpImage(after, full, before.width(), before.height());
            Mask registeredMask = warpMask(afterMask, full, before.width(), before.height());
            Registration.OutlinedTogether together = null;
            if (joint != null && Masks.area(joint.before()) > 0) {
                double toFull = 1 / (b.wc.scale * b.wc.scale);
                double toFullLength = 1 / b.wc.scale;
                together = new Registration.OutlinedTogether(Masks.area(joint.before()) * toFull, Masks.area(joint.after()) * toFull,
                        FeretDiameter.ofLargestPart(b.wc, joint.before()) * toFullLength,
                        FeretDiameter.ofLargestPart(b.wc, joint.after()) * toFullLength,
                        new Mask(b.wc.fullWidth, b.wc.fullHeight, Resample.toFull(b.wc, joint.before())),
                        new Mask(b.wc.fullWidth, b.wc.fullHeight, Resample.toFull(b.wc, joint.after())));
            }
            return new Registration(method, success, residual, skinResidual, full.s(), Math.toDegrees(full.phi()), full.tx(), full.ty(),
                    fromSkin, jac, inside < -1 ? Double.NaN : inside, registered, registeredMask, together);
        }
    }

    /** Starting transforms from the outlines' moments. */
    static List<Similarity> starts(RegistrationSide b, RegistrationSide a) {
        List<Double> angles = new ArrayList<>();
        double axis = a.theta - b.theta;
        addAngle(angles, 0);
        if (b.elongation >= ROUND && a.elongation >= ROUND) {
            addAngle(angles, axis);
            addAngle(angles, axis + Math.PI);
        } else {
            for (int q = 1; q < 4; q++) addAngle(angles, q * Math.PI / 2);
        }
        List<Double> scales = new ArrayList<>();
        scales.add(1.0);
        if (b.area > 0 && a.area > 0) {
            double equal = Math.sqrt(a.area / b.area);
            if (Math.abs(Math.log(equal)) > Math.log(1.05)) scales.add(equal);
        }
        List<Similarity> out = new ArrayList<>();
        for (double s : scales) {
            for (double phi : angles) {
                out.add(Similarity.about(b.cx, b.cy, a.cx, a.cy, s, phi));
            }
        }
        // starts that do not trust the outlines (one may be mis-segmented): centre on centre at a few zooms
        double bx = b.width() / 2.0;
        double by = b.height() / 2.0;
        double ax = a.width() / 2.0;
        double ay = a.height() / 2.0;
        double fit = Math.max(a.width(), a.height()) / (double) Math.max(b.width(), b.height());
        for (double z : CENTRE_ZOOMS) {
            out.add(Similarity.about(bx, by, ax, ay, z * fit, 0));
        }
        return out;
    }

    private static void addAngle(List<Double> angles, double phi) {
        double p = Math.atan2(Math.sin(phi), Math.cos(phi));
        for (double q : angles) {
            double d = Math.abs(Math.atan2(Math.sin(p - q), Math.cos(p - q)));
            if (d < Math.toRadians(15)) return;
        }
        angles.add(p);
    }

    private static boolean acceptSkin(RegistrationSide b, RegistrationSide a, Similarity content, Similarity skin) {
        if (Math.abs(Math.log(skin.s() / content.s())) > Math.log(SKIN_SCALE_TOLERANCE)) return false;
        double[] pc = apply(content, b.cx, b.cy);
        double[] ps = apply(skin, b.cx, b.cy);
        double diag = Math.hypot(b.width(), b.height());
        if (Math.hypot(pc[0] - ps[0], pc[1] - ps[1]) > 0.1 * diag) return false;
        // judged on the skin alone: on the whole image a grown lesion favours the content result
        double onSkin = ncc(b, a, skin, b.skin, a.skin);
        return onSkin >= MIN_SKIN_NCC && onSkin >= ncc(b, a, content, b.skin, a.skin) - SKIN_NCC_LOSS;
    }

    private static double[] apply(Similarity s, double x, double y) {
        double[] m = s.affine();
        return new double[] {m[0] * x + m[1] * y + m[2], m[3] * x + m[4] * y + m[5]};
    }

    /** ECC refinement from {@code start} over the given masks; null when it did not converge. */
    static Similarity ecc(RegistrationSide b, RegistrationSide a, Similarity start, byte[] bMask, byte[] aMask) {
        if (Masks.area(bMask) < 0.05 * b.wc.pixels() || Masks.area(aMask) < 0.05 * a.wc.pixels()) return null;
        try (Mat warp = start.toMat(); Mat tm = b.mat(bMask); Mat im = a.mat(aMask);
             TermCriteria tc = new TermCriteria(TermCriteria.COUNT + TermCriteria.EPS, ECC_ITERATIONS, ECC_EPS)) {
            findTransformECCWithMask(b.grey, a.grey, tm, im, warp, MOTION_AFFINE, tc, ECC_BLUR);
            double[] v = Similarity.values(warp);
            for (double x : v) {
                if (!Double.isFinite(x)) return null;
            }
            Similarity s = Similarity.nearest(v, b.cx, b.cy);
            return s.s() > 0.2 && s.s() < 5 ? s : null;
        } catch (RuntimeException e) {
            // OpenCV reports a refinement that diverged or stalled as an exception: the start stands
            return null;
        }
    }

    /** Normalised cross-correlation of the earlier grey image and the registered later one over both masks. */
    static double ncc(RegistrationSide b, RegistrationSide a, Similarity s, byte[] bMask, byte[] aMask) {
        float[] warped;
        byte[] valid;
        try (Mat m = s.toMat(); Mat out = new Mat(); Mat am = a.mat(aMask); Mat mOut = new Mat();
             Size size = new Size(b.width(), b.height()); Scalar zero = new Scalar(0, 0, 0, 0)) {
            warpAffine(a.grey, out, m, size, INTER_LINEAR | WARP_INVERSE_MAP, BORDER_CONSTANT, zero);
            warpAffine(am, mOut, m, size, INTER_NEAREST | WARP_INVERSE_MAP, BORDER_CONSTANT, zero);
            warped = RegistrationSide.floats(out);
            valid = MatConversions.toBytes(mOut);
        }
        float[] ref = b.greyPx;
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double syy = 0;
        double sxy = 0;
        int n = 0;
        for (int i = 0; i < ref.length; i++) {
            if (valid[i] == 0 || bMask[i] == 0) continue;
            double x = ref[i];
            double y = warped[i];
            sx += x;
            sy += y;
            sxx += x * x;
            syy += y * y;
            sxy += x * y;
            n++;
        }
        // judged against the smaller of the two regions: a later image zoomed in 3x covers a ninth of the earlier one
        double reach = Math.min(Masks.area(bMask), Masks.area(aMask) / (s.s() * s.s()));
        if (n < 0.2 * reach || n < 50) return -2;
        double vx = sxx - sx * sx / n;
        double vy = syy - sy * sy / n;
        if (vx <= 0 || vy <= 0) return 0;
        return (sxy - sx * sy / n) / Math.sqrt(vx * vy);
    }

    /** Intersection over union of the earlier outline and the registered later one (working size). */
    static double jaccard(RegistrationSide b, RegistrationSide a, Similarity s) {
        byte[] warped;
        try (Mat m = s.toMat(); Mat am = a.mat(a.lesion); Mat out = new Mat(); Size size = new Size(b.width(), b.height());
             Scalar zero = new Scalar(0, 0, 0, 0)) {
            warpAffine(am, out, m, size, INTER_NEAREST | WARP_INVERSE_MAP, BORDER_CONSTANT, zero);
            warped = MatConversions.toBytes(out);
        }
        return jaccard(b.lesion, warped);
    }

    /** Intersection over union of two 0/non-0 masks of one size; 0 when both are empty. */
    public static double jaccard(byte[] m1, byte[] m2) {
        int inter = 0;
        int union = 0;
        for (int i = 0; i < m1.length; i++) {
            boolean x = m1[i] != 0;
            boolean y = m2[i] != 0;
            if (x && y) inter++;
            if (x || y) union++;
        }
        return union == 0 ? 0 : (double) inter / union;
    }

    private static LesionImage warpImage(LesionImage after, Similarity full, int width, int height) {
        try (Mat src = MatConversions.toRgbMat(after); Mat m = full.toMat(); Mat out = new Mat();
             Size size = new Size(width, height); Scalar zero = new Scalar(0, 0, 0, 0)) {
            warpAffine(src, out, m, size, INTER_LINEAR | WARP_INVERSE_MAP, BORDER_CONSTANT, zero);
            return new LesionImage(after.source(), width, height, MatConversions.toBytes(out));
        }
    }

    /** A mask resampled by the registration into the earlier image's frame (nearest neighbour). */
    static Mask warpMask(Mask mask, Similarity full, int width, int height) {
        byte[] px = mask.pixels().clone();
        for (int i = 0; i < px.length; i++) {
            px[i] = px[i] != 0 ? (byte) 255 : 0;
        }
        try (Mat src = MatConversions.toMaskMat(px, mask.width(), mask.height()); Mat m = full.toMat(); Mat out = new Mat();
             Size size = new Size(width, height); Scalar zero = new Scalar(0, 0, 0, 0)) {
            warpAffine(src, out, m, size, INTER_NEAREST | WARP_INVERSE_MAP, BORDER_CONSTANT, zero);
            return new Mask(width, height, MatConversions.toBytes(out));
        }
    }

    /**
     * The registered overlap of two expert outlines under a registration found on their images (for
     * validation against reference masks).
     */
    public static double registeredJaccard(Mask before, Mask after, Registration r) {
        Similarity full = Similarity.about(0, 0, 0, 0, r.scale(), Math.toRadians(r.rotationDeg()));
        full = new Similarity(full.s(), full.phi(), r.dx(), r.dy());
        Mask warped = warpMask(after, full, before.width(), before.height());
        return jaccard(before.pixels(), warped.pixels());
    }
}

package org.dermdesk.imaging;

import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;
import static org.bytedeco.opencv.global.opencv_imgproc.MORPH_CLOSE;
import static org.bytedeco.opencv.global.opencv_imgproc.MORPH_ELLIPSE;
import static org.bytedeco.opencv.global.opencv_imgproc.MORPH_OPEN;
import static org.bytedeco.opencv.global.opencv_imgproc.dilate;
import static org.bytedeco.opencv.global.opencv_imgproc.getStructuringElement;
import static org.bytedeco.opencv.global.opencv_imgproc.morphologyEx;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.dermdesk.core.LesionImage;
import org.dermdesk.core.LesionRegion;
import org.dermdesk.core.Mask;

/**
 * Classic lesion segmentation: a darkness channel (lesions are darker and browner/bluer than skin),
 * with hair erased by a grey opening and smoothed, thresholded by Otsu over the field of view only (dark aperture corners excluded), cleaned
 * by opening and closing; the connected component with the best size-times-centrality score is
 * kept, its holes filled and its edge widened slightly.
 */
public final class LesionSegmenter {

    /** Which per-pixel channel is thresholded (the evaluation compares them). */
    enum Channel {
        /** 255 - Lab lightness. */
        DARKNESS,
        /** 255 - blue channel (lesions absorb blue most). */
        BLUE,
        /** 255 - the mean of green and blue: darkness weighted away from red skin. */
        GREEN_BLUE,
    }

    static final Channel DEFAULT_CHANNEL = Channel.BLUE;
    /**
     * Grey levels below Otsu's threshold still counted as lesion: Otsu cuts inside the lesion's soft
     * edge, while the reference masks include it (area ratio 0.81 without this offset).
     */
    static final int OTSU_OFFSET = 12;
    /** Weight of a component that touches the image border (often shading or a dark rim). */
    static final double BORDER_PENALTY = 0.3;
    /** Gaussian smoothing (pixels at long side 512) before thresholding. */
    static final int BLUR_512 = 9;
    static final int OPEN_512 = 5;
    /** Width (pixels at long side 512) of the skin ring used by {@link #edgeContrast}. */
    static final int RING_512 = 21;
    /** Grey opening (pixels at long side 512) that erases dark hair before thresholding. */
    static final int HAIR_512 = 11;
    /** Final dilation (pixels at long side 512): the reference masks include the soft lesion edge. */
    static final int DILATE_512 = 5;
    static final int CLOSE_512 = 11;

    private final Channel channel;

    public LesionSegmenter() {
        this(DEFAULT_CHANNEL);
    }

    LesionSegmenter(Channel channel) {
        this.channel = channel;
    }

    /** The lesion of a full image (mask at full size). */
    public LesionRegion segment(LesionImage image) {
        try (WorkingCopy wc = WorkingCopy.of(image)) {
            return region(wc, segmentWorking(wc));
        }
    }

    /** Lesion mask at working size, 0/255. */
    byte[] segmentWorking(WorkingCopy wc) {
        int n = wc.pixels();
        byte[] ch = new byte[n];
        for (int i = 0; i < n; i++) {
            int b = wc.bgrPx[i * 3] & 0xFF;
            int g = wc.bgrPx[i * 3 + 1] & 0xFF;
            int v = switch (channel) {
                case DARKNESS -> 255 - (wc.lab[i * 3] & 0xFF);
                case BLUE -> 255 - b;
                case GREEN_BLUE -> 255 - (g + b) / 2;
            };
            ch[i] = (byte) v;
        }
        byte[] smooth;
        int k = wc.kernel(BLUR_512, 3);
        int kh = wc.kernel(HAIR_512, 3);
        try (Mat m = wc.maskMat(ch); Mat open = new Mat(); Mat out = new Mat(); Size ks = new Size(k, k);
             Size hs = new Size(kh, kh); Mat he = getStructuringElement(MORPH_ELLIPSE, hs)) {
            // dark hair is bright in this channel: an opening wider than a hair removes it
            if (HAIR_512 > 0) {
                morphologyEx(m, open, MORPH_OPEN, he);
            } else {
                m.copyTo(open);
            }
            GaussianBlur(open, out, ks, 0);
            smooth = MatConversions.toBytes(out);
        }
        int t = otsu(smooth, wc.vignette);
        byte[] bin = new byte[n];
        for (int i = 0; i < n; i++) {
            if ((smooth[i] & 0xFF) > t - OTSU_OFFSET && wc.vignette[i] == 0) bin[i] = (byte) 255;
        }
        int ko = wc.kernel(OPEN_512, 3);
        int kc = wc.kernel(CLOSE_512, 3);
        try (Mat m = wc.maskMat(bin); Mat o = new Mat(); Mat c = new Mat();
             Size so = new Size(ko, ko); Mat eo = getStructuringElement(MORPH_ELLIPSE, so);
             Size sc = new Size(kc, kc); Mat ec = getStructuringElement(MORPH_ELLIPSE, sc)) {
            morphologyEx(m, o, MORPH_OPEN, eo);
            morphologyEx(o, c, MORPH_CLOSE, ec);
            bin = pickLesion(wc, c);
        }
        bin = fillHoles(bin, wc.width, wc.height);
        if (DILATE_512 > 0) {
            int kd = wc.kernel(DILATE_512, 3);
            try (Mat m = wc.maskMat(bin); Mat d = new Mat(); Size sd = new Size(kd, kd);
                 Mat ed = getStructuringElement(MORPH_ELLIPSE, sd)) {
                dilate(m, d, ed);
                bin = MatConversions.toBytes(d);
            }
        }
        return bin;
    }

    private static byte[] pickLesion(WorkingCopy wc, Mat bin) {
        Components c = Components.of(bin);
        double cx = wc.width / 2.0;
        double cy = wc.height / 2.0;
        double halfDiag = Math.hypot(cx, cy);
        int best = -1;
        double bestScore = 0;
        for (int i = 1; i < c.count; i++) {
            if (c.area[i] < 0.002 * wc.pixels()) continue;
            double mx = c.left[i] + c.w[i] / 2.0;
            double my = c.top[i] + c.h[i] / 2.0;
            double dist = Math.hypot(mx - cx, my - cy) / halfDiag;
            double centrality = Math.max(0.05, 1 - dist);
            boolean touches = c.left[i] == 0 || c.top[i] == 0
                    || c.left[i] + c.w[i] >= wc.width || c.top[i] + c.h[i] >= wc.height;
            double s = c.area[i] * centrality * centrality * (touches ? BORDER_PENALTY : 1.0);
            if (s > bestScore) {
                bestScore = s;
                best = i;
            }
        }
        boolean[] keep = new boolean[c.count];
        if (best > 0) keep[best] = true;
        return c.mask(keep);
    }

    /**
     * How clearly the lesion stands out from the skin just around it: mean darkness (255 - blue)
     * inside the mask minus that in a ring of {@link #RING_512} pixels around it, field of view only.
     * A low value means a faint lesion or a mask that followed shading, so a border contact is not
     * evidence of a cut-off lesion.
     */
    static double edgeContrast(WorkingCopy wc, byte[] mask) {
        if (Masks.area(mask) == 0) return 0;
        int k = wc.kernel(RING_512, 3);
        byte[] wide;
        try (Mat m = wc.maskMat(mask); Mat d = new Mat(); Size sk = new Size(k, k);
             Mat e = getStructuringElement(MORPH_ELLIPSE, sk)) {
            dilate(m, d, e);
            wide = MatConversions.toBytes(d);
        }
        double in = 0;
        double ring = 0;
        int nIn = 0;
        int nRing = 0;
        for (int i = 0; i < mask.length; i++) {
            if (wc.vignette[i] != 0) continue;
            int v = 255 - (wc.bgrPx[i * 3] & 0xFF);
            if (mask[i] != 0) {
                in += v;
                nIn++;
            } else if (wide[i] != 0) {
                ring += v;
                nRing++;
            }
        }
        if (nIn == 0 || nRing == 0) return 0;
        return in / nIn - ring / nRing;
    }

    /** Otsu threshold of the histogram of pixels outside {@code exclude}. */
    static int otsu(byte[] px, byte[] exclude) {
        long[] hist = new long[256];
        long total = 0;
        for (int i = 0; i < px.length; i++) {
            if (exclude[i] == 0) {
                hist[px[i] & 0xFF]++;
                total++;
            }
        }
        double sum = 0;
        for (int i = 0; i < 256; i++) sum += i * (double) hist[i];
        double sumB = 0;
        long wB = 0;
        double bestVar = -1;
        int best = 127;
        for (int t = 0; t < 256; t++) {
            wB += hist[t];
            if (wB == 0) continue;
            long wF = total - wB;
            if (wF == 0) break;
            sumB += t * (double) hist[t];
            double mB = sumB / wB;
            double mF = (sum - sumB) / wF;
            double between = (double) wB * wF * (mB - mF) * (mB - mF);
            if (between > bestVar) {
                bestVar = between;
                best = t;
            }
        }
        return best;
    }

    /** Fills the holes of a 0/255 mask: background not reachable from the border becomes foreground. */
    static byte[] fillHoles(byte[] m, int w, int h) {
        byte[] outside = new byte[m.length];
        int[] stack = new int[m.length];
        int sp = 0;
        for (int x = 0; x < w; x++) {
            sp = push(m, outside, stack, sp, x);
            sp = push(m, outside, stack, sp, (h - 1) * w + x);
        }
        for (int y = 0; y < h; y++) {
            sp = push(m, outside, stack, sp, y * w);
            sp = push(m, outside, stack, sp, y * w + w - 1);
        }
        while (sp > 0) {
            int p = stack[--sp];
            int x = p % w;
            int y = p / w;
            if (x > 0) sp = push(m, outside, stack, sp, p - 1);
            if (x < w - 1) sp = push(m, outside, stack, sp, p + 1);
            if (y > 0) sp = push(m, outside, stack, sp, p - w);
            if (y < h - 1) sp = push(m, outside, stack, sp, p + w);
        }
        byte[] out = new byte[m.length];
        for (int i = 0; i < m.length; i++) {
            out[i] = outside[i] == 0 ? (byte) 255 : 0;
        }
        return out;
    }

    private static int push(byte[] m, byte[] outside, int[] stack, int sp, int p) {
        if (m[p] == 0 && outside[p] == 0) {
            outside[p] = 1;
            stack[sp++] = p;
        }
        return sp;
    }

    /** The lesion region at full image size from a working-size mask. */
    static LesionRegion region(WorkingCopy wc, byte[] working) {
        byte[] full = Resample.toFull(wc, working);
        int fw = wc.fullWidth;
        int fh = wc.fullHeight;
        int minX = fw;
        int minY = fh;
        int maxX = -1;
        int maxY = -1;
        int area = 0;
        for (int y = 0; y < fh; y++) {
            for (int x = 0; x < fw; x++) {
                if (full[y * fw + x] != 0) {
                    area++;
                    minX = Math.min(minX, x);
                    maxX = Math.max(maxX, x);
                    minY = Math.min(minY, y);
                    maxY = Math.max(maxY, y);
                }
            }
        }
        Mask mask = new Mask(fw, fh, full);
        if (area == 0) {
            return new LesionRegion(mask, 0, 0, 0, 0, 0, false);
        }
        boolean touches = minX == 0 || minY == 0 || maxX == fw - 1 || maxY == fh - 1;
        return new LesionRegion(mask, area, minX, minY, maxX - minX + 1, maxY - minY + 1, touches);
    }
}

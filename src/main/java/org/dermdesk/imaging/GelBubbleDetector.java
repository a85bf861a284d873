package org.dermdesk.imaging;

import static org.bytedeco.opencv.global.opencv_imgproc.MORPH_ELLIPSE;
import static org.bytedeco.opencv.global.opencv_imgproc.MORPH_TOPHAT;
import static org.bytedeco.opencv.global.opencv_imgproc.dilate;
import static org.bytedeco.opencv.global.opencv_imgproc.getStructuringElement;
import static org.bytedeco.opencv.global.opencv_imgproc.morphologyEx;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.dermdesk.core.ArtifactKind;

/**
 * Gel / air bubbles under the contact plate: small, near-white, unsaturated specular highlights
 * (the bright rims of the bubbles) that stand out from their surroundings (top-hat of the HSV value).
 * Highlights lying mostly on hair (the shine along a hair shaft) are not bubbles and are dropped.
 * Raw score: number of such highlight components per 100,000 field-of-view pixels.
 */
final class GelBubbleDetector implements ArtifactDetector {

    static final int KERNEL_512 = 15;
    static final int MIN_TOPHAT = 25;
    static final int MIN_VALUE = 190;
    static final int MAX_SATURATION = 70;
    /** Highlights larger than this fraction of the image are glare, not bubbles. */
    static final double MAX_COMPONENT_FRACTION = 0.01;
    /** A highlight with at least this fraction of its pixels on (dilated) hair is hair shine. */
    static final double MAX_ON_HAIR = 0.3;
    /** Dilation of the hair mask (pixels at long side 512): the shine sits on the shaft's edge. */
    static final int HAIR_MARGIN_512 = 7;
    static final double PRESENT_PER_100K = 0.91;

    private final double threshold;

    GelBubbleDetector() {
        this(PRESENT_PER_100K);
    }

    GelBubbleDetector(double threshold) {
        this.threshold = threshold;
    }

    @Override
    public ArtifactKind kind() {
        return ArtifactKind.GEL_BUBBLE;
    }

    @Override
    public Detection detect(WorkingCopy wc) {
        int n = wc.pixels();
        int k = wc.kernel(KERNEL_512, 5);
        byte[] th;
        try (Size ks = new Size(k, k); Mat kernel = getStructuringElement(MORPH_ELLIPSE, ks); Mat out = new Mat()) {
            morphologyEx(wc.grey, out, MORPH_TOPHAT, kernel);
            th = MatConversions.toBytes(out);
        }
        byte[] m = new byte[n];
        byte[] hsv = wc.hsv;
        for (int i = 0; i < n; i++) {
            if ((th[i] & 0xFF) >= MIN_TOPHAT && (hsv[i * 3 + 2] & 0xFF) >= MIN_VALUE
                    && (hsv[i * 3 + 1] & 0xFF) <= MAX_SATURATION && wc.vignette[i] == 0) {
                m[i] = (byte) 255;
            }
        }
        byte[] nearHair = dilated(wc, wc.hairMask(), HAIR_MARGIN_512);
        int count = 0;
        try (Mat mm = wc.maskMat(m)) {
            Components c = Components.of(mm);
            int[] onHair = new int[c.count];
            for (int i = 0; i < n; i++) {
                if (c.labels[i] != 0 && nearHair[i] != 0) onHair[c.labels[i]]++;
            }
            boolean[] keep = new boolean[c.count];
            int minArea = Math.max(2, (int) Math.round(3 * wc.scaleTo512() * wc.scaleTo512()));
            for (int i = 1; i < c.count; i++) {
                keep[i] = c.area[i] >= minArea && c.area[i] <= MAX_COMPONENT_FRACTION * n
                        && onHair[i] < MAX_ON_HAIR * c.area[i];
                if (keep[i]) count++;
            }
            m = c.mask(keep);
        }
        double raw = count * 100_000.0 / Masks.countOutside(wc.vignette);
        return new Detection(kind(), raw, threshold, m);
    }

    private static byte[] dilated(WorkingCopy wc, byte[] m, int k512) {
        int k = wc.kernel(k512, 3);
        try (Mat mm = wc.maskMat(m); Mat out = new Mat(); Size ks = new Size(k, k);
             Mat kernel = getStructuringElement(MORPH_ELLIPSE, ks)) {
            dilate(mm, out, kernel);
            return MatConversions.toBytes(out);
        }
    }
}

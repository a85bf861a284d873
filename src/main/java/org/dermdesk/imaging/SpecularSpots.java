package org.dermdesk.imaging;

import static org.bytedeco.opencv.global.opencv_imgproc.medianBlur;

import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Small specular reflections: pixels clearly brighter than their median-blurred surroundings,
 * not dark and not strongly coloured, in components of a few pixels up to a small fraction of the
 * image. Immersion fluid under a contact plate throws many such glints (on its surface, at bubble
 * rims, on the lesion as well as on skin); a dry or polarised image has few. The contrast is measured
 * against a local median rather than a top-hat so that glints on a dark lesion count as much as on
 * pale skin. Glints lying mostly on (dilated) hair are the shine of a hair shaft and are dropped.
 * Thresholds were tuned on the tuning half of the full-resolution annotated images.
 */
final class SpecularSpots {

    /** Median-blur diameter (pixels at long side 512) giving the local background. */
    static final int BACKGROUND_512 = 9;
    /** Grey level above the local background from which a pixel is a glint. */
    static final int MIN_CONTRAST = 18;
    /** HSV value (0..255) below which a pixel is too dark to be a reflection. */
    static final int MIN_VALUE = 140;
    /** HSV saturation (0..255) above which a pixel is coloured tissue, not a white glint. */
    static final int MAX_SATURATION = 110;
    /** Glints larger than this fraction of the image are glare patches, not fluid reflections. */
    static final double MAX_COMPONENT_FRACTION = 0.005;
    /** Smallest glint (pixels at long side 512): single pixels are sensor noise. */
    static final int MIN_AREA_512 = 2;
    /** A glint with at least this fraction of its pixels on (dilated) hair is hair shine. */
    static final double MAX_ON_HAIR = 0.3;
    /** Dilation of the hair mask (pixels at long side 512): the shine sits on the shaft's edge. */
    static final int HAIR_MARGIN_512 = 7;

    /** The glints found in one image. */
    record Found(int count, byte[] mask) {
    }

    private SpecularSpots() {
    }

    static Found find(WorkingCopy wc) {
        int n = wc.pixels();
        byte[] background;
        try (Mat out = new Mat()) {
            medianBlur(wc.grey, out, wc.kernel(BACKGROUND_512, 3));
            background = MatConversions.toBytes(out);
        }
        byte[] grey = wc.greyPx;
        byte[] hsv = wc.hsv;
        byte[] m = new byte[n];
        for (int i = 0; i < n; i++) {
            if ((grey[i] & 0xFF) - (background[i] & 0xFF) >= MIN_CONTRAST && (hsv[i * 3 + 2] & 0xFF) >= MIN_VALUE
                    && (hsv[i * 3 + 1] & 0xFF) <= MAX_SATURATION && wc.vignette[i] == 0) {
                m[i] = (byte) 255;
            }
        }
        byte[] nearHair = wc.dilated(wc.hairMask(), HAIR_MARGIN_512);
        try (Mat mm = wc.maskMat(m)) {
            Components c = Components.of(mm);
            int[] onHair = new int[c.count];
            for (int i = 0; i < n; i++) {
                if (c.labels[i] != 0 && nearHair[i] != 0) onHair[c.labels[i]]++;
            }
            boolean[] keep = new boolean[c.count];
            int minArea = Math.max(2, (int) Math.round(MIN_AREA_512 * wc.scaleTo512() * wc.scaleTo512()));
            int count = 0;
            for (int i = 1; i < c.count; i++) {
                keep[i] = c.area[i] >= minArea && c.area[i] <= MAX_COMPONENT_FRACTION * n
                        && onHair[i] < MAX_ON_HAIR * c.area[i];
                if (keep[i]) count++;
            }
            return new Found(count, c.mask(keep));
        }
    }
}

package org.dermdesk.imaging;

import static org.bytedeco.opencv.global.opencv_imgproc.MORPH_ELLIPSE;
import static org.bytedeco.opencv.global.opencv_imgproc.MORPH_OPEN;
import static org.bytedeco.opencv.global.opencv_imgproc.blur;
import static org.bytedeco.opencv.global.opencv_imgproc.getStructuringElement;
import static org.bytedeco.opencv.global.opencv_imgproc.morphologyEx;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.dermdesk.core.ArtifactKind;

/**
 * Surgical-marker ink (gentian violet): pixels bluer, redder and darker than the image's own
 * {@link SkinColour}, the violet shift that skin, brown pigment and red vessels never make. Judging
 * colour relative to the skin copes with pink, yellow or bluish lighting, and with the faint,
 * desaturated violet that marker ink turns into on small JPEGs. Violet pixels whose surroundings are
 * much darker than the skin lie inside a violaceous or blue-grey lesion, not on the skin, and are
 * skipped; so are the coloured fringe at the aperture's rim and specks too small for a marker
 * stroke. Blue and green stickers are not violet and lavender stickers are not darker than the skin.
 * Raw score: ink pixels as a fraction of the field of view. Constants chosen by cross-validation on
 * the tuning half of the 256-px ISIC 2017 copies (checked on the tuning halves at full resolution).
 */
final class InkDetector implements ArtifactDetector {

    /** Lab b (yellow-blue) at least this much below the skin's: bluer than skin. */
    static final int BLUER_THAN_SKIN = 10;
    /** Lab a (green-red) at least this much above the skin's: violet, not blue-grey veil or a blue sticker. */
    static final int REDDER_THAN_SKIN = 4;
    /** Lightness (0..255) more than this below the skin's: ink absorbs light, a lavender sticker does not. */
    static final int DARKER_THAN_SKIN = 5;
    /** Surroundings this much darker (0..255) than the skin are a lesion ... */
    static final int LESION_DARKNESS = 30;
    /** ... averaged over a square window this wide (pixels at long side 512). */
    static final int SURROUNDINGS_512 = 51;
    /** Opening diameter (pixels at long side 512; at least 3): JPEG specks and single violet pixels are not a stroke. */
    static final int OPEN_512 = 5;
    /** Violet patches smaller than this (pixels at long side 512) are specks in vessels or pigment, not marker strokes. */
    static final int MIN_STROKE_AREA_512 = 100;
    /** The coloured fringe at the edge of the scope's aperture is not ink: pixels this close to it are skipped. */
    static final int RIM_MARGIN_512 = 9;
    /** Ink fraction of the field of view from which ink is reported (best F1 on the 256-px tuning half). */
    static final double PRESENT_FRACTION = 0.00042;

    private final double threshold;

    InkDetector() {
        this(PRESENT_FRACTION);
    }

    InkDetector(double threshold) {
        this.threshold = threshold;
    }

    @Override
    public ArtifactKind kind() {
        return ArtifactKind.INK;
    }

    @Override
    public Detection detect(WorkingCopy wc) {
        SkinColour skin = SkinColour.of(wc);
        byte[] nearRim = wc.dilated(wc.vignette, RIM_MARGIN_512);
        byte[] surroundings = meanLightness(wc, SURROUNDINGS_512);
        byte[] lab = wc.lab;
        byte[] m = new byte[wc.pixels()];
        for (int i = 0; i < m.length; i++) {
            if (nearRim[i] != 0 || wc.vignette[i] != 0) continue;
            boolean violet = (lab[i * 3 + 2] & 0xFF) <= skin.b() - BLUER_THAN_SKIN
                    && (lab[i * 3 + 1] & 0xFF) >= skin.a() + REDDER_THAN_SKIN
                    && (lab[i * 3] & 0xFF) < skin.lightness() - DARKER_THAN_SKIN;
            boolean onSkin = (surroundings[i] & 0xFF) >= skin.lightness() - LESION_DARKNESS;
            if (violet && onSkin) m[i] = (byte) 255;
        }
        m = withoutSpecks(wc, opened(wc, m));
        double raw = (double) Masks.area(m) / Masks.countOutside(wc.vignette);
        return new Detection(kind(), raw, threshold, m);
    }

    /** Lab lightness averaged over a square window ({@code window512} pixels at long side 512). */
    private static byte[] meanLightness(WorkingCopy wc, int window512) {
        byte[] l = new byte[wc.pixels()];
        for (int i = 0; i < l.length; i++) l[i] = wc.lab[i * 3];
        int k = wc.kernel(window512, 3);
        try (Mat lm = wc.maskMat(l); Mat out = new Mat(); Size ks = new Size(k, k)) {
            blur(lm, out, ks);
            return MatConversions.toBytes(out);
        }
    }

    private static byte[] opened(WorkingCopy wc, byte[] m) {
        int k = wc.kernel(OPEN_512, 3);
        try (Mat mm = wc.maskMat(m); Mat out = new Mat(); Size ks = new Size(k, k);
             Mat kernel = getStructuringElement(MORPH_ELLIPSE, ks)) {
            morphologyEx(mm, out, MORPH_OPEN, kernel);
            return MatConversions.toBytes(out);
        }
    }

    private static byte[] withoutSpecks(WorkingCopy wc, byte[] m) {
        double s = wc.scaleTo512();
        int minArea = (int) Math.round(MIN_STROKE_AREA_512 * s * s);
        try (Mat mm = wc.maskMat(m)) {
            Components c = Components.of(mm);
            boolean[] keep = new boolean[c.count];
            for (int i = 1; i < c.count; i++) keep[i] = c.area[i] >= minArea;
            return c.mask(keep);
        }
    }
}

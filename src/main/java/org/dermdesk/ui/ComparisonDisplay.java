package org.dermdesk.ui;

import org.dermdesk.core.FollowUpOverlay;
import org.dermdesk.core.LesionComparison;
import org.dermdesk.core.LesionImage;
import org.dermdesk.core.Mask;

/**
 * The comparison's images at screen size (long side at most {@link #MAX_SIDE} pixels), made off the FX
 * thread, so that moving the blend slider redraws the overlay at once even for camera-sized files.
 */
record ComparisonDisplay(LesionImage before, Mask beforeMask, LesionImage registered, Mask registeredMask) {

    static final int MAX_SIDE = 900;

    static ComparisonDisplay of(LesionComparison c) {
        LesionImage b = c.before().image();
        double f = Math.min(1, MAX_SIDE / (double) Math.max(b.width(), b.height()));
        int w = Math.max(1, (int) Math.round(b.width() * f));
        int h = Math.max(1, (int) Math.round(b.height() * f));
        return new ComparisonDisplay(shrink(b, w, h), shrink(c.measuredBeforeOutline(), w, h),
                shrink(c.registration().registered(), w, h), shrink(c.measuredAfterOutline(), w, h));
    }

    /** The overlay: 0 shows only the earlier image, 1 only today's registered one. */
    LesionImage overlay(double blend) {
        return FollowUpOverlay.draw(before, beforeMask, registered, registeredMask, blend);
    }

    private static LesionImage shrink(LesionImage img, int w, int h) {
        if (img.width() == w && img.height() == h) {
            return img;
        }
        return new LesionImage(img.source(), w, h, AreaAverage.rgb(img.rgb(), img.width(), img.height(), w, h));
    }

    private static Mask shrink(Mask m, int w, int h) {
        if (m.width() == w && m.height() == h) {
            return m;
        }
        byte[] px = new byte[w * h];
        for (int y = 0; y < h; y++) {
            int sy = Math.min(m.height() - 1, (int) ((y + 0.5) * m.height() / h));
            for (int x = 0; x < w; x++) {
                int sx = Math.min(m.width() - 1, (int) ((x + 0.5) * m.width() / w));
                px[y * w + x] = (byte) (m.contains(sx, sy) ? 255 : 0);
            }
        }
        return new Mask(w, h, px);
    }
}

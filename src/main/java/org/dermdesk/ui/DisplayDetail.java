package org.dermdesk.ui;

/**
 * How many of an image's pixels the viewer puts on screen. Drawing a large image (and each of its
 * overlays) at full size costs the render thread tens of milliseconds per frame even when it is
 * shown at a fraction of its size, so below 100% the viewer shows copies reduced to what the
 * screen can show, with some headroom so that a step or two of zooming in needs no new copy.
 *
 * <p>A detail is the copy's size as a fraction of the original's, per axis; 1 is the original.
 * Screen density is the number of screen (device) pixels per original pixel: zoom times the
 * window's output scale.
 */
final class DisplayDetail {

    /** Copies are built this much finer than the screen needs at the moment. */
    static final double HEADROOM = 1.25;
    /** A copy this close to the original is not worth building: the original is shown instead. */
    static final double FULL_FROM = 0.8;

    private DisplayDetail() {
    }

    /** The detail to build for a screen density. */
    static double wanted(double density) {
        double detail = density * HEADROOM;
        return detail >= FULL_FROM || !(detail > 0) ? 1 : detail;
    }

    /**
     * Whether a copy at {@code detail} still serves at {@code density}: fine enough (at least one copy
     * pixel per screen pixel; the original from 100% up), and not so fine that it costs for nothing.
     */
    static boolean serves(double detail, double density) {
        return detail >= Math.min(1, density) && detail <= 2 * wanted(density);
    }

    /** The copy's width or height, in pixels, for an original of {@code original} pixels. */
    static int pixels(int original, double detail) {
        return detail >= 1 ? original : Math.max(1, Math.min(original, (int) Math.ceil(original * detail)));
    }
}

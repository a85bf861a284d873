package org.dermdesk.imaging;

import java.util.function.ToDoubleBiFunction;

/** Drawn lesions of known size, shape and colour beside drawn rulers of known spacing, for the measurement tests. */
final class MeasurementImages {

    static final int LESION_R = 130;
    static final int LESION_G = 85;
    static final int LESION_B = 55;

    private MeasurementImages() {
    }

    /** Opacity of a rotated ellipse (semi-axes a, b; angle in degrees), anti-aliased over one pixel. */
    static ToDoubleBiFunction<Integer, Integer> ellipse(double cx, double cy, double a, double b, double degrees) {
        double c = Math.cos(Math.toRadians(degrees));
        double s = Math.sin(Math.toRadians(degrees));
        return (x, y) -> {
            double dx = x - cx;
            double dy = y - cy;
            double u = (dx * c + dy * s) / a;
            double v = (-dx * s + dy * c) / b;
            double r = Math.sqrt(u * u + v * v);
            // distance outside the outline in pixels, roughly
            double out = (r - 1) * Math.min(a, b);
            return Math.max(0, Math.min(1, 0.5 - out));
        };
    }

    /**
     * An egg: the half ellipse on the positive side of the major axis reaches {@code aFront}, the other
     * half {@code aBack}; symmetric about its major axis only.
     */
    static ToDoubleBiFunction<Integer, Integer> egg(double cx, double cy, double aFront, double aBack, double b, double degrees) {
        ToDoubleBiFunction<Integer, Integer> front = ellipse(cx, cy, aFront, b, degrees);
        ToDoubleBiFunction<Integer, Integer> back = ellipse(cx, cy, aBack, b, degrees);
        double c = Math.cos(Math.toRadians(degrees));
        double s = Math.sin(Math.toRadians(degrees));
        return (x, y) -> ((x - cx) * c + (y - cy) * s) >= 0 ? front.applyAsDouble(x, y) : back.applyAsDouble(x, y);
    }

    /**
     * A millimetre ruler along the bottom edge: ticks {@code pxPerMm} apart, every 5th longer, with its
     * base line. With {@code halfMillimetre}, ticks every half millimetre and the whole millimetres longer.
     */
    static SyntheticImages bottomRuler(SyntheticImages img, double pxPerMm, boolean halfMillimetre) {
        double y = img.h - 12;
        double step = halfMillimetre ? pxPerMm / 2 : pxPerMm;
        int every = halfMillimetre ? 2 : 5;
        double shortTick = Math.max(8, pxPerMm * 0.8);
        img.line(img.w * 0.08, y, img.w * 0.92, y, 2, 30, 30, 30);
        int i = 0;
        for (double x = img.w * 0.08; x <= img.w * 0.92; x += step, i++) {
            double len = i % every == 0 ? shortTick * 1.7 : shortTick;
            img.line(x, y, x, y - len, 2, 30, 30, 30);
        }
        return img;
    }

    /** A millimetre ruler along the right edge (vertical), ticks {@code pxPerMm} apart, every 5th longer. */
    static SyntheticImages rightRuler(SyntheticImages img, double pxPerMm) {
        double x = img.w - 12;
        double shortTick = Math.max(8, pxPerMm * 0.8);
        img.line(x, img.h * 0.08, x, img.h * 0.92, 2, 30, 30, 30);
        int i = 0;
        for (double y = img.h * 0.08; y <= img.h * 0.92; y += pxPerMm, i++) {
            double len = i % 5 == 0 ? shortTick * 1.7 : shortTick;
            img.line(x, y, x - len, y, 2, 30, 30, 30);
        }
        return img;
    }

    /** Skin with one plain brown lesion of the given opacity. */
    static SyntheticImages lesion(int w, int h, ToDoubleBiFunction<Integer, Integer> shape) {
        return new SyntheticImages(w, h).paint(shape, LESION_R, LESION_G, LESION_B);
    }
}

package org.dermdesk.core;

/**
 * The earlier image and the registered later one drawn over each other, with both outlines: the
 * earlier outline in white, the later one in black (told apart in greyscale too).
 */
public final class FollowUpOverlay {

    private FollowUpOverlay() {
    }

    /**
     * @param blend 0 shows only the earlier image, 1 only the registered later one
     */
    public static LesionImage draw(LesionImage before, Mask beforeMask, LesionImage registered, Mask registeredMask,
                                   double blend) {
        int w = before.width();
        int h = before.height();
        if (registered.width() != w || registered.height() != h) {
            throw new IllegalArgumentException("the registered image is not in the earlier image's frame");
        }
        byte[] b = before.rgb();
        byte[] a = registered.rgb();
        byte[] out = new byte[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = (byte) Math.round((1 - blend) * (b[i] & 0xFF) + blend * (a[i] & 0xFF));
        }
        int thick = Math.max(1, Math.round(Math.max(w, h) / 250f));
        outline(out, beforeMask, w, h, thick, (byte) 255);
        // the later line thinner, so that where the two outlines coincide the earlier one still shows beside it
        outline(out, registeredMask, w, h, Math.max(1, thick / 2), (byte) 0);
        return new LesionImage(before.source(), w, h, out);
    }

    private static void outline(byte[] rgb, Mask m, int w, int h, int thick, byte value) {
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (!m.contains(x, y) || !nearOutside(m, x, y, w, h, thick)) continue;
                int i = (y * w + x) * 3;
                rgb[i] = value;
                rgb[i + 1] = value;
                rgb[i + 2] = value;
            }
        }
    }

    private static boolean nearOutside(Mask m, int x, int y, int w, int h, int r) {
        for (int dy = -r; dy <= r; dy++) {
            for (int dx = -r; dx <= r; dx++) {
                int xx = x + dx;
                int yy = y + dy;
                if (xx < 0 || yy < 0 || xx >= w || yy >= h || !m.contains(xx, yy)) return true;
            }
        }
        return false;
    }
}

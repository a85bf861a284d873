package org.dermdesk.ml;

import java.util.Random;

/**
 * Training-time augmentation suited to dermoscopy, on cached RGB bytes: a random crop of 70-100% of
 * the area with a small aspect change, resized bilinearly to the network input; flips and 90° turns
 * (a lesion has no up); brightness, contrast and saturation jitter (cameras and clinics differ).
 */
final class Augmenter {

    private final int sourceSize;
    private final int outSize;

    Augmenter(int sourceSize, int outSize) {
        this.sourceSize = sourceSize;
        this.outSize = outSize;
    }

    byte[] apply(byte[] src, Random r) {
        double area = 0.70 + 0.30 * r.nextDouble();
        double aspect = Math.exp((r.nextDouble() - 0.5) * 0.4);
        double cw = Math.min(sourceSize, sourceSize * Math.sqrt(area * aspect));
        double ch = Math.min(sourceSize, sourceSize * Math.sqrt(area / aspect));
        double x0 = r.nextDouble() * (sourceSize - cw);
        double y0 = r.nextDouble() * (sourceSize - ch);
        boolean flip = r.nextBoolean();
        int turns = r.nextInt(4);
        float brightness = 1f + (float) ((r.nextDouble() - 0.5) * 0.3);
        float contrast = 1f + (float) ((r.nextDouble() - 0.5) * 0.3);
        float saturation = 1f + (float) ((r.nextDouble() - 0.5) * 0.3);
        byte[] out = new byte[outSize * outSize * 3];
        double scaleX = cw / outSize;
        double scaleY = ch / outSize;
        for (int oy = 0; oy < outSize; oy++) {
            for (int ox = 0; ox < outSize; ox++) {
                // where this output pixel comes from after the flip and turns
                int tx = ox;
                int ty = oy;
                for (int t = 0; t < turns; t++) {
                    int nx = outSize - 1 - ty;
                    ty = tx;
                    tx = nx;
                }
                if (flip) {
                    tx = outSize - 1 - tx;
                }
                double sx = x0 + (tx + 0.5) * scaleX - 0.5;
                double sy = y0 + (ty + 0.5) * scaleY - 0.5;
                int o = (oy * outSize + ox) * 3;
                float rr = sample(src, sx, sy, 0);
                float gg = sample(src, sx, sy, 1);
                float bb = sample(src, sx, sy, 2);
                float grey = 0.299f * rr + 0.587f * gg + 0.114f * bb;
                out[o] = jitter(rr, grey, brightness, contrast, saturation);
                out[o + 1] = jitter(gg, grey, brightness, contrast, saturation);
                out[o + 2] = jitter(bb, grey, brightness, contrast, saturation);
            }
        }
        return out;
    }

    private static byte jitter(float v, float grey, float brightness, float contrast, float saturation) {
        float s = grey + (v - grey) * saturation;
        float c = 128 + (s - 128) * contrast;
        return (byte) Math.max(0, Math.min(255, Math.round(c * brightness)));
    }

    private float sample(byte[] src, double x, double y, int c) {
        x = Math.max(0, Math.min(sourceSize - 1, x));
        y = Math.max(0, Math.min(sourceSize - 1, y));
        int x0 = (int) x;
        int y0 = (int) y;
        int x1 = Math.min(sourceSize - 1, x0 + 1);
        int y1 = Math.min(sourceSize - 1, y0 + 1);
        double fx = x - x0;
        double fy = y - y0;
        double top = (src[(y0 * sourceSize + x0) * 3 + c] & 0xFF) * (1 - fx) + (src[(y0 * sourceSize + x1) * 3 + c] & 0xFF) * fx;
        double bottom = (src[(y1 * sourceSize + x0) * 3 + c] & 0xFF) * (1 - fx) + (src[(y1 * sourceSize + x1) * 3 + c] & 0xFF) * fx;
        return (float) (top * (1 - fy) + bottom * fy);
    }
}

package org.dermdesk.core;

/** Plain-Java raster operations shared by training and inference, so both see identical pixels. */
public final class Rasters {

    private Rasters() {
    }

    /**
     * Resizes an interleaved RGB image by area averaging (each output pixel is the mean of the input
     * area it covers). Area averaging does not alias when shrinking, which bilinear sampling does.
     */
    public static byte[] resizeArea(byte[] rgb, int width, int height, int outW, int outH) {
        byte[] out = new byte[outW * outH * 3];
        double sx = (double) width / outW;
        double sy = (double) height / outH;
        for (int oy = 0; oy < outH; oy++) {
            double y0 = oy * sy;
            double y1 = y0 + sy;
            for (int ox = 0; ox < outW; ox++) {
                double x0 = ox * sx;
                double x1 = x0 + sx;
                double r = 0, g = 0, b = 0, area = 0;
                for (int y = (int) y0; y < Math.min(height, Math.ceil(y1)); y++) {
                    double wy = Math.min(y1, y + 1) - Math.max(y0, y);
                    if (wy <= 0) {
                        continue;
                    }
                    int row = y * width;
                    for (int x = (int) x0; x < Math.min(width, Math.ceil(x1)); x++) {
                        double wx = Math.min(x1, x + 1) - Math.max(x0, x);
                        if (wx <= 0) {
                            continue;
                        }
                        double w = wx * wy;
                        int i = (row + x) * 3;
                        r += (rgb[i] & 0xFF) * w;
                        g += (rgb[i + 1] & 0xFF) * w;
                        b += (rgb[i + 2] & 0xFF) * w;
                        area += w;
                    }
                }
                int o = (oy * outW + ox) * 3;
                out[o] = (byte) Math.round(r / area);
                out[o + 1] = (byte) Math.round(g / area);
                out[o + 2] = (byte) Math.round(b / area);
            }
        }
        return out;
    }
}

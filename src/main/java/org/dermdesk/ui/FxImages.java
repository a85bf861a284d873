package org.dermdesk.ui;

import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.dermdesk.core.LesionImage;

/** Converts DermDesk rasters into JavaFX images, at full size or reduced (see {@link DisplayDetail}). */
final class FxImages {

    private FxImages() {
    }

    /** The image as a copy at {@code detail} of its size; slow for large images, so never on the FX thread. */
    static WritableImage of(LesionImage image, double detail) {
        int w = DisplayDetail.pixels(image.width(), detail);
        int h = DisplayDetail.pixels(image.height(), detail);
        byte[] rgb = w == image.width() && h == image.height()
                ? image.rgb() : AreaAverage.rgb(image.rgb(), image.width(), image.height(), w, h);
        WritableImage out = new WritableImage(w, h);
        out.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getByteRgbInstance(), rgb, 0, w * 3);
        return out;
    }

    /** The layer as a copy at {@code detail} of its size; slow for large layers, so never on the FX thread. */
    static WritableImage of(ArgbRaster raster, double detail) {
        int w = DisplayDetail.pixels(raster.width(), detail);
        int h = DisplayDetail.pixels(raster.height(), detail);
        ArgbRaster shown = w == raster.width() && h == raster.height() ? raster : AreaAverage.argb(raster, w, h);
        WritableImage out = new WritableImage(w, h);
        out.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), shown.pixels(), 0, w);
        return out;
    }
}

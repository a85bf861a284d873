package org.dermdesk.ui;

import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.dermdesk.core.LesionImage;

/** Converts DermDesk rasters into JavaFX images. */
final class FxImages {

    private FxImages() {
    }

    static WritableImage of(LesionImage image) {
        WritableImage out = new WritableImage(image.width(), image.height());
        out.getPixelWriter().setPixels(0, 0, image.width(), image.height(),
                PixelFormat.getByteRgbInstance(), image.rgb(), 0, image.width() * 3);
        return out;
    }

    static WritableImage of(ArgbRaster raster) {
        WritableImage out = new WritableImage(raster.width(), raster.height());
        out.getPixelWriter().setPixels(0, 0, raster.width(), raster.height(),
                PixelFormat.getIntArgbInstance(), raster.pixels(), 0, raster.width());
        return out;
    }
}

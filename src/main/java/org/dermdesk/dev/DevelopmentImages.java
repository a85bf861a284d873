package org.dermdesk.dev;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.dermdesk.core.ImageLoadException;
import org.dermdesk.core.LesionImage;
import org.dermdesk.imaging.ImageLoader;

/**
 * Reads development images for training and evaluation: as the app reads them, except that images below
 * the clinical minimum size (the 84x84 ISIC 2019 copies) are accepted, since training may learn from them.
 */
final class DevelopmentImages {

    private DevelopmentImages() {
    }

    static LesionImage read(Path file) throws ImageLoadException {
        if (shorterSide(file) >= ImageLoader.MIN_SIDE) {
            return ImageLoader.load(file);
        }
        try {
            BufferedImage img = ImageIO.read(file.toFile());
            if (img == null) {
                throw new ImageLoadException(file, "not an image DermDesk can read");
            }
            int w = img.getWidth();
            int h = img.getHeight();
            byte[] rgb = new byte[w * h * 3];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int p = img.getRGB(x, y);
                    int o = (y * w + x) * 3;
                    rgb[o] = (byte) (p >> 16);
                    rgb[o + 1] = (byte) (p >> 8);
                    rgb[o + 2] = (byte) p;
                }
            }
            return new LesionImage(file.getFileName().toString(), w, h, rgb);
        } catch (IOException e) {
            throw new ImageLoadException(file, "cannot be read (" + e.getMessage() + ")");
        }
    }

    /** The shorter side from the file header, or the clinical minimum when the header cannot be read here. */
    private static int shorterSide(Path file) {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                return ImageLoader.MIN_SIDE;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in);
                return Math.min(reader.getWidth(0), reader.getHeight(0));
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            return ImageLoader.MIN_SIDE;
        }
    }
}

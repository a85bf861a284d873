package org.dermdesk.testsupport;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.dermdesk.core.ImageFile;
import org.dermdesk.core.ImageLoadException;
import org.dermdesk.core.ImageReader;
import org.dermdesk.core.LesionImage;

/** A test double of the imaging layer's loader, on ImageIO. */
public final class TestImageReader implements ImageReader {

    @Override
    public LesionImage read(Path file) throws ImageLoadException {
        if (!Files.exists(file)) {
            throw new ImageLoadException(file, "file not found");
        }
        try {
            return decode(file, Files.readAllBytes(file));
        } catch (IOException e) {
            throw new ImageLoadException(file, "cannot be read");
        }
    }

    @Override
    public LesionImage decode(ImageFile file) throws ImageLoadException {
        return decode(file.path(), file.bytes());
    }

    private static LesionImage decode(Path file, byte[] bytes) throws ImageLoadException {
        BufferedImage img;
        try {
            img = ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException | RuntimeException e) {
            throw new ImageLoadException(file, "the file is truncated or corrupt - copy it again from the camera");
        }
        if (img == null) {
            throw new ImageLoadException(file, "not an image DermDesk can read (expected JPEG, PNG, BMP or TIFF)");
        }
        int w = img.getWidth();
        int h = img.getHeight();
        byte[] rgb = new byte[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = img.getRGB(x, y);
                int i = (y * w + x) * 3;
                rgb[i] = (byte) (p >> 16);
                rgb[i + 1] = (byte) (p >> 8);
                rgb[i + 2] = (byte) p;
            }
        }
        return new LesionImage(String.valueOf(file.getFileName()), w, h, rgb);
    }
}

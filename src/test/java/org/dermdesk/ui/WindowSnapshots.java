package org.dermdesk.ui;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/** Writes what a node shows as a PNG for a person to look at (on the FX thread). */
final class WindowSnapshots {

    private WindowSnapshots() {
    }

    static void write(Node node, Path file) {
        try {
            Files.createDirectories(file.getParent());
            WritableImage img = node.snapshot(null, null);
            int w = (int) img.getWidth();
            int h = (int) img.getHeight();
            BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    out.setRGB(x, y, img.getPixelReader().getArgb(x, y));
                }
            }
            ImageIO.write(out, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

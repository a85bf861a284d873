package org.dermdesk.imaging;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.dermdesk.core.LesionImage;
import org.dermdesk.core.Mask;
import org.dermdesk.core.Registration;
import org.dermdesk.testsupport.SharedData;
import org.junit.jupiter.api.Test;

/** Real re-takes from ../shared/data (skipped, saying so, when it is absent): registered expert outlines overlap. */
class RetakeRegistrationTest {

    private static Mask readMask(Path file) throws Exception {
        BufferedImage img = ImageIO.read(file.toFile());
        byte[] px = new byte[img.getWidth() * img.getHeight()];
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                px[y * img.getWidth() + x] = (byte) ((img.getRGB(x, y) & 0xFF) > 127 ? 255 : 0);
            }
        }
        return new Mask(img.getWidth(), img.getHeight(), px);
    }

    @Test
    void expertOutlinesOfReTakesOverlapAfterRegistration() throws Exception {
        Path ham = SharedData.dir().resolve("ham10000");
        Map<String, List<String>> lesions = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(ham.resolve("metadata.csv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            lesions.computeIfAbsent(f[0], k -> new ArrayList<>()).add(f[1]);
        }
        EccLesionRegistrar registrar = new EccLesionRegistrar();
        List<Double> jaccard = new ArrayList<>();
        for (List<String> ids : lesions.values()) {
            if (ids.size() < 2) continue;
            LesionImage b = ImageLoader.load(ham.resolve("images").resolve(ids.get(0) + ".jpg"));
            LesionImage a = ImageLoader.load(ham.resolve("images").resolve(ids.get(1) + ".jpg"));
            Mask mb = readMask(ham.resolve("masks").resolve(ids.get(0) + "_segmentation.png"));
            Mask ma = readMask(ham.resolve("masks").resolve(ids.get(1) + "_segmentation.png"));
            Registration r = registrar.register(b, mb, a, ma);
            jaccard.add(r.maskJaccard());
            if (jaccard.size() == 25) break;
        }
        Collections.sort(jaccard);
        double median = jaccard.get(jaccard.size() / 2);
        assertTrue(median >= 0.8, "median registered Jaccard " + median + " of " + jaccard);
    }
}

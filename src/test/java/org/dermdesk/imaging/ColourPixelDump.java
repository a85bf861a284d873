package org.dermdesk.imaging;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * For tuning the colour rule offline: the lesion's pixels (hair left out, every second one) and the skin
 * ring's median, in OpenCV 8-bit Lab, one file per labelled image: {@code ... ColourPixelDump LABELS.csv IMAGE_DIR OUT_DIR}.
 */
public final class ColourPixelDump {

    private ColourPixelDump() {
    }

    public static void main(String[] args) throws Exception {
        List<String> rows = Files.readAllLines(Path.of(args[0]));
        Path out = Files.createDirectories(Path.of(args[2]));
        LesionSegmenter segmenter = new LesionSegmenter();
        for (String row : rows) {
            if (row.isBlank() || row.startsWith("#") || row.startsWith("image_id")) continue;
            String id = row.split(",", -1)[0];
            WorkingCopy wc = WorkingCopy.of(ImageLoader.load(Path.of(args[1]).resolve(id + ".jpg")));
            byte[] mask = LesionMeasurer.pigmented(wc, segmenter.segmentWorking(wc));
            int[] skin = DermoscopicColours.skinLab(wc, mask);
            byte[] hair = wc.hairMask();
            try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out.resolve(id + ".txt")))) {
                w.println(skin == null ? "-1 -1 -1" : skin[0] + " " + skin[1] + " " + skin[2]);
                for (int i = 0; i < mask.length; i += 2) {
                    if (mask[i] == 0 || hair[i] != 0) continue;
                    w.println((wc.lab[i * 3] & 0xFF) + " " + (wc.lab[i * 3 + 1] & 0xFF) + " " + (wc.lab[i * 3 + 2] & 0xFF));
                }
            }
        }
    }
}

package org.dermdesk.imaging;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Finds damage in a JPEG's image data that the decoder hides: corrupt or missing data (bytes
 * overwritten, the file cut short and an end marker appended) is decoded without an error and the gap
 * filled with grey, which would then be classified. OpenCV's decoder only prints its warnings, so the
 * data is decoded a second time by the JDK's JPEG reader (libjpeg as well), which reports them; it
 * reads every 8th pixel of every 8th row, so the check costs little memory.
 */
final class JpegDamage {

    private JpegDamage() {
    }

    /** The decoder's warning when the image data is damaged, or null when none was reported. */
    static String warning(byte[] jpeg) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("jpeg");
        if (!readers.hasNext()) {
            return null;
        }
        ImageReader reader = readers.next();
        List<String> warnings = new ArrayList<>();
        reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(jpeg))) {
            reader.setInput(in, true, true);
            ImageReadParam param = reader.getDefaultReadParam();
            param.setSourceSubsampling(8, 8, 0, 0);
            reader.read(0, param);
        } catch (IOException | RuntimeException e) {
            // a JPEG this reader does not support (CMYK, arithmetic coding): only the warnings so far count
        } finally {
            reader.dispose();
        }
        return warnings.stream().filter(JpegDamage::meansDamage).findFirst().orElse(null);
    }

    /** libjpeg's "Corrupt JPEG data: ..." and "Premature end of JPEG file"; not notes on unusual markers. */
    private static boolean meansDamage(String warning) {
        String w = warning.toLowerCase(Locale.ROOT);
        return w.contains("corrupt") || w.contains("premature end") || w.contains("truncated");
    }
}

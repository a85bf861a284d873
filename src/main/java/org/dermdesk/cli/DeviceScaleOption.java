package org.dermdesk.cli;

import java.nio.file.Path;
import org.dermdesk.core.DeviceScales;
import org.dermdesk.core.FieldOfView;
import org.dermdesk.core.ImageFile;
import org.dermdesk.core.ImageLoadException;
import org.dermdesk.core.ImageReader;
import org.dermdesk.core.LesionImage;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code --px-per-mm N} option of the commands that measure: the headless run's device calibration.
 * It takes the place of the window's device profile in the one scale precedence (a ruler in the image
 * first, then this, then the file's metadata), so a measurement says {@code device_profile}.
 */
public final class DeviceScaleOption {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    private double pxPerMm = Double.NaN;

    @Option(names = "--px-per-mm", paramLabel = "N",
            description = "pixels per millimetre of your dermatoscope and camera at this resolution: sizes in mm where"
                    + " no ruler is found in the image (a ruler still comes first; the file's own resolution after)")
    void pxPerMm(String value) {
        double v;
        try {
            v = Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            v = Double.NaN;
        }
        if (!(v > 0 && Double.isFinite(v))) {
            throw new ParameterException(spec.commandLine(), "--px-per-mm: '" + value
                    + "' is not a number of pixels per millimetre; give a positive number such as 12.5");
        }
        pxPerMm = v;
    }

    /** The calibration for every image, or none when the option was not given. */
    DeviceScales scales() {
        return Double.isNaN(pxPerMm) ? DeviceScales.NONE : DeviceScales.fixed(pxPerMm);
    }

    /**
     * The reader that fails an image the calibration cannot be meant for (it would make the picture cover
     * less or more skin than a dermatoscope shows); without the option, the reader itself.
     */
    ImageReader checked(ImageReader reader) {
        return Double.isNaN(pxPerMm) ? reader : new FieldChecked(reader, pxPerMm);
    }

    private record FieldChecked(ImageReader reader, double pxPerMm) implements ImageReader {

        @Override
        public LesionImage read(Path file) throws ImageLoadException {
            return check(file, reader.read(file));
        }

        @Override
        public LesionImage decode(ImageFile file) throws ImageLoadException {
            return check(file.path(), reader.decode(file));
        }

        private LesionImage check(Path file, LesionImage img) throws ImageLoadException {
            if (!FieldOfView.plausible(img.width(), img.height(), pxPerMm)) {
                throw new ImageLoadException(file, String.format(java.util.Locale.ROOT,
                        "--px-per-mm %s does not fit this %dx%d image: %s; check the value, or leave this image out",
                        java.math.BigDecimal.valueOf(pxPerMm).stripTrailingZeros().toPlainString(), img.width(), img.height(),
                        FieldOfView.implausibleWords(img.width(), img.height(), pxPerMm)));
            }
            return img;
        }
    }
}

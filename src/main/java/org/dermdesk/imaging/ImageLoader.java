package org.dermdesk.imaging;

import java.nio.file.Path;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.dermdesk.core.ImageLoadException;
import org.dermdesk.core.InputFiles;
import org.dermdesk.core.LesionImage;

/**
 * The one way DermDesk turns a file into pixels. It rejects, with a message naming the file, what
 * cannot be assessed; converts grey and alpha images to RGB; and turns the image upright as its EXIF
 * orientation says (OpenCV's decoder does that for {@code IMREAD_COLOR}).
 */
public final class ImageLoader {

    /** Shorter sides below this leave too little of the lesion to assess. */
    public static final int MIN_SIDE = 100;
    /** Larger files are refused before decoding so a stray file cannot exhaust memory. */
    public static final long MAX_FILE_BYTES = 64L * 1024 * 1024;
    /** Larger rasters are refused: dermoscopes give at most a few tens of megapixels. */
    public static final long MAX_PIXELS = 40_000_000L;

    private ImageLoader() {
    }

    public static LesionImage load(Path file) throws ImageLoadException {
        byte[] bytes = InputFiles.read(file, MAX_FILE_BYTES);
        ImageFormat format = ImageFormat.sniff(bytes);
        if (format == null) {
            throw new ImageLoadException(file, "not an image DermDesk can read (expected JPEG, PNG, BMP or TIFF)");
        }
        if (!format.isComplete(bytes)) {
            throw new ImageLoadException(file, "the " + format.displayName()
                    + " file is truncated (it ends before the image data does) - copy it again from the camera");
        }
        return decode(file, bytes);
    }

    private static LesionImage decode(Path file, byte[] bytes) throws ImageLoadException {
        try (BytePointer data = new BytePointer(bytes);
             Mat encoded = new Mat(1, bytes.length, opencv_core.CV_8UC1, data);
             Mat bgr = opencv_imgcodecs.imdecode(encoded, opencv_imgcodecs.IMREAD_COLOR)) {
            if (bgr == null || bgr.empty()) {
                throw new ImageLoadException(file, "the image data is corrupt and cannot be decoded");
            }
            int w = bgr.cols();
            int h = bgr.rows();
            if ((long) w * h > MAX_PIXELS) {
                throw new ImageLoadException(file, "the image is too large (" + w + "x" + h + " pixels)");
            }
            if (Math.min(w, h) < MIN_SIDE) {
                throw new ImageLoadException(file, "the image is too small to assess (" + w + "x" + h
                        + " pixels; at least " + MIN_SIDE + " pixels on the shorter side are needed)");
            }
            try (Mat rgb = new Mat()) {
                opencv_imgproc.cvtColor(bgr, rgb, opencv_imgproc.COLOR_BGR2RGB);
                return new LesionImage(file.getFileName().toString(), w, h, MatConversions.toBytes(rgb));
            }
        }
    }
}

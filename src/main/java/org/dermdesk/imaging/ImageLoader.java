package org.dermdesk.imaging;

import java.nio.file.Path;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.dermdesk.core.ImageFile;
import org.dermdesk.core.ImageLoadException;
import org.dermdesk.core.ImageReader;
import org.dermdesk.core.InputFiles;
import org.dermdesk.core.LesionImage;
import org.dermdesk.core.Scale;

/**
 * The one way DermDesk turns a file into pixels. It rejects, with a message naming the file, what
 * cannot be assessed; converts grey and alpha images to RGB; and turns the image upright as its EXIF
 * orientation says (OpenCV's decoder does that for {@code IMREAD_COLOR}).
 *
 * <p>Memory stays bounded whatever the file: only a regular file of at most {@link #MAX_FILE_BYTES} is
 * read, the size its header declares is checked before anything is decoded, and an image of more than
 * {@link #MAX_DECODED_PIXELS} is decoded at half, quarter or eighth size (a JPEG by the decoder's own
 * scaling, without ever holding the full raster).
 */
public final class ImageLoader {

    /** Shorter sides below this leave too little of the lesion to assess. */
    public static final int MIN_SIDE = 100;
    /** Larger files are refused before decoding so a stray file cannot exhaust memory. */
    public static final long MAX_FILE_BYTES = ImageFile.MAX_BYTES;
    /** Larger rasters are refused: dermoscopes give at most a few tens of megapixels. */
    public static final long MAX_PIXELS = 40_000_000L;
    /** Larger images are decoded at reduced size: the analysis works at 512 px, the model at about 100. */
    public static final long MAX_DECODED_PIXELS = 12_000_000L;
    /** The long side may be at most this many times the short side: a dermoscope's field of view is round. */
    public static final int MAX_ASPECT = 4;

    /** The loader as the pipeline's reader: {@link ImageReader#decode} decodes the bytes already read. */
    public static final ImageReader READER = new ImageReader() {
        @Override
        public LesionImage read(Path file) throws ImageLoadException {
            return load(file);
        }

        @Override
        public LesionImage decode(ImageFile file) throws ImageLoadException {
            return ImageLoader.decode(file.path(), file.bytes());
        }
    };

    private ImageLoader() {
    }

    public static LesionImage load(Path file) throws ImageLoadException {
        return decode(file, InputFiles.read(file, MAX_FILE_BYTES));
    }

    /** Checks and decodes the bytes of {@code file}, already read (at most {@link #MAX_FILE_BYTES}). */
    public static LesionImage decode(Path file, byte[] bytes) throws ImageLoadException {
        ImageFormat format = ImageFormat.sniff(bytes);
        if (format == null) {
            throw new ImageLoadException(file, "not an image DermDesk can read (expected JPEG, PNG, BMP or TIFF)");
        }
        if (!format.isComplete(bytes)) {
            throw new ImageLoadException(file, "the " + format.displayName()
                    + " file is truncated (it ends before the image data does) - copy it again from the camera");
        }
        ImageHeader header = ImageHeader.read(format, bytes);
        if (header == null) {
            throw new ImageLoadException(file, "the " + format.displayName() + " header is damaged (it gives no image size)"
                    + " - copy it again from the camera");
        }
        checkSize(file, header.width(), header.height());
        if (format == ImageFormat.JPEG && JpegDamage.warning(bytes) != null) {
            throw new ImageLoadException(file, "the JPEG image data is damaged (part of it is corrupt or missing, and the"
                    + " decoder would fill the gap with grey) - copy it again from the camera");
        }
        Scale stated = FileResolution.read(format, bytes, header.width(), header.height());
        return decode(file, bytes, reduction(header.pixels()), header, stated);
    }

    /** Refuses, before decoding, a size that cannot be a dermoscopic image or would exhaust memory. */
    private static void checkSize(Path file, int w, int h) throws ImageLoadException {
        String size = w + "x" + h + " pixels";
        if ((long) w * h > MAX_PIXELS) {
            throw new ImageLoadException(file, "the image is too large (" + size + "; at most "
                    + MAX_PIXELS / 1_000_000 + " megapixels can be assessed)");
        }
        if (Math.min(w, h) < MIN_SIDE) {
            throw new ImageLoadException(file, "the image is too small to assess (" + size
                    + "; at least " + MIN_SIDE + " pixels on the shorter side are needed)");
        }
        if (Math.max(w, h) > (long) MAX_ASPECT * Math.min(w, h)) {
            throw new ImageLoadException(file, "the image is a narrow strip (" + size + "); a dermoscopic image can be"
                    + " at most " + MAX_ASPECT + " times as long as it is wide");
        }
    }

    /** 1, 2, 4 or 8: the smallest factor that brings the image to at most {@link #MAX_DECODED_PIXELS}. */
    static int reduction(long pixels) {
        int f = 1;
        while (f < 8 && pixels > MAX_DECODED_PIXELS * f * f) {
            f *= 2;
        }
        return f;
    }

    private static int decodeFlags(int reduction) {
        return switch (reduction) {
            case 1 -> opencv_imgcodecs.IMREAD_COLOR;
            case 2 -> opencv_imgcodecs.IMREAD_REDUCED_COLOR_2;
            case 4 -> opencv_imgcodecs.IMREAD_REDUCED_COLOR_4;
            default -> opencv_imgcodecs.IMREAD_REDUCED_COLOR_8;
        };
    }

    /** @param stated the file's own scale at its header's size (see {@link FileResolution}), or unknown */
    private static LesionImage decode(Path file, byte[] bytes, int reduction, ImageHeader header, Scale stated) throws ImageLoadException {
        try (BytePointer data = new BytePointer(bytes);
             Mat encoded = new Mat(1, bytes.length, opencv_core.CV_8UC1, data);
             Mat bgr = imdecode(encoded, reduction)) {
            if (bgr == null || bgr.empty()) {
                throw new ImageLoadException(file, "the image data is corrupt and cannot be decoded");
            }
            int w = bgr.cols();
            int h = bgr.rows();
            if ((long) w * h > MAX_DECODED_PIXELS || Math.min(w, h) < MIN_SIDE) {
                throw new ImageLoadException(file, "the image data does not match its header (" + w + "x" + h
                        + " pixels decoded) - copy it again from the camera");
            }
            try (Mat rgb = new Mat()) {
                opencv_imgproc.cvtColor(bgr, rgb, opencv_imgproc.COLOR_BGR2RGB);
                return new LesionImage(file.getFileName().toString(), w, h, MatConversions.toBytes(rgb),
                        atDecodedSize(stated, header, w, h));
            }
        }
    }

    /** The file's scale at the size decoded (a reduced decode has fewer pixels per millimetre; turning it upright none fewer). */
    private static Scale atDecodedSize(Scale stated, ImageHeader header, int w, int h) {
        if (!stated.known()) {
            return Scale.unknown();
        }
        return Scale.fileMetadata(stated.pxPerMm() * Math.max(w, h) / Math.max(header.width(), header.height()));
    }

    /** OpenCV's decoder; its failed assertions (which carry build paths) mean data it cannot decode. */
    private static Mat imdecode(Mat encoded, int reduction) {
        try {
            return opencv_imgcodecs.imdecode(encoded, decodeFlags(reduction));
        } catch (RuntimeException e) {
            return null;
        }
    }
}

package org.dermdesk.core;

import java.nio.file.Path;

/** Decodes an image file; the imaging layer provides the implementation, other layers receive it. */
@FunctionalInterface
public interface ImageReader {

    LesionImage read(Path file) throws ImageLoadException;

    /**
     * Decodes a file already read by {@link ImageFile#read}. The imaging layer's loader decodes the bytes
     * given; this default reads the file again, for readers that only know paths.
     */
    default LesionImage decode(ImageFile file) throws ImageLoadException {
        return read(file.path());
    }
}

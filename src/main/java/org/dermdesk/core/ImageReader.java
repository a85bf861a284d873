package org.dermdesk.core;

import java.nio.file.Path;

/** Decodes an image file; the imaging layer provides the implementation, other layers receive it. */
@FunctionalInterface
public interface ImageReader {

    LesionImage read(Path file) throws ImageLoadException;
}

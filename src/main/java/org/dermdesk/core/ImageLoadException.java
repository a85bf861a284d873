package org.dermdesk.core;

import java.nio.file.Path;

/** An input image that cannot be assessed; the message names the file and says what is wrong. */
public class ImageLoadException extends Exception {

    private final Path file;

    public ImageLoadException(Path file, String problem) {
        super(file.getFileName() + ": " + problem);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}

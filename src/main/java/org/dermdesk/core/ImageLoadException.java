package org.dermdesk.core;

import java.nio.file.Path;

/** An input image that cannot be assessed; the message names the file and says what is wrong. */
public class ImageLoadException extends Exception {
    private static final long serialVersionUID = 1L;

    private final Path file;
    private final String problem;

    public ImageLoadException(Path file, String problem) {
        super(file.getFileName() + ": " + problem);
        this.file = file;
        this.problem = problem;
    }

    /** What is wrong, without the file name: safe to log (file names may carry patient names). */
    public String problem() {
        return problem;
    }

    public Path file() {
        return file;
    }
}

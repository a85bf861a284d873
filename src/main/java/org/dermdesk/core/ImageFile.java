package org.dermdesk.core;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One image file as read from disk, once: its bytes and their SHA-256. The decoder and the case log's
 * checksum both use these bytes, so the checksum always names the very pixels that were analysed.
 *
 * @param path   the file as the user named it
 * @param bytes  the whole file (not copied: do not change it)
 * @param sha256 SHA-256 of {@code bytes}, lower-case hex
 */
public record ImageFile(Path path, byte[] bytes, String sha256) {

    /** Larger files are refused before decoding, so that a stray file cannot exhaust memory. */
    public static final long MAX_BYTES = 64L * 1024 * 1024;

    public ImageFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(sha256, "sha256");
    }

    /**
     * Reads a regular file of at most {@link #MAX_BYTES}; the message of the exception names the file and
     * the problem (see {@link InputFiles}).
     */
    public static ImageFile read(Path file) throws ImageLoadException {
        byte[] bytes = InputFiles.read(file, MAX_BYTES);
        return new ImageFile(file, bytes, Checksums.sha256(bytes));
    }

    @Override
    public String toString() {
        return "ImageFile[" + bytes.length + " bytes, " + sha256.substring(0, Math.min(12, sha256.length())) + "...]";
    }
}

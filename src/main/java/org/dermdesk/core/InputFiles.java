package org.dermdesk.core;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;

/**
 * Reads a file the user pointed at, safely: only a regular file (links followed) of at most a given size.
 * A named pipe, device or socket named like an image is refused before it is opened, since reading it
 * could block forever ({@code mkfifo x.jpg}) or never end ({@code ln -s /dev/zero z.jpg}); a file that
 * grows past the limit while it is read is refused too. Messages name the problem in plain words.
 */
public final class InputFiles {

    private InputFiles() {
    }

    /** The file's bytes; throws, naming the file and the problem, when it is not a readable regular file of at most {@code maxBytes}. */
    public static byte[] read(Path file, long maxBytes) throws ImageLoadException {
        long size = checkRegular(file, maxBytes);
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) {
                throw tooLarge(file, bytes.length);
            }
            if (bytes.length == 0 && size > 0) {
                throw new ImageLoadException(file, "the file is empty");
            }
            return bytes;
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    /**
     * Checks, without opening it, that the file is a regular file (after links) of 1 to {@code maxBytes} bytes;
     * returns its size.
     */
    public static long checkRegular(Path file, long maxBytes) throws ImageLoadException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            throw unreadable(file, e);
        }
        if (attributes.isDirectory()) {
            throw new ImageLoadException(file, "is a folder, not an image file");
        }
        if (!attributes.isRegularFile()) {
            throw new ImageLoadException(file, "is not a regular file (a named pipe, device or socket), so it was not read");
        }
        long size = attributes.size();
        if (size == 0) {
            throw new ImageLoadException(file, "the file is empty");
        }
        if (size > maxBytes) {
            throw tooLarge(file, size);
        }
        return size;
    }

    private static ImageLoadException tooLarge(Path file, long size) {
        return new ImageLoadException(file, "the file is too large (" + Math.max(1, size / (1024 * 1024))
                + " MB) to be a dermoscopic image");
    }

    /** A plain reason for an I/O failure: the operating system's words, never an exception's class name. */
    private static ImageLoadException unreadable(Path file, IOException e) {
        if (e instanceof NoSuchFileException) {
            return new ImageLoadException(file, "file not found");
        }
        if (e instanceof AccessDeniedException) {
            return new ImageLoadException(file, "cannot be read (permission denied)");
        }
        String reason = "read error";
        if (e instanceof FileSystemException fse && fse.getReason() != null
                && fse.getReason().toLowerCase(Locale.ROOT).startsWith("too many levels of symbolic links")) {
            reason = "it is a symbolic link that leads back to itself, a link loop";
        } else if (e instanceof FileSystemException fse && fse.getReason() != null) {
            reason = fse.getReason(); // the operating system's words, e.g. "Input/output error"
        } else if (e.getClass() == IOException.class && e.getMessage() != null) {
            reason = e.getMessage(); // the operating system's words, e.g. "Input/output error"
        }
        return new ImageLoadException(file, "cannot be read (" + reason.toLowerCase(Locale.ROOT) + ")");
    }
}

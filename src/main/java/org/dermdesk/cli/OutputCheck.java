package org.dermdesk.cli;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * Checks, before any work starts, that a command can write its outputs: the file is a regular file (or
 * absent) in a folder that exists or can be created, it can be opened for writing, and its disk has room.
 * Each problem is one plain sentence naming the file; nothing is written to an existing file.
 */
final class OutputCheck {

    /** Less free space than this on an output's disk stops a command before it starts. */
    static final long MIN_FREE_BYTES = 2L * 1024 * 1024;

    private OutputCheck() {
    }

    /** Null when {@code file} can be appended to; otherwise why not, naming it ({@code what}: "the case log"). */
    static String file(Path file, String what) {
        Path abs = file.toAbsolutePath();
        if (Files.exists(abs) && !Files.isRegularFile(abs)) {
            return what + " " + file + " is not a regular file (a device, pipe or folder); choose another file";
        }
        Path dir = abs.getParent();
        String folder = folder(dir, what + " " + file);
        if (folder != null) {
            return folder;
        }
        if (Files.exists(abs)) {
            try {
                // can be opened for appending: enough, nothing written
                FileChannel.open(abs, StandardOpenOption.WRITE, StandardOpenOption.APPEND).close();
            } catch (IOException e) {
                return what + " " + file + " cannot be written (" + reason(e) + ")";
            }
        }
        return null;
    }

    /**
     * Null when files can be created in {@code dir}, or in the folder nearest it that exists when it is
     * missing (the writer creates it, with its own permissions); otherwise why not.
     */
    static String folder(Path dir, String what) {
        Path existing = dir.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !Files.isDirectory(existing)) {
            return what + " cannot be written: " + (existing == null ? dir : existing) + " is not a folder";
        }
        try {
            Path probe = Files.createTempFile(existing, ".dermdesk-probe-", ".part");
            Files.delete(probe);
            long free = Files.getFileStore(existing).getUsableSpace();
            if (free < MIN_FREE_BYTES) {
                return what + " cannot be written: no space left on the disk of " + dir + " (" + free / 1024 + " KB free)";
            }
        } catch (IOException e) {
            return what + " cannot be written in " + dir + " (" + reason(e) + ")";
        }
        return null;
    }

    /** The operating system's words for an I/O failure, never an exception's class name. */
    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "a folder on the way is missing";
        }
        if (e instanceof java.nio.file.FileAlreadyExistsException) {
            return "a file of that name is in the way";
        }
        if (e instanceof java.nio.file.NotDirectoryException) {
            return "a file is in the way of the folder";
        }
        String r = e instanceof FileSystemException fse ? fse.getReason() : e.getMessage();
        return r == null || r.isBlank() ? "input/output error" : r.toLowerCase(Locale.ROOT);
    }
}

package org.dermdesk.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Creates folders (0700) and files (0600) that only their owner can read: the case log holds reviewer
 * notes. Existing folders and files keep their permissions; file systems without POSIX permissions get
 * their defaults.
 */
final class OwnerOnly {

    private OwnerOnly() {
    }

    /** Creates {@code dir} and any missing parents, each new one 0700. */
    static void createDirectories(Path dir) throws IOException {
        if (isPosix(dir)) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectories(dir);
        }
    }

    /** What to pass when opening {@code file} with CREATE so that a new file is 0600. */
    static FileAttribute<?>[] newFile(Path file) {
        return isPosix(file)
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
    }

    private static boolean isPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}

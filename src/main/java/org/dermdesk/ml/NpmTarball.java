package org.dermdesk.ml;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.dermdesk.core.Checksums;

/** An npm package tarball ({@code npm pack}), read only after its SHA-256 matches the one expected. */
final class NpmTarball {

    /** Entries larger than this are refused: the model bundles are a few MB. */
    private static final long MAX_ENTRY_BYTES = 64L << 20;

    private NpmTarball() {
    }

    /** Files whose path inside the tarball passes {@code wanted}, by path. */
    static Map<String, byte[]> read(Path tgz, String expectedSha256, Predicate<String> wanted) throws IOException {
        if (!Files.isRegularFile(tgz)) {
            throw new IOException(tgz + " is not a file");
        }
        String actual = Checksums.sha256(tgz);
        if (!actual.equalsIgnoreCase(expectedSha256)) {
            throw new IOException(tgz + " is not the expected package: its SHA-256 is " + actual
                    + ", expected " + expectedSha256);
        }
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (InputStream in = new GzipCompressorInputStream(new BufferedInputStream(Files.newInputStream(tgz)));
             TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            TarArchiveEntry e;
            while ((e = tar.getNextEntry()) != null) {
                if (e.isFile() && wanted.test(e.getName())) {
                    if (e.getSize() > MAX_ENTRY_BYTES) {
                        throw new IOException(e.getName() + " in " + tgz + " is too large (" + e.getSize() + " bytes)");
                    }
                    out.put(e.getName(), tar.readAllBytes());
                }
            }
        }
        return out;
    }
}

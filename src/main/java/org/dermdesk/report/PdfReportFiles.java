package org.dermdesk.report;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * The files of a folder of PDF summaries: which file a case's summary goes to, and the unfinished
 * {@code .report-*.pdf.part} files an interrupted run left. A summary records the SHA-256 of its image
 * ({@link PdfReportExporter#IMAGE_SHA256_KEY}), so a resumed batch writes the summary of an image whose
 * PDF was saved but whose log row was not over that same file rather than beside it.
 */
public final class PdfReportFiles {

    /** A part file this old is no export in progress (an export takes seconds). */
    static final Duration STALE_AFTER = Duration.ofMinutes(10);
    private static final long MAX_PDF_BYTES = 64L * 1024 * 1024;

    private PdfReportFiles() {
    }

    /**
     * Where the summary of the case goes: {@code CASE.pdf}, unless that file holds another image's summary
     * (two images named {@code x.jpg} and {@code x.png}), then {@code CASE-SHA8.pdf}.
     */
    public static Path target(Path dir, String caseId, String imageSha256) {
        String safe = caseId.replaceAll("[^\\p{L}\\p{N}._-]", "_");
        Path plain = dir.resolve(safe + ".pdf");
        if (!Files.exists(plain) || imageSha256.equalsIgnoreCase(imageOf(plain))) {
            return plain;
        }
        return dir.resolve(safe + "-" + imageSha256.substring(0, 8) + ".pdf");
    }

    /** The image SHA-256 a DermDesk summary records; null for any other file or one that cannot be read. */
    static String imageOf(Path pdf) {
        try {
            if (!Files.isRegularFile(pdf) || Files.size(pdf) > MAX_PDF_BYTES) {
                return null;
            }
            try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
                return doc.getDocumentInformation().getCustomMetadataValue(PdfReportExporter.IMAGE_SHA256_KEY);
            }
        } catch (IOException | RuntimeException e) {
            return null; // not a summary we can read: it is kept, and the new one goes beside it
        }
    }

    /** Deletes the unfinished {@code .report-*.pdf.part} files older than {@link #STALE_AFTER}; returns how many. */
    public static int removeStaleParts(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        Instant before = Instant.now().minus(STALE_AFTER);
        int removed = 0;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, ".report-*.pdf.part")) {
            for (Path p : ds) {
                if (Files.isRegularFile(p) && Files.getLastModifiedTime(p).toInstant().isBefore(before)) {
                    Files.deleteIfExists(p);
                    removed++;
                }
            }
        }
        return removed;
    }
}

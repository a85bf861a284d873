package org.dermdesk.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import org.dermdesk.report.MetadataImport;

/** A {@code --metadata} CSV read for a command, with what could not be read reported on stderr. */
final class MetadataFiles {

    private static final int PROBLEMS_SHOWN = 20;

    private MetadataFiles() {
    }

    static MetadataImport.Result read(Path csv, PrintStream err) throws IOException {
        MetadataImport.Result meta = MetadataImport.read(csv);
        String encoding = meta.encoding() == null || meta.encoding().equals("UTF-8") ? "" : " (read as " + meta.encoding() + ")";
        err.println("Metadata: " + meta.size() + " images in " + csv.getFileName() + encoding
                + (meta.problems().isEmpty() ? "" : ", " + meta.problems().size() + " rows skipped:"));
        meta.problems().stream().limit(PROBLEMS_SHOWN).forEach(p -> err.println("  " + csv.getFileName() + " " + p));
        if (meta.problems().size() > PROBLEMS_SHOWN) {
            err.println("  ... and " + (meta.problems().size() - PROBLEMS_SHOWN) + " more");
        }
        return meta;
    }
}

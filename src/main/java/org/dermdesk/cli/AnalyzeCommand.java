package org.dermdesk.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.dermdesk.core.AnalysisResult;
import org.dermdesk.core.CaseDetails;
import org.dermdesk.core.Checksums;
import org.dermdesk.core.ImageFile;
import org.dermdesk.core.ImageLoadException;
import org.dermdesk.report.MetadataImport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Analyses images headless: one JSON line (or table row) per image; bad files do not stop the rest. */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = "Check and classify dermoscopic images. Exit code 1 if any image failed.")
public final class AnalyzeCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(AnalyzeCommand.class);

    @Option(names = "--json", description = "one JSON object per line on stdout (logs go to stderr)")
    boolean json;

    @Mixin
    ModelOption model;

    @Mixin
    DeviceScaleOption scale;

    @Option(names = "--metadata", paramLabel = "CSV",
            description = "ISIC/HAM-style metadata (age, sex, site) matched by file name: where the age is known,"
                    + " p_malignant also weighs age and sex (p_malignant_image_only keeps the image's own figure)")
    Path metadata;

    @Option(names = "--remove-hair", description = "inpaint detected hair before classifying (optional, off by default: on the shipped model it measured"
                    + " slightly worse, test AUC 0.876 -> 0.873)")
    boolean removeHair;

    @Parameters(arity = "1..*", paramLabel = "IMAGE", description = "image files (JPEG, PNG, BMP, TIFF)")
    List<Path> images;

    private final PrintStream out;

    public AnalyzeCommand() {
        this(System.out);
    }

    AnalyzeCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() throws Exception {
        int failures = 0;
        MetadataImport.Result meta = metadata == null ? null : MetadataFiles.read(metadata, System.err);
        try (Pipeline pipeline = Pipeline.open(model.dir(), removeHair, scale)) {
            ResultTable table = json ? null : new ResultTable(out);
            for (Path image : images) {
                ObjectNode row;
                ImageFile file = null;
                try {
                    file = ImageFile.read(image);
                    AnalysisResult result = pipeline.analyze(file, meta == null ? CaseDetails.none() : meta.details(image));
                    row = AnalysisJson.ok(result);
                } catch (ImageLoadException e) {
                    failures++;
                    LOG.warn("Skipped an image: {}", e.problem());
                    row = AnalysisJson.error(image.toString(), sha(file, image), e.getMessage());
                } catch (RuntimeException e) {
                    failures++;
                    LOG.debug("Analysis failed for one image", e); // for a developer; no trace on the console
                    row = AnalysisJson.error(image.toString(), sha(file, image), image.getFileName()
                            + ": could not be analysed (an internal error; run with -Ddermdesk.log.level=DEBUG for the details and report it)");
                }
                if (json) {
                    out.println(AnalysisJson.MAPPER.writeValueAsString(row));
                } else {
                    table.print(row);
                }
            }
        }
        return failures == 0 ? 0 : 1;
    }

    /** The checksum of the bytes read, or of the file where it could not be read whole (too large), else null. */
    private static String sha(ImageFile read, Path file) {
        return read != null ? read.sha256() : shaIfReadable(file);
    }

    private static String shaIfReadable(Path file) {
        try {
            return Files.isRegularFile(file) && Files.isReadable(file) ? Checksums.sha256(file) : null;
        } catch (java.io.IOException e) {
            return null;
        }
    }
}

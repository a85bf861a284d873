package org.dermdesk.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.dermdesk.core.AnalysisResult;
import org.dermdesk.core.CaseAnalyzer;
import org.dermdesk.core.CaseDetails;
import org.dermdesk.core.CaseRecord;
import org.dermdesk.core.ImageLoadException;
import org.dermdesk.core.ImageFile;
import org.dermdesk.core.Prediction;
import org.dermdesk.core.ResultWording;
import org.dermdesk.ml.ModelCard;
import org.dermdesk.report.CaseLog;
import org.dermdesk.report.MetadataImport;
import org.dermdesk.report.PageSize;
import org.dermdesk.report.PdfReportExporter;
import org.dermdesk.report.PdfReportFiles;
import org.dermdesk.report.ValidationMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Analyses every image in a folder: one case-log row (and optionally one PDF) per good image, a
 * progress bar on stderr, bad files named as they occur and listed at the end. Re-running with the same
 * {@code --csv} resumes: images whose SHA-256 is already in the log are skipped.
 */
@Command(name = "batch", mixinStandardHelpOptions = true,
        description = "Analyse every image in a folder into a case log (and PDFs). Resumable. "
                + "Exit code 1 if any image failed, 2 on a usage or file error.")
public final class BatchCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(BatchCommand.class);
    private static final Set<String> IMAGE_EXTENSIONS = Set.of("jpg", "jpeg", "png", "bmp", "tif", "tiff");
    /** Image files DermDesk cannot read: listed as not supported rather than skipped without a word. */
    private static final Set<String> UNSUPPORTED_EXTENSIONS = Set.of("gif", "webp", "heic", "heif", "avif");
    private static final int BAR = 30;

    @Parameters(index = "0", paramLabel = "DIR", description = "folder of images (JPEG, PNG, BMP, TIFF; not recursive)")
    Path dir;

    @Option(names = "--csv", required = true, paramLabel = "OUT.csv", description = "case log to append to (created if missing)")
    Path csv;

    @Option(names = "--pdf-dir", paramLabel = "DIR", description = "write one PDF summary per good image here")
    Path pdfDir;

    @Option(names = "--metadata", paramLabel = "CSV", description = "ISIC/HAM-style metadata (age, sex, site) matched by file name")
    Path metadata;

    @Option(names = "--page-size", paramLabel = "SIZE", defaultValue = "A4", description = "PDF paper: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE})")
    PageSize pageSize;

    @Option(names = "--remove-hair", description = "inpaint detected hair before classifying (optional, off by default: on the shipped model it measured"
                    + " slightly worse, test AUC 0.876 -> 0.873)")
    boolean removeHair;

    @Mixin
    ModelOption model;

    @Mixin
    DeviceScaleOption scale;

    private final CaseAnalyzer injected;
    private final Map<String, String> injectedMetrics;
    private final PrintStream out;
    private final PrintStream err;

    /** The command line's constructor: analyses with the model from {@code --model} (or the shipped one). */
    public BatchCommand() {
        this(null, Map.of(), System.out, System.err);
    }

    /**
     * A batch over a given pipeline (the GUI, other wiring, tests); that pipeline decides on hair removal,
     * {@code --remove-hair} and {@code --px-per-mm} only configure the command line's own.
     *
     * @param validationMetrics the model's validation metrics as printed on the PDFs, label to value
     */
    public BatchCommand(CaseAnalyzer analyzer, Map<String, String> validationMetrics, PrintStream out, PrintStream err) {
        this.injected = analyzer;
        this.injectedMetrics = validationMetrics;
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(dir)) {
            err.println("batch: " + dir + " is not a folder");
            return 2;
        }
        // the outputs are checked before the model is loaded or any image read
        String outputs = OutputCheck.file(csv, "the case log");
        if (outputs == null && pdfDir != null) {
            outputs = OutputCheck.folder(pdfDir, "the PDF folder " + pdfDir);
        }
        if (outputs != null) {
            err.println("batch: " + outputs);
            return 2;
        }
        if (!CaseLog.isCaseLogOrAbsent(csv)) {
            err.println("batch: " + csv + " exists and is not a DermDesk case log; choose another --csv file");
            return 2;
        }
        if (injected != null) {
            return run(injected, injectedMetrics);
        }
        try (Pipeline pipeline = Pipeline.open(model.dir(), removeHair, scale)) {
            return run(pipeline.caseAnalyzer(), metricsOf(pipeline.card()));
        }
    }

    private int run(CaseAnalyzer analyzer, Map<String, String> metrics) throws IOException {
        MetadataImport.Result meta = metadata == null ? null : MetadataFiles.read(metadata, err);
        CaseLog.Contents existing = CaseLog.read(csv);
        existing.problems().forEach(p -> err.println("Case log " + csv.getFileName() + ": " + p));
        Set<String> done = new java.util.HashSet<>(existing.imageHashes());
        CaseLog log = new CaseLog(csv);
        PdfReportExporter pdf = null;
        if (pdfDir != null) {
            Files.createDirectories(pdfDir);
            int stale = PdfReportFiles.removeStaleParts(pdfDir);
            if (stale > 0) {
                err.println("Removed " + stale + " unfinished PDF file(s) an interrupted run left in " + pdfDir);
            }
            pdf = PdfReportExporter.create(pageSize, metrics);
        }

        List<Path> images = listImages();
        Map<Path, String> bad = new LinkedHashMap<>();
        int added = 0;
        int skipped = 0;
        int suspicious = 0;
        List<String> notDermoscopic = new ArrayList<>();
        List<String> unfamiliar = new ArrayList<>();
        boolean oldLayout = false;
        for (int i = 0; i < images.size(); i++) {
            Path image = images.get(i);
            progress(i, images.size(), image.getFileName().toString());
            String ext = extension(image.getFileName().toString());
            if (UNSUPPORTED_EXTENSIONS.contains(ext)) {
                fail(bad, image, image.getFileName() + ": " + ext.toUpperCase(Locale.ROOT)
                        + " images are not supported (convert it to JPEG or PNG)");
                continue;
            }
            ImageFile file;
            try {
                // only a regular file of bounded size: a pipe or device named like an image must not block the batch
                file = ImageFile.read(image);
            } catch (ImageLoadException e) {
                fail(bad, image, e.getMessage());
                continue;
            }
            String sha = file.sha256();
            if (done.contains(sha)) {
                skipped++;
                continue;
            }
            CaseDetails details = meta == null ? CaseDetails.none() : meta.details(image);
            AnalysisResult result;
            try {
                result = analyzer.analyze(file, details);
            } catch (ImageLoadException e) {
                fail(bad, image, e.getMessage());
                continue;
            } catch (RuntimeException e) {
                LOG.debug("Analysis failed for one image", e); // the details for a developer; no trace on the console
                fail(bad, image, image.getFileName() + ": could not be analysed (an internal error; "
                        + "run with -Ddermdesk.log.level=DEBUG for the details and report it)");
                continue;
            }
            String caseId = stem(image.getFileName().toString());
            CaseRecord record = CaseRecord.of(Instant.now(), caseId, image.toAbsolutePath(), result);
            if (pdf != null) { // the PDF first: a row in the log means "done" to a resumed run
                Path target = PdfReportFiles.target(pdfDir, caseId, sha);
                try {
                    pdf.export(record, target);
                } catch (IOException e) { // the folder, not the image: every later PDF would fail the same way
                    return stopped("the PDF summary " + target.getFileName() + " could not be written in " + pdfDir
                            + " (" + OutputCheck.reason(e) + ")", added);
                } catch (RuntimeException e) {
                    LOG.debug("PDF layout failed for one image", e);
                    fail(bad, image, image.getFileName() + ": the PDF summary could not be laid out (an internal error; "
                            + "run with -Ddermdesk.log.level=DEBUG for the details and report it)");
                    continue;
                }
            }
            CaseLog.Layout layout;
            try {
                layout = log.appendIfNew(record);
            } catch (IOException e) {
                return stopped("the case log " + csv + " could not be written (" + OutputCheck.reason(e) + ")", added);
            }
            done.add(sha);
            if (layout == null) { // another batch over the same folder logged it meanwhile
                skipped++;
                continue;
            }
            oldLayout |= layout == CaseLog.Layout.V1;
            added++;
            Prediction prediction = record.prediction();
            if (!prediction.appliesToImage()) { // no verdict: not counted as suspicious, listed below
                notDermoscopic.add(image.getFileName().toString());
            } else if (prediction.malignant()) {
                suspicious++;
            }
            if (prediction.unfamiliar()) {
                unfamiliar.add(image.getFileName().toString());
            }
        }
        progress(images.size(), images.size(), "");
        err.println();

        out.printf(Locale.ROOT, "%d images in %s: %d analysed and added to %s (%d suspicious), %d already in the log, %d failed.%n",
                images.size(), dir, added, csv, suspicious,
                skipped, bad.size());
        if (oldLayout) {
            out.println(csv + " is a version 1 case log: its rows do not record whether the probability weighed"
                    + " age and sex; use a new --csv file for version 2 rows.");
        }
        if (pdf != null) {
            out.println("PDF summaries in " + pdfDir);
        }
        list(ResultWording.BATCH_NOT_DERMOSCOPIC, notDermoscopic);
        list(ResultWording.BATCH_UNFAMILIAR, unfamiliar);
        if (!bad.isEmpty()) {
            out.println("Files that could not be analysed:");
            bad.values().forEach(m -> out.println("  " + m));
        }
        out.flush();
        return bad.isEmpty() ? 0 : 1;
    }

    private void list(String heading, List<String> names) {
        if (!names.isEmpty()) {
            out.println(heading);
            names.forEach(n -> out.println("  " + n));
        }
    }

    /** Ends the batch on an output that cannot be written: one message, what was saved, exit code 2. */
    private int stopped(String problem, int added) {
        err.print("\r\033[K"); // clear the progress line
        err.println("batch: stopped: " + problem + ".");
        err.println("  " + added + (added == 1 ? " row was" : " rows were") + " saved to " + csv
                + " in this run; once the problem is fixed, run the same command again and it carries on from there.");
        err.flush();
        return 2;
    }

    private List<Path> listImages() throws IOException {
        List<Path> images = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                String name = p.getFileName().toString();
                String ext = extension(name);
                boolean image = IMAGE_EXTENSIONS.contains(ext) || UNSUPPORTED_EXTENSIONS.contains(ext);
                if (!name.startsWith(".") && image && !Files.isDirectory(p)) {
                    images.add(p);
                }
            }
        }
        images.sort(null);
        return images;
    }

    private void fail(Map<Path, String> bad, Path image, String message) {
        bad.put(image, message);
        err.print("\r\033[K"); // clear the progress line
        err.println("  bad file: " + message);
    }

    private void progress(int done, int total, String current) {
        int filled = total == 0 ? BAR : done * BAR / total;
        String name = current.length() > 40 ? current.substring(0, 37) + "..." : current;
        err.printf(Locale.ROOT, "\r[%s%s] %d/%d %3d%% %s\033[K", "#".repeat(filled), "-".repeat(BAR - filled),
                done, total, total == 0 ? 100 : done * 100 / total, name);
        err.flush();
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static String stem(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** The model card's figures as printed on each PDF. */
    private static Map<String, String> metricsOf(ModelCard card) {
        return card == null ? Map.of() : ValidationMetrics.of(card.metrics(), card.threshold());
    }
}

package org.dermdesk.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.dermdesk.core.AnalysisResult;
import org.dermdesk.core.CaseDetails;
import org.dermdesk.core.ChangeRule;
import org.dermdesk.core.ComparisonException;
import org.dermdesk.core.ImageLoadException;
import org.dermdesk.core.LesionComparer;
import org.dermdesk.core.LesionComparison;
import org.dermdesk.imaging.EccLesionRegistrar;
import org.dermdesk.report.ComparisonPdfExporter;
import org.dermdesk.report.PageSize;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Compares a later image of a lesion with an earlier one: registration, what changed, and the verdict. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Follow a lesion over time: register AFTER onto BEFORE and report what changed."
                + " Exit code 1 if an image cannot be read or has no lesion, 2 on bad arguments.")
public final class CompareCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(CompareCommand.class);

    @Parameters(index = "0", paramLabel = "BEFORE", description = "the earlier image")
    Path before;

    @Parameters(index = "1", paramLabel = "AFTER", description = "the later image of the same lesion")
    Path after;

    @Option(names = "--json", description = "one JSON object on stdout (logs go to stderr)")
    boolean json;

    @Option(names = "--pdf", paramLabel = "OUT", description = "also write a one-page comparison PDF")
    Path pdf;

    @Option(names = "--paper", paramLabel = "SIZE", description = "PDF paper size: ${COMPLETION-CANDIDATES} (default A4)")
    PageSize paper = PageSize.A4;

    @Mixin
    ModelOption model;

    @Mixin
    DeviceScaleOption scale;

    private final PrintStream out;

    public CompareCommand() {
        this(System.out);
    }

    CompareCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() throws Exception {
        LesionComparison c;
        try (Pipeline pipeline = Pipeline.open(model.dir(), false, scale)) {
            AnalysisResult b = pipeline.analyze(before, CaseDetails.none());
            AnalysisResult a = pipeline.analyze(after, CaseDetails.none());
            c = new LesionComparer(new EccLesionRegistrar(), new ChangeRule()).compare(b, a);
        } catch (ImageLoadException e) {
            LOG.warn("Comparison not possible: {}", e.problem()); // the problem only: a file name may name the patient
            System.err.println(e.getMessage());
            return 1;
        } catch (ComparisonException e) {
            LOG.warn("Comparison not possible (the console names the file and the problem)");
            System.err.println(e.getMessage());
            return 1;
        }
        if (json) {
            out.println(AnalysisJson.MAPPER.writeValueAsString(ComparisonJson.of(c)));
        } else {
            ComparisonText.print(c, out);
        }
        if (pdf != null) {
            try {
                ComparisonPdfExporter.create(paper).export(c, pdf);
            } catch (IOException e) {
                System.err.println(pdf + ": the comparison PDF could not be written (" + e.getMessage() + ")");
                return 1;
            }
            if (!json) out.println("Comparison PDF: " + pdf);
        }
        return 0;
    }
}

package org.dermdesk.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.dermdesk.core.CaseExporter;
import org.dermdesk.core.CaseLogWriter;
import org.dermdesk.core.ComparisonExporter;
import org.dermdesk.core.EarlierCase;
import org.dermdesk.core.EarlierCases;
import org.dermdesk.core.LesionRegistrar;
import org.dermdesk.core.Explainer;
import org.dermdesk.core.HairRemoval;
import org.dermdesk.core.ImageReader;
import org.dermdesk.core.RulerReader;
import org.dermdesk.core.LesionClassifier;
import org.dermdesk.core.QualityGate;
import org.dermdesk.explain.LimeExplainer;
import org.dermdesk.imaging.ArtifactQualityGate;
import org.dermdesk.imaging.EccLesionRegistrar;
import org.dermdesk.imaging.ImageLoader;
import org.dermdesk.imaging.InpaintingHairRemoval;
import org.dermdesk.imaging.NativeMemory;
import org.dermdesk.imaging.RulerScaleReader;
import org.dermdesk.ml.DjlLesionClassifier;
import org.dermdesk.report.CaseLog;
import org.dermdesk.report.ComparisonPdfExporter;
import org.dermdesk.report.MetadataImport;
import org.dermdesk.report.PageSize;
import org.dermdesk.report.PdfReportExporter;
import org.dermdesk.report.ValidationMetrics;
import org.dermdesk.ui.CaseMetadataLookup;
import org.dermdesk.ui.WorkstationServices;

/**
 * The desktop window's services: the OpenCV loader, the DJL classifier, the PDF report and the CSV
 * case log, the quality gate, digital hair removal and the LIME explainer. Cheap to construct: nothing native loads until the window asks for it.
 */
final class DesktopServices implements WorkstationServices {

    // shown after "Case saved to <file>": an old log cannot say whether the probability was adjusted
    private static final String NEW_LOG = "-Ddermdesk.caselog=<new file> starts a version " + CaseLog.VERSION + " log";
    static final String OLD_LAYOUT_NOTE = " (a version 1 case log: it does not record whether the probability"
            + " weighed age and sex; " + NEW_LOG + ")";
    // shown after "Case saved to <file>": a version 2 log has no columns for the lesion measurement
    static final String VERSION_2_NOTE = " (a version 2 case log: it does not record the lesion measurement; " + NEW_LOG + ")";
    // a version 3 log has no columns for whether the image looked dermoscopic and familiar
    static final String VERSION_3_NOTE = " (a version 3 case log: it does not record whether the image looked dermoscopic;"
            + " " + NEW_LOG + ")";
    // a version 4 log has no columns for the patient and lesion, so this case will not be offered for comparison
    static final String VERSION_4_NOTE = " (a version 4 case log: it does not record the patient ID and lesion, so this"
            + " case cannot be found for a later comparison; " + NEW_LOG + ")";

    private final Path modelDir;
    private final Path caseLogFile;
    private final MetadataImport.Result metadata;
    private volatile DjlLesionClassifier classifier;
    private volatile QualityGate gate;

    /**
     * @param metadata imported case metadata to prefill age, sex and body site, or null
     */
    DesktopServices(Path modelDir, Path caseLogFile, MetadataImport.Result metadata) {
        this.modelDir = modelDir;
        this.caseLogFile = caseLogFile;
        this.metadata = metadata;
    }

    @Override
    public ImageReader imageReader() {
        return ImageLoader::load;
    }

    @Override
    public LesionClassifier openClassifier() throws Exception {
        DjlLesionClassifier c = DjlLesionClassifier.open(modelDir);
        classifier = c;
        return c;
    }

    @Override
    public Optional<QualityGate> qualityGate() {
        // created on first use (off the FX thread), after the toolkit is up: OpenCV loads with it
        if (gate == null) {
            synchronized (this) {
                if (gate == null) {
                    gate = new ArtifactQualityGate();
                }
            }
        }
        return Optional.of(gate);
    }

    @Override
    public Optional<RulerReader> rulerReader() {
        // stateless; OpenCV loads on the first read, which runs off the FX thread
        return Optional.of(new RulerScaleReader());
    }

    @Override
    public Optional<HairRemoval> hairRemoval() {
        // cheap and stateless; OpenCV's photo module loads on the first apply(), which runs off the FX thread
        return Optional.of(new InpaintingHairRemoval());
    }

    @Override
    public Optional<Explainer> explainer() {
        return Optional.of((request, progress, cancellation) -> {
            try {
                return LimeExplainer.explain(LimeExplainer.Settings.defaults(), request, true, progress, cancellation);
            } finally {
                // the explanation's batches ran on several threads, each leaving freed memory in its own arena
                NativeMemory.releaseFreePages();
            }
        });
    }

    @Override
    public Optional<CaseExporter> pdfExporter() {
        return Optional.of((record, target) -> {
            DjlLesionClassifier c = classifier;
            PdfReportExporter.create(PageSize.A4, c == null || c.card() == null ? Map.of()
                    : ValidationMetrics.of(c.card().metrics(), c.card().threshold())).export(record, target);
        });
    }

    @Override
    public Optional<CaseLogWriter> caseLog() {
        return Optional.of(record -> {
            Path parent = caseLogFile.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            if (!CaseLog.isCaseLogOrAbsent(caseLogFile)) {
                throw new IOException(caseLogFile + " exists and is not a DermDesk case log; start DermDesk with"
                        + " -Ddermdesk.caselog=<another file>");
            }
            CaseLog.Layout layout = new CaseLog(caseLogFile).append(record);
            return caseLogFile + switch (layout) {
                case V1 -> OLD_LAYOUT_NOTE;
                case V2 -> VERSION_2_NOTE;
                case V3 -> VERSION_3_NOTE;
                case V4 -> VERSION_4_NOTE;
                case V5 -> "";
            };
        });
    }

    @Override
    public Optional<LesionRegistrar> lesionRegistrar() {
        // stateless; OpenCV's video module loads on the first registration, which runs off the FX thread
        return Optional.of(new EccLesionRegistrar());
    }

    @Override
    public Optional<EarlierCases> earlierCases() {
        return Optional.of((patient, lesion) -> CaseLog.earlierCases(caseLogFile, patient, lesion).stream()
                .map(e -> new EarlierCase(e.timestamp(), e.caseId(), e.imagePath() == null ? null : Path.of(e.imagePath()),
                        e.imageSha256(), e.pMalignant()))
                .toList());
    }

    @Override
    public Optional<ComparisonExporter> comparisonExporter() {
        return Optional.of((comparison, target) -> ComparisonPdfExporter.create(PageSize.A4).export(comparison, target));
    }

    @Override
    public Optional<CaseMetadataLookup> metadata() {
        return Optional.ofNullable(metadata).map(m -> m::find);
    }
}

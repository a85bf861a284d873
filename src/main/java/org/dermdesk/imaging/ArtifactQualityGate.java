package org.dermdesk.imaging;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.dermdesk.core.ArtifactFinding;
import org.dermdesk.core.ArtifactKind;
import org.dermdesk.core.DeviceScales;
import org.dermdesk.core.LesionImage;
import org.dermdesk.core.LesionRegion;
import org.dermdesk.core.Mask;
import org.dermdesk.core.QualityGate;
import org.dermdesk.core.QualityReport;
import org.dermdesk.core.ScalePrecedence;

/**
 * The image-quality gate: segments the lesion, runs every artifact detector on one shared working
 * copy (long side 512), maps their masks back to full size, fills the coverages and applies the
 * {@link RetakePolicy}, and measures the lesion ({@link LesionMeasurer}). Stateless and thread-safe. Uses only OpenCV core/imgproc (no GTK-linked
 * modules), so the GUI may call it at any time.
 */
public final class ArtifactQualityGate implements QualityGate {

    private final LesionSegmenter segmenter;
    private final List<ArtifactDetector> detectors;
    private final RetakePolicy policy;

    public ArtifactQualityGate() {
        this(new RetakePolicy());
    }

    public ArtifactQualityGate(RetakePolicy policy) {
        this(new LesionSegmenter(), defaultDetectors(), policy);
    }

    ArtifactQualityGate(LesionSegmenter segmenter, List<ArtifactDetector> detectors, RetakePolicy policy) {
        this.segmenter = segmenter;
        this.detectors = List.copyOf(detectors);
        this.policy = policy;
    }

    static List<ArtifactDetector> defaultDetectors() {
        return List.of(new HairDetector(), new RulerDetector(), new InkDetector(), new DarkCornerDetector(),
                new GelBubbleDetector(), new BlurDetector(), new ExposureDetector());
    }

    @Override
    public QualityReport assess(LesionImage image) {
        try (WorkingCopy wc = WorkingCopy.of(image)) {
            byte[] lesionWorking = segmenter.segmentWorking(wc);
            LesionRegion lesion = LesionSegmenter.region(wc, lesionWorking);
            Map<ArtifactKind, ArtifactFinding> findings = new EnumMap<>(ArtifactKind.class);
            for (ArtifactDetector d : detectors) {
                findings.put(d.kind(), finding(wc, d.detect(wc), lesionWorking));
            }
            List<String> reasons = policy.reasons(findings, lesion, LesionSegmenter.edgeContrast(wc, lesionWorking));
            // measured with the ruler in the image; where there is none, the file's own metadata gives the scale
            // (a front end with device calibrations applies them through ScaledQualityGate, by the same rule)
            return ScalePrecedence.apply(new QualityReport(findings, lesion, !reasons.isEmpty(), reasons,
                    LesionMeasurer.measure(wc, lesionWorking, lesion)), image, DeviceScales.NONE);
        }
    }

    static ArtifactFinding finding(WorkingCopy wc, Detection d, byte[] lesionWorking) {
        if (d.mask() == null || !d.kind().localised()) {
            return new ArtifactFinding(d.kind(), d.present(), d.score(), Double.NaN, Double.NaN, null);
        }
        double covImage = (double) Masks.area(d.mask()) / wc.pixels();
        double covLesion = Masks.fractionOf(d.mask(), lesionWorking);
        Mask full = new Mask(wc.fullWidth, wc.fullHeight, Resample.toFull(wc, d.mask()));
        return new ArtifactFinding(d.kind(), d.present(), d.score(), covImage, covLesion, full);
    }
}

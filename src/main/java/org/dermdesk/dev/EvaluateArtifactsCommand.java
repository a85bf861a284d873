package org.dermdesk.dev;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.dermdesk.imaging.ArtifactEvaluation;
import org.dermdesk.imaging.CutOffEvaluation;
import org.dermdesk.imaging.DetectionMetrics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code evaluate-artifacts}: the image-quality gate's numbers on the development data. */
@Command(name = "evaluate-artifacts", mixinStandardHelpOptions = true,
        description = "Per-artifact precision/recall/F1/AUC (thresholds tuned on one half of the images,"
                + " reported on the other), lesion segmentation Jaccard, retake rate and the agreement of the"
                + " cut-off rule with the expert lesion masks.")
public final class EvaluateArtifactsCommand implements Callable<Integer> {

    @Option(names = "--data", defaultValue = DevelopmentData.DEFAULT, description = "development data folder (default: ${DEFAULT-VALUE})")
    Path data;

    @Option(names = "--out", description = "folder for per-image raw detector values (CSV) and the tables")
    Path out;

    @Option(names = "--seg-images", defaultValue = "1000", description = "HAM10000 images for the Jaccard (0 = all; default: ${DEFAULT-VALUE})")
    int segImages;

    @Option(names = "--skip-small", description = "skip the 256-px ISIC 2017 copies")
    boolean skipSmall;

    @Option(names = "--cutoff-images", defaultValue = "1000",
            description = "held-out 200x150 HAM10000 images for the cut-off agreement (0 = all; default: ${DEFAULT-VALUE})")
    int cutoffImages;

    @Override
    public Integer call() throws IOException {
        String missing = DevelopmentData.problem(data, "--data", "artifacts/annotations.csv");
        if (missing != null) {
            System.err.println(missing);
            return 2;
        }
        ArtifactEvaluation ev = new ArtifactEvaluation(data);
        StringBuilder text = new StringBuilder();
        text.append(table("artifacts/full (full resolution)",
                ev.evaluateArtifacts(data.resolve("artifacts/full"), 0, rawFile("artifacts-full.csv"))));
        if (!skipSmall) {
            text.append(table("isic2017/images (256 px copies)",
                    ev.evaluateArtifacts(data.resolve("isic2017/images"), 0, rawFile("artifacts-isic2017.csv"))));
        }
        ArtifactEvaluation.SegmentationResult seg = ev.evaluateSegmentation(segImages);
        text.append(String.format(Locale.ROOT, "%nLesion segmentation vs ham10000/masks: %d images, mean Jaccard %.3f, median %.3f, %.0f%% >= 0.75%n",
                seg.images(), seg.meanJaccard(), seg.medianJaccard(), 100 * seg.fractionAtLeast075()));
        for (String folder : List.of("artifacts/full", "ham10000/full")) {
            ArtifactEvaluation.RetakeResult r = ev.retakeRate(data.resolve(folder), 0);
            text.append(String.format(Locale.ROOT, "%nRetake rate on %s: %d of %d images (%.1f%%)%n", folder, r.retakes(), r.images(), 100 * r.rate()));
            for (Map.Entry<String, Integer> e : r.reasons().entrySet()) {
                text.append(String.format(Locale.ROOT, "  %4d  %s%n", e.getValue(), e.getKey()));
            }
        }
        CutOffEvaluation cut = new CutOffEvaluation(data);
        text.append(cutOffTable(cut.fullResolution(), cut.heldOutHalf(cutoffImages)));
        System.out.print(text);
        if (out != null) {
            Files.createDirectories(out);
            Files.writeString(out.resolve("evaluate-artifacts.txt"), text.toString());
        }
        return 0;
    }

    private Path rawFile(String name) {
        return out == null ? null : out.resolve(name);
    }

    static String table(String title, List<ArtifactEvaluation.Row> rows) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%n%s - held-out half (tuned threshold from the tuning half)%n", title));
        sb.append(String.format(Locale.ROOT, "%-12s %5s %4s %10s %6s %6s %6s %6s | %6s %6s | %6s%n",
                "artifact", "n", "pos", "threshold", "prec", "recall", "F1", "AUC", "F1@shp", "AUC-tn", "F1-tn"));
        for (ArtifactEvaluation.Row r : rows) {
            DetectionMetrics t = r.heldOutTuned();
            sb.append(String.format(Locale.ROOT, "%-12s %5d %4d %10.4g %6.3f %6.3f %6.3f %6.3f | %6.3f %6.3f | %6.3f%n",
                    r.kind().key(), t.n(), t.positives(), r.tunedThreshold(), t.precision(), t.recall(), t.f1(), t.auc(),
                    r.heldOutShipped().f1(), r.tuning().auc(), r.tuning().f1()));
        }
        sb.append("(F1@shp: F1 on the held-out half at the threshold shipped in the detector; -tn: on the tuning half)\n");
        return sb.toString();
    }

    static String cutOffTable(CutOffEvaluation.Agreement full, CutOffEvaluation.Agreement heldOut) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%nLesion cut off vs expert masks (cut off: expert mask on >= %.0f%% of the image frame)%n",
                100 * CutOffEvaluation.REFERENCE_CONTACT));
        sb.append(String.format(Locale.ROOT, "%-32s %5s %4s | %5s %6s %6s %6s | %5s %6s %6s %6s%n",
                "images", "n", "pos", "fires", "prec", "recall", "F1", "fires", "prec", "recall", "F1"));
        sb.append(cutOffRow("ham10000/full (600x450)", full));
        sb.append(cutOffRow("ham10000 held-out half (200x150)", heldOut));
        sb.append("(left: the shipped rule; right: the former rule, contact >= 15% and edge contrast >= 30 without the inward reach)\n");
        return sb.toString();
    }

    private static String cutOffRow(String name, CutOffEvaluation.Agreement a) {
        CutOffEvaluation.Tally s = a.shipped();
        CutOffEvaluation.Tally f = a.former();
        return String.format(Locale.ROOT, "%-32s %5d %4d | %5d %6.3f %6.3f %6.3f | %5d %6.3f %6.3f %6.3f%n",
                name, a.images(), a.positives(), s.fires(), s.precision(), s.recall(), s.f1(),
                f.fires(), f.precision(), f.recall(), f.f1());
    }
}

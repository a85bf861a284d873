package org.dermdesk.dev;

import org.dermdesk.cli.MaskFiles;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;
import org.dermdesk.core.ChangeRule;
import org.dermdesk.core.ComparedSizes;
import org.dermdesk.core.FollowUpImage;
import org.dermdesk.core.ImageLoadException;
import org.dermdesk.core.LesionComparison;
import org.dermdesk.core.LesionContrast;
import org.dermdesk.core.LesionClassifier;
import org.dermdesk.core.LesionImage;
import org.dermdesk.core.Mask;
import org.dermdesk.core.Prediction;
import org.dermdesk.core.QualityReport;
import org.dermdesk.core.Registration;
import org.dermdesk.imaging.ArtifactQualityGate;
import org.dermdesk.imaging.EccLesionRegistrar;
import org.dermdesk.imaging.ImageLoader;
import org.dermdesk.imaging.SyntheticFollowUp;

/**
 * Validates the follow-up comparison on HAM10000 (development only): re-takes of one lesion, the same
 * image re-taken synthetically, the lesion grown synthetically, and pairs of different lesions. The
 * comparison runs as in the product (the gate's own outline and measurement, the registrar, the change
 * rule, the model's view of each image); the expert masks only score the registration.
 */
final class FollowUpEvaluation {

    private final Path ham;
    private final ArtifactQualityGate gate = new ArtifactQualityGate();
    private final EccLesionRegistrar registrar = new EccLesionRegistrar();
    private final ChangeRule rule = new ChangeRule();
    private final PrintWriter csv;
    private final LesionClassifier classifier;

    /** @param classifier the model whose appearance and probability the comparison uses; null for none */
    FollowUpEvaluation(Path data, PrintWriter csv, LesionClassifier classifier) {
        this.ham = data.resolve("ham10000");
        this.csv = csv;
        this.classifier = classifier;
        if (csv != null) {
            csv.println("kind,before,after,truth_area_change,same_lesion,changed,area_change,success,residual,skin_residual,"
                    + "seg_jaccard,lesion_corr,contrast_distance,scale,scale_from_skin,expert_jaccard,expert_area_change,appearance_evidence,colours_added,colours_lost,method,calibrated,scale_misfit");
        }
    }

    /** One analysed image: pixels, the gate's outline and measurement, and the expert mask. */
    record Case(String id, LesionImage image, Mask mask, QualityReport quality, Mask expert, Prediction prediction) {
        FollowUpImage followUp() {
            return new FollowUpImage(id, image, mask, quality.measurements(), prediction == null ? null : prediction.pMalignant(),
                    LesionContrast.of(image, mask), prediction == null ? null : prediction.appearance());
        }
    }

    private Prediction predict(LesionImage image) {
        return classifier == null ? null : classifier.predict(image);
    }

    /** Lesion ids with their image ids, in file order: the images {@code keep} accepts. */
    Map<String, List<String>> lesions(Predicate<String> keep) throws IOException {
        Map<String, List<String>> m = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(ham.resolve("metadata.csv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            if (keep.test(f[1])) m.computeIfAbsent(f[0], k -> new ArrayList<>()).add(f[1]);
        }
        return m;
    }

    /** The analysed image, or null when it cannot be read or no lesion was found (counted as a failure). */
    Case load(String imageId) {
        return load(imageId, "images");
    }

    /** Image ids in {@code ham10000/full} (600x450 copies). */
    List<String> fullResolution() throws IOException {
        try (var files = Files.list(ham.resolve("full"))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".jpg"))
                    .map(n -> n.substring(0, n.length() - 4)).sorted().toList();
        }
    }

    /** @param folder {@code images} (200x150) or {@code full} (600x450); the expert mask is scaled to the image */
    Case load(String imageId, String folder) {
        try {
            LesionImage img = ImageLoader.load(ham.resolve(folder).resolve(imageId + ".jpg"));
            QualityReport q = gate.assess(img);
            Mask expert = scaled(MaskFiles.read(ham.resolve("masks").resolve(imageId + "_segmentation.png")),
                    img.width(), img.height());
            if (q.lesionMask() == null || q.measurements() == null) return null;
            return new Case(imageId, img, q.lesionMask(), q, expert, predict(img));
        } catch (ImageLoadException | IOException e) {
            return null;
        }
    }

    private static Mask scaled(Mask m, int w, int h) {
        if (m.width() == w && m.height() == h) return m;
        byte[] px = new byte[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                px[y * w + x] = m.pixels()[(int) ((long) y * m.height() / h) * m.width() + (int) ((long) x * m.width() / w)];
            }
        }
        return new Mask(w, h, px);
    }

    Case analysed(String id, SyntheticFollowUp.Shot shot, Mask expert) {
        QualityReport q = gate.assess(shot.image());
        if (q.lesionMask() == null || q.measurements() == null) return null;
        return new Case(id, shot.image(), q.lesionMask(), q, expert, predict(shot.image()));
    }

    /** The product comparison of two cases, with the expert masks' overlap and area change under the same registration. */
    record Outcome(LesionComparison comparison, double expertJaccard, double expertAreaChange) {
    }

    Outcome compare(String kind, Case b, Case a, double truthAreaChange) {
        Registration r = registrar.register(b.image, b.mask, a.image, a.mask);
        FollowUpImage before = b.followUp();
        FollowUpImage after = a.followUp();
        LesionComparison c = rule.compare(before, after, r);
        double ej = EccLesionRegistrar.registeredJaccard(b.expert, a.expert, r);
        double expertArea = expertAreaChange(b, a, r);
        boolean both = b.quality.measurements().scale().known() && a.quality.measurements().scale().known();
        if (csv != null) {
            csv.printf(Locale.ROOT, "%s,%s,%s,%s,%b,%b,%.2f,%b,%.4f,%.4f,%.4f,%.4f,%.2f,%.4f,%b,%.4f,%.2f,%s,%d,%d,%s,%b,%s%n", kind, b.id, a.id,
                    Double.isNaN(truthAreaChange) ? "" : String.format(Locale.ROOT, "%.0f", truthAreaChange),
                    c.sameLesion(), c.changed(), c.areaChangePercent(), r.success(), r.residual(), r.skinResidual(), r.maskJaccard(),
                    r.lesionCorrelation(), before.contrast().distance(after.contrast()), r.scale(),
                    r.scaleFromSkin(), ej, expertArea,
                    c.appearanceEvidence() == null ? "" : String.format(Locale.ROOT, "%.4f", c.appearanceEvidence()),
                    c.coloursAdded().size(), c.coloursLost().size(), r.method(), c.calibrated(),
                    both ? String.format(Locale.ROOT, "%.4f", ComparedSizes.scaleMisfit(b.quality.measurements(), a.quality.measurements(), r)) : "");
        }
        return new Outcome(c, ej, expertArea);
    }

    /** Registration driven by the expert outlines: how well the images themselves can be aligned. */
    Registration expertDriven(Case b, Case a) {
        return registrar.register(b.image, b.expert, a.image, a.expert);
    }

    /** Area change (%) of the expert outlines under registration {@code r}, in the earlier image's frame. */
    static double expertAreaChange(Case b, Case a, Registration r) {
        return 100 * (a.expert.area() / r.areaFactor() / b.expert.area() - 1);
    }

    static double median(List<Double> v) {
        if (v.isEmpty()) return Double.NaN;
        List<Double> s = new ArrayList<>(v);
        Collections.sort(s);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    static double percentile(List<Double> v, double p) {
        if (v.isEmpty()) return Double.NaN;
        List<Double> s = new ArrayList<>(v);
        Collections.sort(s);
        int i = (int) Math.min(s.size() - 1, Math.max(0, Math.round(p / 100 * (s.size() - 1))));
        return s.get(i);
    }

    static <T> List<T> sample(List<T> all, int n, Random r) {
        List<T> copy = new ArrayList<>(all);
        Collections.shuffle(copy, r);
        return n >= copy.size() ? copy : copy.subList(0, Math.max(0, n));
    }
}

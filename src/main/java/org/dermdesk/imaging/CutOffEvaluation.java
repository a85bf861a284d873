package org.dermdesk.imaging;

import static org.dermdesk.imaging.ArtifactEvaluation.load;
import static org.dermdesk.imaging.ArtifactEvaluation.stem;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.dermdesk.core.LesionImage;
import org.dermdesk.core.Mask;

/**
 * How well the "lesion cut off" retake rule agrees with the expert lesion masks of HAM10000
 * ({@code ham10000/masks}): an image is cut off when its expert mask covers at least
 * {@link #REFERENCE_CONTACT} of the outermost pixel frame (the frame of {@link RetakePolicy#borderContact}).
 * Measured on {@code ham10000/full} (600x450, the real use) and on the held-out half of the 200x150
 * copies (split by a CRC32 of {@code lesion_id}; lesions of {@code ham10000/full} left out of both
 * halves), for the shipped rule and, for comparison, the former rule.
 */
public final class CutOffEvaluation {

    /** Fraction of the frame the expert mask must cover for the image to count as cut off. */
    public static final double REFERENCE_CONTACT = 0.15;
    /** The former rule's limits: contact and edge contrast only, no inward reach. */
    static final double FORMER_CONTACT = 0.15;
    static final double FORMER_EDGE_CONTRAST = 30;

    /** Counts of one rule against the reference. */
    public record Tally(int truePositives, int falsePositives, int falseNegatives) {
        public int fires() {
            return truePositives + falsePositives;
        }

        public double precision() {
            return fires() == 0 ? Double.NaN : (double) truePositives / fires();
        }

        public double recall() {
            int positives = truePositives + falseNegatives;
            return positives == 0 ? Double.NaN : (double) truePositives / positives;
        }

        public double f1() {
            return truePositives == 0 ? 0 : 2.0 * truePositives / (2.0 * truePositives + falsePositives + falseNegatives);
        }

        Tally add(boolean fired, boolean cutOff) {
            return new Tally(truePositives + (fired && cutOff ? 1 : 0), falsePositives + (fired && !cutOff ? 1 : 0),
                    falseNegatives + (!fired && cutOff ? 1 : 0));
        }
    }

    /** Both rules on one image set; {@code positives} images are cut off by the reference. */
    public record Agreement(int images, int positives, Tally shipped, Tally former) {
    }

    private final Path data;
    private final ArtifactEvaluation files;
    private final LesionSegmenter segmenter = new LesionSegmenter();

    public CutOffEvaluation(Path dataDir) {
        this.data = dataDir;
        this.files = new ArtifactEvaluation(dataDir);
    }

    /** The rules on every image of {@code ham10000/full}. */
    public Agreement fullResolution() {
        return agreement(ArtifactEvaluation.imageFiles(data.resolve("ham10000/full")));
    }

    /** The rules on up to {@code limit} evenly spaced held-out 200x150 images (0 = all of them). */
    public Agreement heldOutHalf(int limit) {
        Map<String, String> lesionOf = lesionIds();
        Set<String> fullLesions = new HashSet<>();
        for (Path f : ArtifactEvaluation.imageFiles(data.resolve("ham10000/full"))) {
            fullLesions.add(lesionOf.get(stem(f)));
        }
        List<Path> held = new ArrayList<>();
        for (Path f : ArtifactEvaluation.imageFiles(data.resolve("ham10000/images"))) {
            String lesion = lesionOf.get(stem(f));
            if (lesion != null && !fullLesions.contains(lesion) && ArtifactEvaluation.heldOut(lesion)) held.add(f);
        }
        int step = limit <= 0 ? 1 : Math.max(1, held.size() / limit);
        List<Path> chosen = new ArrayList<>();
        for (int i = 0; i < held.size() && (limit <= 0 || chosen.size() < limit); i += step) chosen.add(held.get(i));
        return agreement(chosen);
    }

    private Agreement agreement(List<Path> images) {
        int n = 0;
        int positives = 0;
        Tally shipped = new Tally(0, 0, 0);
        Tally former = new Tally(0, 0, 0);
        for (Path f : images) {
            Mask expert = files.expertMask(stem(f));
            LesionImage img = load(f);
            if (expert == null || img == null) continue;
            boolean cutOff = RetakePolicy.borderContact(expert) >= REFERENCE_CONTACT;
            Mask lesion;
            double contrast;
            try (WorkingCopy wc = WorkingCopy.of(img)) {
                byte[] working = segmenter.segmentWorking(wc);
                lesion = LesionSegmenter.region(wc, working).mask();
                contrast = LesionSegmenter.edgeContrast(wc, working);
            }
            n++;
            if (cutOff) positives++;
            shipped = shipped.add(RetakePolicy.cutOff(lesion, contrast), cutOff);
            former = former.add(formerRule(lesion, contrast), cutOff);
        }
        return new Agreement(n, positives, shipped, former);
    }

    /** The rule before the inward-reach limit: any clear mask along at least 15% of the frame. */
    static boolean formerRule(Mask lesion, double edgeContrast) {
        return RetakePolicy.borderContact(lesion) >= FORMER_CONTACT && edgeContrast >= FORMER_EDGE_CONTRAST;
    }

    private Map<String, String> lesionIds() {
        Path csv = data.resolve("ham10000/metadata.csv");
        Map<String, String> out = new HashMap<>();
        try (Reader r = Files.newBufferedReader(csv)) {
            for (CSVRecord rec : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
                out.put(rec.get("image_id").trim(), rec.get("lesion_id").trim());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + csv, e);
        }
        return out;
    }
}

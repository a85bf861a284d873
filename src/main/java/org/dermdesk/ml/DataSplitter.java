package org.dermdesk.ml;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * Assigns images to train/validation/test. The honest split groups by lesion, so near-duplicate
 * images of one lesion never straddle train and test; it is stratified by source and by the lesion's
 * label so that every part has the same mix. The image-level split exists only to show how much the
 * seed project's protocol inflated its numbers.
 */
public final class DataSplitter {

    public static final double TRAIN_FRACTION = 0.70;
    public static final double VALIDATION_FRACTION = 0.15;

    private DataSplitter() {
    }

    public static Map<String, Split> byLesion(List<LabeledImage> images, long seed) {
        // group keys: lesions per (source, malignant) stratum, sorted for a deterministic order
        Map<String, List<String>> strata = new TreeMap<>();
        Map<String, Boolean> seen = new LinkedHashMap<>();
        for (LabeledImage img : images) {
            if (seen.putIfAbsent(img.lesionId(), Boolean.TRUE) == null) {
                strata.computeIfAbsent(img.source().key() + "/" + img.malignant(), k -> new ArrayList<>()).add(img.lesionId());
            }
        }
        Map<String, Split> lesionSplit = new TreeMap<>();
        Random random = new Random(seed);
        for (List<String> lesions : strata.values()) {
            Collections.sort(lesions);
            Collections.shuffle(lesions, random);
            assign(lesions, lesionSplit);
        }
        Map<String, Split> imageSplit = new LinkedHashMap<>();
        for (LabeledImage img : images) {
            imageSplit.put(img.imageId(), lesionSplit.get(img.lesionId()));
        }
        return imageSplit;
    }

    /** The seed project's protocol: images shuffled one by one, lesions ignored. For comparison only. */
    public static Map<String, Split> byImage(List<LabeledImage> images, long seed) {
        List<String> ids = new ArrayList<>();
        for (LabeledImage img : images) {
            ids.add(img.imageId());
        }
        Collections.sort(ids);
        Collections.shuffle(ids, new Random(seed));
        Map<String, Split> out = new TreeMap<>();
        assign(ids, out);
        return out;
    }

    private static void assign(List<String> keys, Map<String, Split> out) {
        int n = keys.size();
        int nTrain = (int) Math.round(n * TRAIN_FRACTION);
        int nVal = (int) Math.round(n * VALIDATION_FRACTION);
        for (int i = 0; i < n; i++) {
            out.put(keys.get(i), i < nTrain ? Split.TRAIN : i < nTrain + nVal ? Split.VALIDATION : Split.TEST);
        }
    }

    public static void write(Path csv, List<LabeledImage> images, Map<String, Split> split) throws IOException {
        try (Writer w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8);
             CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder()
                     .setHeader("image_id", "source", "lesion_id", "split", "malignant", "dx").get())) {
            for (LabeledImage img : images) {
                p.printRecord(img.imageId(), img.source().key(), img.lesionId(), split.get(img.imageId()).key(),
                        img.malignant() ? 1 : 0, img.diagnosis() == null ? "" : img.diagnosis().code());
            }
        }
    }

    /** The source keys a split file lists. */
    public static java.util.Set<String> sources(Path csv) throws IOException {
        java.util.Set<String> out = new java.util.TreeSet<>();
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                out.add(r.get("source"));
            }
        }
        return out;
    }

    public static Map<String, Split> read(Path csv) throws IOException {
        Map<String, Split> out = new LinkedHashMap<>();
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                out.put(r.get("image_id"), Split.fromKey(r.get("split")));
            }
        }
        return out;
    }
}

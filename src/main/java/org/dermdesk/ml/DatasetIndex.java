package org.dermdesk.ml;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.dermdesk.core.Diagnosis;

/** Reads the labels of the development data in {@code ../shared/data} (HAM10000 and ISIC 2017). */
public final class DatasetIndex {

    private DatasetIndex() {
    }

    /** All labelled images of both collections whose files exist. */
    public static List<LabeledImage> load(Path dataDir) throws IOException {
        List<LabeledImage> all = new ArrayList<>(readHam(dataDir.resolve("ham10000")));
        all.addAll(readIsic2017(dataDir.resolve("isic2017")));
        return all;
    }

    static List<LabeledImage> readHam(Path dir) throws IOException {
        List<LabeledImage> out = new ArrayList<>();
        for (CSVRecord r : records(dir.resolve("metadata.csv"))) {
            Path file = dir.resolve("images").resolve(r.get("image_id") + ".jpg");
            if (!Files.exists(file)) {
                continue;
            }
            Diagnosis dx = Diagnosis.fromCode(r.get("dx"));
            out.add(new LabeledImage(r.get("image_id"), file, r.get("lesion_id"), DataSource.HAM10000, dx,
                    dx.malignant(), parseAge(r.get("age")), normaliseSex(r.get("sex")), r.get("localization")));
        }
        return out;
    }

    static List<LabeledImage> readIsic2017(Path dir) throws IOException {
        List<LabeledImage> out = new ArrayList<>();
        for (CSVRecord r : records(dir.resolve("labels.csv"))) {
            String id = r.get("image_id");
            Path file = dir.resolve("images").resolve(id + ".jpg");
            if (!Files.exists(file)) {
                continue;
            }
            boolean melanoma = "1".equals(r.get("melanoma").trim());
            // each ISIC 2017 image is its own lesion
            out.add(new LabeledImage(id, file, id, DataSource.ISIC2017, null, melanoma,
                    parseAge(r.get("age_approx")), normaliseSex(r.get("sex")), ""));
        }
        return out;
    }

    private static List<CSVRecord> records(Path csv) throws IOException {
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
    }

    private static Integer parseAge(String s) {
        try {
            return s == null || s.isBlank() ? null : (int) Math.round(Double.parseDouble(s.trim()));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String normaliseSex(String s) {
        String v = s == null ? "" : s.trim().toLowerCase();
        return v.equals("male") || v.equals("female") ? v : "";
    }
}

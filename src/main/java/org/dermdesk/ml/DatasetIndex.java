package org.dermdesk.ml;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.dermdesk.core.Diagnosis;

/**
 * Reads the labels of the development data in {@code ../shared/data}: HAM10000 and ISIC 2017 (the earlier
 * models' data), and with {@link #loadAll} also MILK10k, the acral collection and ISIC 2019 at 84 px.
 */
public final class DatasetIndex {

    /** ISIC 2019 / MILK10k codes that mean a HAM10000 class under another name (data README). */
    private static final Map<String, String> DX_ALIASES = Map.of("sccka", "akiec", "scc", "akiec", "ak", "akiec");
    private static final Set<String> MILK_MALIGNANT = Set.of("mel", "bcc", "sccka", "akiec", "mal_oth");

    private DatasetIndex() {
    }

    /** HAM10000 and ISIC 2017 images whose files exist (the data of the resnet-lite models). */
    public static List<LabeledImage> load(Path dataDir) throws IOException {
        List<LabeledImage> all = new ArrayList<>(readHam(dataDir.resolve("ham10000")));
        // these models learned the seven classes from HAM10000 only
        readIsic2017(dataDir.resolve("isic2017")).forEach(img -> all.add(new LabeledImage(img.imageId(), img.file(), img.lesionId(),
                img.source(), null, img.malignant(), img.age(), img.sex(), img.site(), img.skinTone())));
        return all;
    }

    /**
     * Every labelled dermoscopic image of the five sources, each image once, with {@link LabeledImage#lesionId()}
     * replaced by a split group. An image id found in several folders is kept from the first of HAM10000,
     * acral, MILK10k, ISIC 2017, ISIC 2019 (the larger copy). The group joins every image that shares a
     * lesion or a patient with another, through any copy, so no lesion or patient straddles a split.
     */
    public static List<LabeledImage> loadAll(Path dataDir) throws IOException {
        List<LabeledImage> candidates = new ArrayList<>();
        candidates.addAll(readHam(dataDir.resolve("ham10000")));
        List<String[]> keys = new ArrayList<>();
        candidates.forEach(img -> keys.add(new String[] {img.lesionId()}));
        for (Map.Entry<LabeledImage, String[]> e : readAcral(dataDir.resolve("acral")).entrySet()) {
            candidates.add(e.getKey());
            keys.add(e.getValue());
        }
        for (List<LabeledImage> part : List.of(readMilk(dataDir.resolve("milk10k")), readIsic2017(dataDir.resolve("isic2017")),
                readIsic2019(dataDir.resolve("isic2019_84")))) {
            part.forEach(img -> {
                candidates.add(img);
                keys.add(new String[] {img.lesionId()});
            });
        }
        Groups groups = new Groups();
        Map<String, LabeledImage> kept = new LinkedHashMap<>();
        for (int i = 0; i < candidates.size(); i++) {
            LabeledImage img = candidates.get(i);
            String imageNode = "image:" + img.imageId();
            for (String key : keys.get(i)) {
                if (key != null && !key.isBlank()) {
                    groups.join(imageNode, "group:" + key);
                }
            }
            kept.putIfAbsent(img.imageId(), img);
        }
        List<LabeledImage> out = new ArrayList<>(kept.size());
        for (LabeledImage img : kept.values()) {
            out.add(img.withLesionId(groups.root("image:" + img.imageId()).replaceFirst("^(image|group):", "")));
        }
        return out;
    }

    /**
     * The development images a model's {@code split.csv} refers to: the five sources for models trained on
     * them, HAM10000 and ISIC 2017 as the earlier models knew them otherwise.
     */
    public static List<LabeledImage> forSplit(Path dataDir, Path splitCsv) throws IOException {
        boolean fiveSources = DataSplitter.sources(splitCsv).stream()
                .anyMatch(source -> !source.equals(DataSource.HAM10000.key()) && !source.equals(DataSource.ISIC2017.key()));
        return fiveSources ? loadAll(dataDir) : load(dataDir);
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
                    dx.malignant(), parseAge(r.get("age")), normaliseSex(r.get("sex")), r.get("localization"), null));
        }
        return out;
    }

    static List<LabeledImage> readIsic2017(Path dir) throws IOException {
        List<LabeledImage> out = new ArrayList<>();
        for (Row row : rows(dir, "labels.csv")) {
            CSVRecord r = row.r();
            String id = row.id();
            Path file = row.file();
            boolean melanoma = "1".equals(r.get("melanoma").trim());
            // each ISIC 2017 image is its own lesion; the 2017 classes are melanoma, keratosis and nevus
            Diagnosis dx = melanoma ? Diagnosis.MEL : "1".equals(r.get("seborrheic_keratosis").trim()) ? Diagnosis.BKL : Diagnosis.NV;
            out.add(new LabeledImage(id, file, id, DataSource.ISIC2017, dx, melanoma,
                    parseAge(r.get("age_approx")), normaliseSex(r.get("sex")), "", null));
        }
        return out;
    }

    static List<LabeledImage> readMilk(Path dir) throws IOException {
        List<LabeledImage> out = new ArrayList<>();
        for (Row row : rows(dir, "labels.csv")) {
            CSVRecord r = row.r();
            String id = row.id();
            Path file = row.file();
            String dx = r.get("dx").trim();
            out.add(new LabeledImage(id, file, r.get("lesion_id"), DataSource.MILK10K, hamDiagnosis(dx),
                    MILK_MALIGNANT.contains(dx), parseAge(r.get("age_approx")), normaliseSex(r.get("sex")), r.get("site"),
                    parseAge(r.get("skin_tone_class"))));
        }
        return out;
    }

    /** Acral images with their split keys: the lesion and, where given, the patient. */
    static Map<LabeledImage, String[]> readAcral(Path dir) throws IOException {
        Map<LabeledImage, String[]> out = new LinkedHashMap<>();
        for (Row row : rows(dir, "labels.csv")) {
            CSVRecord r = row.r();
            String id = row.id();
            Path file = row.file();
            String diagnosis = r.get("diagnosis").toLowerCase(Locale.ROOT);
            Diagnosis dx = diagnosis.startsWith("melanoma") ? Diagnosis.MEL : diagnosis.startsWith("nevus") ? Diagnosis.NV : null;
            String lesion = r.get("lesion_id").isBlank() ? id : r.get("lesion_id");
            String patient = r.get("patient_id").isBlank() ? null : "patient:" + r.get("patient_id");
            out.put(new LabeledImage(id, file, lesion, DataSource.ACRAL, dx, "1".equals(r.get("malignant").trim()),
                    parseAge(r.get("age_approx")), normaliseSex(r.get("sex")), r.get("site"), null), new String[] {lesion, patient});
        }
        return out;
    }

    static List<LabeledImage> readIsic2019(Path dir) throws IOException {
        List<LabeledImage> out = new ArrayList<>();
        for (Row row : rows(dir, "labels.csv")) {
            CSVRecord r = row.r();
            String id = row.id();
            Path file = row.file();
            DataSource source = "bcn".equals(r.get("source").trim()) ? DataSource.BCN20000 : DataSource.ISIC2019_MSK;
            String lesion = r.get("lesion_id").isBlank() ? id : r.get("lesion_id");
            out.add(new LabeledImage(id, file, lesion, source, hamDiagnosis(r.get("dx").trim()), "1".equals(r.get("malignant").trim()),
                    parseAge(r.get("age_approx")), normaliseSex(r.get("sex")), r.get("site"), null));
        }
        return out;
    }

    /** The HAM10000 class of another collection's code, or null where there is none (inf, ben_oth, mal_oth). */
    static Diagnosis hamDiagnosis(String code) {
        String c = DX_ALIASES.getOrDefault(code.toLowerCase(Locale.ROOT), code.toLowerCase(Locale.ROOT));
        for (Diagnosis d : Diagnosis.values()) {
            if (d.code().equals(c)) {
                return d;
            }
        }
        return null;
    }

    /** A label row whose image file exists. */
    private record Row(CSVRecord r, String id, Path file) {
    }

    /** The rows of {@code dir/labels} whose {@code dir/images/<image_id>.jpg} exists; none when the labels are absent. */
    private static List<Row> rows(Path dir, String labels) throws IOException {
        List<Row> out = new ArrayList<>();
        if (!Files.isRegularFile(dir.resolve(labels))) {
            return out;
        }
        for (CSVRecord r : records(dir.resolve(labels))) {
            String id = r.get("image_id");
            Path file = dir.resolve("images").resolve(id + ".jpg");
            if (Files.exists(file)) {
                out.add(new Row(r, id, file));
            }
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
        String v = s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
        return v.equals("male") || v.equals("female") ? v : "";
    }

    /** Union-find over image and group keys: the split groups. */
    private static final class Groups {
        private final Map<String, String> parent = new HashMap<>();

        String root(String x) {
            String p = parent.getOrDefault(x, x);
            if (p.equals(x)) {
                return x;
            }
            String r = root(p);
            parent.put(x, r);
            return r;
        }

        void join(String a, String b) {
            String ra = root(a);
            String rb = root(b);
            if (!ra.equals(rb)) {
                // the lexically smaller root wins, so the group names do not depend on reading order
                if (ra.compareTo(rb) < 0) {
                    parent.put(rb, ra);
                } else {
                    parent.put(ra, rb);
                }
            }
        }
    }
}

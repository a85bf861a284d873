package org.dermdesk.imaging;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.dermdesk.core.DermoscopicColour;
import org.dermdesk.core.LesionMeasurements;

/**
 * Agreement of {@link DermoscopicColours} (through the quality gate, as the product runs it) with colours a
 * person labelled by eye: {@code java ... ColourAgreement LABELS.csv IMAGE_DIR}, where LABELS.csv has
 * {@code image_id,colours} with the colours' keys separated by ';'. Prints per-colour agreement and kappa,
 * per-image Jaccard and how often the colour count (the C of the ABCD rule) matches.
 */
public final class ColourAgreement {

    private ColourAgreement() {
    }

    public static void main(String[] args) throws Exception {
        List<String> rows = Files.readAllLines(Path.of(args[0]));
        Path images = Path.of(args[1]);
        int n = 0;
        int[][] table = new int[DermoscopicColour.values().length][4]; // tp, fp, fn, tn
        double jaccard = 0;
        int exact = 0;
        int countEqual = 0;
        int countWithinOne = 0;
        double countDiff = 0;
        ArtifactQualityGate gate = new ArtifactQualityGate();
        for (String row : rows) {
            if (row.isBlank() || row.startsWith("#") || row.startsWith("image_id,")) {
                continue;
            }
            String[] f = row.split(",", -1);
            Set<DermoscopicColour> truth = EnumSet.noneOf(DermoscopicColour.class);
            for (String k : f[1].split(";")) {
                for (DermoscopicColour c : DermoscopicColour.values()) {
                    if (c.key().equals(k.trim())) {
                        truth.add(c);
                    }
                }
            }
            LesionMeasurements m = gate.assess(ImageLoader.load(images.resolve(f[0] + ".jpg"))).measurements();
            Set<DermoscopicColour> found = m == null ? EnumSet.noneOf(DermoscopicColour.class) : EnumSet.copyOf(
                    m.colours().isEmpty() ? EnumSet.noneOf(DermoscopicColour.class) : m.colours());
            n++;
            for (DermoscopicColour c : DermoscopicColour.values()) {
                boolean t = truth.contains(c);
                boolean p = found.contains(c);
                table[c.ordinal()][t && p ? 0 : p ? 1 : t ? 2 : 3]++;
            }
            Set<DermoscopicColour> both = EnumSet.copyOf(truth);
            both.retainAll(found);
            Set<DermoscopicColour> any = EnumSet.copyOf(truth);
            any.addAll(found);
            jaccard += any.isEmpty() ? 1 : (double) both.size() / any.size();
            exact += truth.equals(found) ? 1 : 0;
            countEqual += truth.size() == found.size() ? 1 : 0;
            countWithinOne += Math.abs(truth.size() - found.size()) <= 1 ? 1 : 0;
            countDiff += found.size() - truth.size();
            System.out.printf(Locale.ROOT, "%s labelled %-45s found %s%n", f[0], truth, found);
        }
        System.out.printf(Locale.ROOT, "%n%d images%n%-12s %4s %4s %4s %4s %9s %6s%n", n, "colour", "TP", "FP", "FN", "TN",
                "agreement", "kappa");
        for (DermoscopicColour c : DermoscopicColour.values()) {
            int[] t = table[c.ordinal()];
            double po = (double) (t[0] + t[3]) / n;
            double pYes = (double) (t[0] + t[1]) / n * (t[0] + t[2]) / n;
            double pNo = (double) (t[2] + t[3]) / n * (t[1] + t[3]) / n;
            double pe = pYes + pNo;
            double kappa = pe == 1 ? Double.NaN : (po - pe) / (1 - pe);
            System.out.printf(Locale.ROOT, "%-12s %4d %4d %4d %4d %9.2f %6.2f%n", c.key(), t[0], t[1], t[2], t[3], po, kappa);
        }
        System.out.printf(Locale.ROOT, "mean Jaccard %.2f; identical sets %d/%d; colour count equal %d/%d, within one %d/%d;"
                + " mean count found - labelled %+.2f%n", jaccard / n, exact, n, countEqual, n, countWithinOne, n, countDiff / n);
    }
}

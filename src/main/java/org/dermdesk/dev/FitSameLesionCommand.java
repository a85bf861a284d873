package org.dermdesk.dev;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.dermdesk.core.SameLesionScore;
import org.dermdesk.ml.LogisticRegression;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code fit-same-lesion}: fits the coefficients of {@link SameLesionScore} to the per-pair values that
 * {@code evaluate-compare --csv} wrote: re-takes (one lesion) against pairs of different lesions, the pairs
 * whose registration check passed (the others are different lesions before any score).
 */
@Command(name = "fit-same-lesion", mixinStandardHelpOptions = true,
        description = "Fit the same-lesion score (outline overlap, lesion pattern, network appearance, skin alignment) to an evaluate-compare CSV.")
public final class FitSameLesionCommand implements Callable<Integer> {

    @Parameters(paramLabel = "CSV", description = "per-pair values from evaluate-compare --csv (the tuning seed)")
    Path csv;

    @Override
    public Integer call() throws IOException {
        List<double[]> rows = new ArrayList<>();
        List<Boolean> sameLesion = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(csv)) {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                String kind = r.get("kind");
                if (!kind.equals("retake") && !kind.equals("different")) continue;
                if (!Boolean.parseBoolean(r.get("success")) || r.get("appearance_evidence").isEmpty()) continue;
                rows.add(SameLesionScore.inputs(Double.parseDouble(r.get("seg_jaccard")),
                        Double.parseDouble(r.get("lesion_corr")), Double.parseDouble(r.get("appearance_evidence")),
                        Double.parseDouble(r.get("skin_residual"))));
                sameLesion.add(kind.equals("retake"));
            }
        }
        if (rows.isEmpty()) {
            System.err.println(csv + ": no re-take or different-lesion pairs with a passed registration and an appearance.");
            return 1;
        }
        boolean[] y = new boolean[rows.size()];
        for (int i = 0; i < y.length; i++) y[i] = sameLesion.get(i);
        double[][] x = rows.toArray(new double[0][]);
        double[] w = LogisticRegression.fit(x, y, 0);
        System.out.printf(Locale.ROOT, "INTERCEPT = %.3f; PER_OUTLINE_OVERLAP = %.3f; PER_PATTERN = %.3f; PER_APPEARANCE = %.3f;"
                + " PER_SKIN_RESIDUAL = %.3f%n", w[0], w[1], w[2], w[3], w[4]);
        int same = 0;
        int sameRight = 0;
        int differentRight = 0;
        for (int i = 0; i < x.length; i++) {
            boolean called = SameLesionScore.probability(x[i]) >= SameLesionScore.MIN_SAME;
            if (y[i]) {
                same++;
                if (called) sameRight++;
            } else if (!called) {
                differentRight++;
            }
        }
        System.out.printf(Locale.ROOT, "With the shipped coefficients, on these %d pairs: re-takes called one lesion %.1f%%, different"
                + " lesions told apart %.1f%%%n", x.length, 100.0 * sameRight / same, 100.0 * differentRight / (x.length - same));
        return 0;
    }
}

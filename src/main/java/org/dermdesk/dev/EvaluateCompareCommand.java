package org.dermdesk.dev;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import org.dermdesk.core.ChangeRule;
import org.dermdesk.core.LesionComparison;
import org.dermdesk.core.Registration;
import org.dermdesk.imaging.SyntheticFollowUp;
import org.dermdesk.cli.ModelOption;
import java.util.function.Predicate;
import org.dermdesk.ml.DataSplitter;
import org.dermdesk.ml.DjlLesionClassifier;
import org.dermdesk.ml.Split;
import org.dermdesk.ml.ModelLoadException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code evaluate-compare}: the follow-up comparison's numbers on HAM10000 (development data). */
@Command(name = "evaluate-compare", mixinStandardHelpOptions = true,
        description = "Validate compare on HAM10000: re-takes of one lesion (expert-mask Jaccard after registration,"
                + " share read as unchanged), the same image re-taken synthetically, the lesion grown by 10/20/30%%"
                + " and pairs of different lesions.")
public final class EvaluateCompareCommand implements Callable<Integer> {

    @Option(names = "--data", defaultValue = "../shared/data", description = "development data folder (default: ${DEFAULT-VALUE})")
    Path data;

    @Option(names = "--pairs", defaultValue = "200", description = "re-take pairs and different-lesion pairs (default: ${DEFAULT-VALUE})")
    int pairs;

    @Option(names = "--synthetic", defaultValue = "40", description = "images for the synthetic re-take and growth tests (default: ${DEFAULT-VALUE})")
    int synthetic;

    @Option(names = "--seed", defaultValue = "17", description = "sampling seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--csv", paramLabel = "FILE", description = "per-pair values (for setting thresholds)")
    Path csvFile;

    @Option(names = "--part", defaultValue = "test", description = "the part of the model's lesion-grouped split.csv whose lesions are"
            + " compared: validation (where the same-lesion score is fitted) or test (default: ${DEFAULT-VALUE})")
    String part;

    @Mixin
    ModelOption model;

    @Override
    public Integer call() throws IOException, ModelLoadException {
        if (!Files.isRegularFile(data.resolve("ham10000/metadata.csv"))) {
            System.err.println("No development data at " + data.toAbsolutePath() + " (expected ham10000/metadata.csv); use --data DIR.");
            return 2;
        }
        Split wanted = Split.fromKey(part);
        if (wanted == Split.TRAIN) {
            System.err.println("--part train: the lesion identity space was fitted on those lesions; use validation or test.");
            return 2;
        }
        Map<String, Split> split = DataSplitter.read(model.dir().resolve("split.csv"));
        Predicate<String> inPart = id -> split.get(id) == wanted;
        try (PrintWriter csv = csvFile == null ? null : new PrintWriter(Files.newBufferedWriter(csvFile));
             DjlLesionClassifier classifier = DjlLesionClassifier.open(model.dir())) {
            FollowUpEvaluation ev = new FollowUpEvaluation(data, csv, classifier);
            Random random = new Random(seed);
            Map<String, List<String>> lesions = ev.lesions(inPart);
            System.out.printf(Locale.ROOT, "HAM10000 lesions of the model's %s split: %d%n", wanted.key(), lesions.size());
            List<String> multi = new ArrayList<>();
            List<String> all = new ArrayList<>(lesions.keySet());
            lesions.forEach((k, v) -> {
                if (v.size() >= 2) multi.add(k);
            });
            retakes(ev, lesions, FollowUpEvaluation.sample(multi, pairs, random), multi.size());
            // the synthetic tests use the 600x450 copies: skin texture, the zoom's only witness, is lost at 200x150
            List<String> singles = FollowUpEvaluation.sample(
                    ev.fullResolution().stream().filter(inPart).toList(), synthetic, random);
            syntheticRetakes(ev, singles);
            growth(ev, singles);
            different(ev, lesions, all, random);
        }
        return 0;
    }

    private static void retakes(FollowUpEvaluation ev, Map<String, List<String>> lesions, List<String> ids, int available) {
        List<Double> expert = new ArrayList<>();
        List<Double> expertDriven = new ArrayList<>();
        List<Double> area = new ArrayList<>();
        int n = 0;
        // how many would read unchanged if the outlines were the experts': what outlining alone can reach
        int expertWithin = 0;
        int expertDrivenWithin = 0;
        int unchanged = 0;
        int different = 0;
        int maybeSame = 0;
        int registered = 0;
        int failed = 0;
        for (String id : ids) {
            List<String> images = lesions.get(id);
            FollowUpEvaluation.Case b = ev.load(images.get(0));
            FollowUpEvaluation.Case a = ev.load(images.get(1));
            if (b == null || a == null) {
                failed++;
                continue;
            }
            FollowUpEvaluation.Outcome o = ev.compare("retake", b, a, Double.NaN);
            LesionComparison c = o.comparison();
            n++;
            expert.add(o.expertJaccard());
            Registration byExperts = ev.expertDriven(b, a);
            expertDriven.add(byExperts.maskJaccard());
            if (Math.abs(o.expertAreaChange()) < ChangeRule.areaThreshold(c.registration())) {
                expertWithin++;
            }
            if (Math.abs(FollowUpEvaluation.expertAreaChange(b, a, byExperts)) < ChangeRule.areaThreshold(byExperts)) {
                expertDrivenWithin++;
            }
            area.add(Math.abs(c.areaChangePercent()));
            if (c.registration().success()) registered++;
            if (c.maybeSameLesion()) maybeSame++;
            else if (!c.sameLesion()) different++;
            else if (!c.changed()) unchanged++;
        }
        System.out.printf(Locale.ROOT, "Re-takes (HAM10000 lesion_id with 2+ images: %d lesions; %d sampled, %d compared,"
                        + " %d without a readable image or lesion)%n", available, ids.size(), n, failed);
        System.out.printf(Locale.ROOT, "  expert masks under the product registration: median Jaccard %.3f (p25 %.3f)%n",
                FollowUpEvaluation.median(expert), FollowUpEvaluation.percentile(expert, 25));
        System.out.printf(Locale.ROOT, "  expert masks, registration driven by the expert outlines: median Jaccard %.3f%n",
                FollowUpEvaluation.median(expertDriven));
        System.out.printf(Locale.ROOT, "  expert masks' area change within the change rule's area threshold: %.1f%% under the product"
                + " registration, %.1f%% under the registration driven by them%n", pct(expertWithin, n), pct(expertDrivenWithin, n));
        System.out.printf(Locale.ROOT, "  registration check passed %.1f%%; read unchanged %.1f%%; read as different lesions %.1f%%;"
                + " may be the same lesion, not aligned %.1f%%%n", pct(registered, n), pct(unchanged, n), pct(different, n),
                pct(maybeSame, n));
        System.out.printf(Locale.ROOT, "  |area change| median %.1f%%, p90 %.1f%%, p95 %.1f%%%n",
                FollowUpEvaluation.median(area), FollowUpEvaluation.percentile(area, 90), FollowUpEvaluation.percentile(area, 95));
    }

    private static void syntheticRetakes(FollowUpEvaluation ev, List<String> ids) {
        double[][] moves = {{12, -8, 0, 1, 1}, {0, 0, 30, 1, 1}, {0, 0, 0, 1.1, 1}, {0, 0, 0, 0.9, 1}, {0, 0, 0, 1, 0.8},
            {0, 0, 0, 1, 1.2}, {-10, 6, -20, 1.08, 0.9}};
        int n = 0;
        int unchanged = 0;
        List<Double> area = new ArrayList<>();
        for (String id : ids) {
            FollowUpEvaluation.Case b = ev.load(id, "full");
            if (b == null) continue;
            for (double[] m : moves) {
                SyntheticFollowUp.Shot s = SyntheticFollowUp.retaken(b.image(), b.mask(), m[0], m[1], m[2], m[3], m[4]);
                SyntheticFollowUp.Shot e = SyntheticFollowUp.retaken(b.image(), b.expert(), m[0], m[1], m[2], m[3], m[4]);
                FollowUpEvaluation.Case a = ev.analysed(b.id(), s, e.mask());
                if (a == null) {
                    n++;
                    continue;
                }
                LesionComparison c = ev.compare("retaken", b, a, 0).comparison();
                n++;
                area.add(Math.abs(c.areaChangePercent()));
                if (c.sameLesion() && !c.changed()) unchanged++;
            }
        }
        System.out.printf(Locale.ROOT, "Same image re-taken (ham10000/full, 600x450; shifted, turned 30 deg, zoomed 0.9/1.1, exposure 0.8/1.2, combined):"
                + " %d comparisons, read unchanged %.1f%%, |area change| median %.1f%%, p90 %.1f%%%n",
                n, pct(unchanged, n), FollowUpEvaluation.median(area), FollowUpEvaluation.percentile(area, 90));
    }

    private static void growth(FollowUpEvaluation ev, List<String> ids) {
        for (double g : new double[] {10, 20, 30}) {
            int n = 0;
            int changed = 0;
            int grown = 0;
            int within = 0;
            List<Double> measured = new ArrayList<>();
            for (String id : ids) {
                FollowUpEvaluation.Case b = ev.load(id, "full");
                if (b == null) continue;
                SyntheticFollowUp.Shot s = SyntheticFollowUp.grown(b.image(), b.mask(), 1 + g / 100);
                SyntheticFollowUp.Shot e = SyntheticFollowUp.grown(b.image(), b.expert(), 1 + g / 100);
                FollowUpEvaluation.Case a = ev.analysed(b.id(), s, e.mask());
                n++;
                if (a == null) continue;
                LesionComparison c = ev.compare("growth", b, a, g).comparison();
                measured.add(c.areaChangePercent());
                if (c.sameLesion() && c.changed()) {
                    changed++;
                    // a grown lesion reported as shrunk is "changed" but wrong: counted apart
                    if (c.areaChangePercent() > 0) grown++;
                }
                if (Math.abs(c.areaChangePercent() - g) <= 5) within++;
            }
            System.out.printf(Locale.ROOT, "Lesion grown %2.0f%% in area (ham10000/full): %d images, read changed %.1f%% (as grown %.1f%%),"
                            + " measured area change median %.1f%%, within +-5 points %.1f%%%n", g, n, pct(changed, n), pct(grown, n),
                    FollowUpEvaluation.median(measured), pct(within, n));
        }
    }

    private void different(FollowUpEvaluation ev, Map<String, List<String>> lesions, List<String> all, Random random) {
        int n = 0;
        int different = 0;
        int maybeSame = 0;
        int failed = 0;
        for (int i = 0; i < pairs; i++) {
            String l1 = all.get(random.nextInt(all.size()));
            String l2 = all.get(random.nextInt(all.size()));
            if (l1.equals(l2)) {
                i--;
                continue;
            }
            FollowUpEvaluation.Case b = ev.load(lesions.get(l1).get(0));
            FollowUpEvaluation.Case a = ev.load(lesions.get(l2).get(0));
            if (b == null || a == null) {
                failed++;
                continue;
            }
            n++;
            LesionComparison c = ev.compare("different", b, a, Double.NaN).comparison();
            if (c.maybeSameLesion()) maybeSame++;
            else if (!c.sameLesion()) different++;
        }
        System.out.printf(Locale.ROOT, "Different lesions: %d random pairs compared (%d without a lesion), reported as different"
                + " lesions %.1f%%, as maybe the same lesion (not aligned) %.1f%%%n", n, failed, pct(different, n), pct(maybeSame, n));
    }

    private static double pct(int k, int n) {
        return n == 0 ? Double.NaN : 100.0 * k / n;
    }
}

package org.dermdesk.dev;

import org.dermdesk.cli.ClassifierFactory;
import org.dermdesk.cli.MaskFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Stream;
import org.dermdesk.core.LesionClassifier;
import org.dermdesk.core.LesionImage;
import org.dermdesk.core.Mask;
import org.dermdesk.explain.HideStrategy;
import org.dermdesk.dev.LimeBench;
import org.dermdesk.explain.LimeExplainer;
import org.dermdesk.explain.SyntheticModels;
import org.dermdesk.imaging.ImageLoader;
import org.dermdesk.ml.DjlLesionClassifier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code bench-explain IMAGE|DIR...}: medians of the explainer's time per stage, stability and
 * faithfulness over a set of images, with the real classifier or a synthetic one.
 */
@Command(name = "bench-explain", mixinStandardHelpOptions = true,
        description = "Measure the LIME explainer: ms per explanation by stage, seed stability, faithfulness.")
public final class BenchExplainCommand implements Callable<Integer> {

    @Parameters(paramLabel = "IMAGE|DIR", arity = "1..*", description = "images, or folders of .jpg/.png images")
    List<Path> inputs;

    @Option(names = "--limit", defaultValue = "10", description = "at most this many images (default ${DEFAULT-VALUE})")
    int limit;

    @Option(names = "--samples", defaultValue = "" + org.dermdesk.core.ExplainRequest.DEFAULT_SAMPLES)
    int samples;

    @Option(names = "--seed", defaultValue = "42")
    long seed;

    @Option(names = "--batch-size", defaultValue = "" + org.dermdesk.explain.LimeExplainer.Settings.DEFAULT_BATCH_SIZE)
    int batchSize;

    @Option(names = "--hide", defaultValue = "BLUR")
    HideStrategy hide;

    @Option(names = "--segments", defaultValue = "60", description = "wanted segments without a lesion mask (default ${DEFAULT-VALUE})")
    int segments;

    @Option(names = "--working-side", defaultValue = "256", description = "long side of the working copy, 0 = full size (default ${DEFAULT-VALUE})")
    int workingSide;

    @Option(names = "--at-working-size", description = "build perturbations on the working copy, not at the model's input size")
    boolean atWorkingSize;

    @Option(names = "--compactness", defaultValue = "20", description = "SLIC compactness (default ${DEFAULT-VALUE})")
    double compactness;

    @Option(names = "--no-antithetic", description = "independent samples instead of complementary pairs")
    boolean independent;

    @Option(names = "--masks", paramLabel = "DIR", description = "folder of lesion masks named ID_segmentation.png (HAM10000 style)")
    Path masks;

    @Option(names = "--no-stability", description = "skip the second-seed run")
    boolean noStability;

    @Option(names = "--synthetic", description = "use a cheap synthetic model (mean darkness of the centre) to measure the explainer's own overhead")
    boolean synthetic;

    @Option(names = "--model", paramLabel = "DIR")
    Path modelDir;

    @Option(names = "--workers", description = "threads scoring sample batches at once (default: one per core, up to 4, for a thread-safe model; 1 for the synthetic one)")
    Integer workers;

    @Option(names = "--per-image", description = "also print one line per image")
    boolean perImage;

    private final ClassifierFactory classifiers;

    public BenchExplainCommand() {
        this(ClassifierFactory.djl());
    }

    public BenchExplainCommand(ClassifierFactory classifiers) {
        this.classifiers = Objects.requireNonNull(classifiers, "classifiers");
    }

    @Override
    public Integer call() throws Exception {
        List<Path> files = new ArrayList<>();
        for (Path in : inputs) {
            if (Files.isDirectory(in)) {
                try (Stream<Path> s = Files.list(in)) {
                    s.filter(p -> p.toString().toLowerCase().matches(".*\\.(jpe?g|png)$")).sorted().forEach(files::add);
                }
            } else {
                files.add(in);
            }
        }
        files = files.subList(0, Math.min(limit, files.size()));
        List<LimeBench.Case> cases = new ArrayList<>();
        for (Path f : files) {
            LesionImage img = ImageLoader.load(f);
            cases.add(new LimeBench.Case(img, mask(f)));
        }
        LimeExplainer.Settings base = LimeExplainer.Settings.defaults();
        LimeExplainer explainer = new LimeExplainer(base.withSamples(samples).withSeed(seed).withHide(hide)
                .withBatchSize(batchSize).withAntithetic(!independent).withWorkingLongSide(workingSide).withCompactness(compactness)
                .withSegments(segments, base.minLesionSegments(), Math.max(segments, base.maxSegments())));
        LimeBench.Result r;
        String modelName;
        if (synthetic) {
            modelName = "synthetic central darkness";
            explainer = new LimeExplainer(explainer.settings().withWorkers(workers == null ? 1 : workers));
            r = run(cases, SyntheticModels.centralDarkness(), explainer);
        } else {
            try (LesionClassifier c = classifiers.open(modelDir)) {
                modelName = String.valueOf(c.info());
                explainer = LimeExplainer.forClassifier(explainer.settings(), c);
                if (atWorkingSize) {
                    explainer = new LimeExplainer(explainer.settings().withModelInputSize(0));
                }
                if (workers != null) {
                    explainer = new LimeExplainer(explainer.settings().withWorkers(workers));
                }
                r = run(cases, LimeExplainer.probabilities(c), explainer);
            }
        }
        System.out.printf("model: %s; %d samples, batch %d, hide %s, antithetic %s, perturbations at %s, workers %d, torch threads %s%n",
                modelName, samples, batchSize, hide, !independent,
                explainer.settings().modelInputSize() > 0 ? "model input size " + explainer.settings().modelInputSize()
                        : "working size " + workingSide, explainer.settings().workers(),
                System.getProperty("ai.djl.pytorch.num_threads", "default"));
        if (perImage) {
            for (int i = 0; i < cases.size(); i++) {
                var e = r.perCase().get(i);
                System.out.printf("  %s %dx%d seg=%d p=%.3f r2=%.2f ins-del=%.3f random=%.3f stab=%s total=%dms%n",
                        cases.get(i).image().source(), e.width(), e.height(), e.segmentCount(), e.modelPrediction(),
                        e.r2(), e.faithfulness(), e.randomFaithfulness(),
                        e.stability().isPresent() ? String.format("%.2f", e.stability().getAsDouble()) : "-",
                        e.timingsMs().get("total"));
            }
        }
        System.out.print(r.format());
        return 0;
    }

    private LimeBench.Result run(List<LimeBench.Case> cases, Function<List<LesionImage>, double[]> model,
                                 LimeExplainer explainer) {
        return LimeBench.run(cases, model, explainer, !noStability,
                (f, m) -> System.err.printf("\r%3.0f%% %s   ", f * 100, m));
    }

    private Mask mask(Path image) throws IOException {
        if (masks == null) {
            return null;
        }
        String name = image.getFileName().toString();
        String id = name.substring(0, name.lastIndexOf('.'));
        Path m = masks.resolve(id + "_segmentation.png");
        return Files.exists(m) ? MaskFiles.read(m) : null;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchExplainCommand()).execute(args));
    }
}

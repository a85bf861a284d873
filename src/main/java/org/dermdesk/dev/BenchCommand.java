package org.dermdesk.dev;

import org.dermdesk.cli.ModelOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.dermdesk.core.LesionImage;
import org.dermdesk.core.Statistics;
import org.dermdesk.imaging.ImageLoader;
import org.dermdesk.ml.DjlLesionClassifier;
import org.dermdesk.ml.ModelCard;
import org.dermdesk.ml.TrainingBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Measures model load, end-to-end per-image time, batched throughput and training speed; prints medians. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmark decode + preprocess + classify, batch throughput, model load and training speed.")
public final class BenchCommand implements Callable<Integer> {

    @Mixin
    ModelOption model;

    @Option(names = "--images", defaultValue = DevelopmentData.DEFAULT + "/ham10000/full", description = "folder of 600x450 images (default: ${DEFAULT-VALUE})")
    Path images;

    @Option(names = "--runs", defaultValue = "50", description = "timed runs per measurement (default: ${DEFAULT-VALUE})")
    int runs;

    @Option(names = "--batch", defaultValue = "32", description = "batch size for throughput (default: ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--train-steps", defaultValue = "20", description = "SGD steps per training round, 0 to skip (default: ${DEFAULT-VALUE})")
    int trainSteps;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(images)) {
            System.err.println("No image folder at " + images.toAbsolutePath().normalize() + "; name one with --images DIR.");
            return 2;
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(images)) {
            files = s.filter(p -> p.toString().toLowerCase(Locale.ROOT).matches(".*\\.(jpe?g|png)")).sorted().limit(Math.max(runs, batch)).toList();
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no images in " + images);
        }
        System.out.printf("cores %d, torch threads %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("ai.djl.pytorch.num_threads"));
        double[] loads = new double[3];
        for (int i = 0; i < loads.length; i++) {
            long t = System.nanoTime();
            DjlLesionClassifier.open(model.dir()).close();
            loads[i] = ms(t);
        }
        System.out.printf("model load: median %.1f ms (3 loads)%n", Statistics.median(loads));
        try (DjlLesionClassifier classifier = DjlLesionClassifier.open(model.dir())) {
            for (int i = 0; i < 10; i++) {
                classifier.predict(ImageLoader.load(files.get(i % files.size())));
            }
            double[] decode = new double[runs];
            double[] classify = new double[runs];
            double[] total = new double[runs];
            for (int i = 0; i < runs; i++) {
                long t0 = System.nanoTime();
                LesionImage img = ImageLoader.load(files.get(i % files.size()));
                long t1 = System.nanoTime();
                classifier.predict(img);
                decode[i] = (t1 - t0) / 1e6;
                classify[i] = ms(t1);
                total[i] = ms(t0);
            }
            LesionImage sample = ImageLoader.load(files.get(0));
            System.out.printf("single image %dx%d, %d runs: decode %.2f ms, preprocess+classify %.2f ms, end to end median %.2f ms (p90 %.2f)%n",
                    sample.width(), sample.height(), runs, Statistics.median(decode), Statistics.median(classify), Statistics.median(total), Statistics.percentile(total, 0.9));
            List<LesionImage> batchImages = new ArrayList<>();
            for (int i = 0; i < batch; i++) {
                batchImages.add(ImageLoader.load(files.get(i % files.size())));
            }
            double[] perImage = new double[Math.max(5, runs / 5)];
            for (int i = -2; i < perImage.length; i++) {
                long t = System.nanoTime();
                classifier.predictBatch(batchImages);
                if (i >= 0) {
                    perImage[i] = ms(t) / batch;
                }
            }
            System.out.printf("batch of %d (preprocess+classify): median %.2f ms per image, %.0f images/s%n",
                    batch, Statistics.median(perImage), 1000 / Statistics.median(perImage));
            ModelCard card = classifier.card();
            if (trainSteps > 0) {
                double rate = TrainingBenchmark.imagesPerSecond(card.architecture(), card.input().size(), 32, trainSteps, 5);
                System.out.printf("training %s on random %dx%d inputs, batch 32: median %.0f images/s%n",
                        card.architecture(), card.input().size(), card.input().size(), rate);
            }
        }
        return 0;
    }

    private static double ms(long start) {
        return (System.nanoTime() - start) / 1e6;
    }
}

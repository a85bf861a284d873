package org.dermdesk.dev;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.dermdesk.ml.ImageKindTrainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Builds the image-kind check (dermoscopic or not, unfamiliar) of a pretrained model and prints what it measured. */
@Command(name = "train-image-kind", mixinStandardHelpOptions = true,
        description = "Fit and measure the check of whether an image is dermoscopic and like the model's training images.")
public final class TrainImageKindCommand implements Callable<Integer> {

    @Option(names = "--model", defaultValue = "models/mobilenet-v2-ft-128", description = "model folder (default: ${DEFAULT-VALUE})")
    Path model;

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "development data folder (../shared/data)")
    Path data;

    @Option(names = "--work", required = true, paramLabel = "DIR", description = "cache folder for features and drawn images")
    Path work;

    @Option(names = "--train-per-source", defaultValue = "1200", description = "training images per source (default: ${DEFAULT-VALUE})")
    int trainPerSource;

    @Option(names = "--eval-per-source", defaultValue = "800", description = "validation and test images per source and part (default: ${DEFAULT-VALUE})")
    int evalPerSource;

    @Option(names = "--drawn", defaultValue = "600", description = "drawn non-dermoscopic pictures (default: ${DEFAULT-VALUE})")
    int drawn;

    @Option(names = "--leave-one-source-out", description = "also measure the flag leaving out each source (frozen backbone)")
    boolean leaveOneSourceOut;

    @Option(names = "--write", description = "write the check into the model folder and its card")
    boolean write;

    @Override
    public Integer call() throws Exception {
        if (!java.nio.file.Files.isDirectory(data)) {
            System.err.println("Data folder " + data + " does not exist: give --data the development data folder");
            return 2;
        }
        ImageKindTrainer.Options options = new ImageKindTrainer.Options(model, data, work, trainPerSource, evalPerSource, drawn,
                leaveOneSourceOut, write, 20261203L);
        new ImageKindTrainer(options, System.out::println).run(DevelopmentImages::read, (fraction, message) -> System.err.printf("train-image-kind: %s (%.0f%%)%n", message, fraction * 100));
        return 0;
    }
}

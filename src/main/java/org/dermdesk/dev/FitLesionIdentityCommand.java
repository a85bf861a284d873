package org.dermdesk.dev;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.dermdesk.imaging.ImageLoader;
import org.dermdesk.ml.DjlLesionClassifier;
import org.dermdesk.ml.LesionIdentityFit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Fits the space in which a follow-up comparison tells a re-take from another lesion, and prints what it measured. */
@Command(name = "fit-lesion-identity", mixinStandardHelpOptions = true,
        description = "Fit the model's lesion identity space on HAM10000 re-takes of its train split; measure it on validation and test lesions.")
public final class FitLesionIdentityCommand implements Callable<Integer> {

    @Option(names = "--model", defaultValue = "models/mobilenet-v2-ft-128", description = "model folder (default: ${DEFAULT-VALUE})")
    Path model;

    @Option(names = "--data", defaultValue = "../shared/data", description = "development data folder (default: ${DEFAULT-VALUE})")
    Path data;

    @Option(names = "--seed", defaultValue = "17", description = "seed of the different-lesion pairs (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--write", description = "write the space into the model folder and its card")
    boolean write;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(data.resolve("ham10000/metadata.csv"))) {
            System.err.println("No development data at " + data.toAbsolutePath() + " (expected ham10000/metadata.csv); use --data DIR.");
            return 2;
        }
        if (!Files.isRegularFile(model.resolve("split.csv"))) {
            System.err.println(model + " has no split.csv: the space is fitted on the lesions of the model's own train split.");
            return 2;
        }
        try (DjlLesionClassifier classifier = DjlLesionClassifier.open(model)) {
            new LesionIdentityFit(data, model, classifier, ImageLoader::load, System.out::println).run(model, seed, write);
        }
        return 0;
    }
}

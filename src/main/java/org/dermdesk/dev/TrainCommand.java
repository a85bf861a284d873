package org.dermdesk.dev;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.dermdesk.imaging.ImageLoader;
import org.dermdesk.ml.ModelCard;
import org.dermdesk.ml.ModelTrainer;
import org.dermdesk.ml.TrainingOptions;
import org.dermdesk.ml.PretrainedRecipe;
import org.dermdesk.ml.PretrainedTrainer;
import org.dermdesk.core.ProgressListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Trains a model on the development data and writes its folder (weights, card, split). Resumable. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a network on the development data (--data) and write a model folder under models/ (resumes an interrupted run).")
public final class TrainCommand implements Callable<Integer> {

    @Option(names = "--data", defaultValue = DevelopmentData.DEFAULT, description = "development data folder (default: ${DEFAULT-VALUE})")
    Path data;

    @Option(names = "--out", description = "model folder to write (default: models/<name>)")
    Path out;

    @Option(names = "--epochs", description = "maximum epochs (default: the recipe's)")
    Integer epochs;

    @Option(names = "--max-images", defaultValue = "0", description = "train on this many images only (0 = all); for smoke tests")
    int maxImages;

    /** The training recipes DermDesk knows. */
    enum Recipe { SEED, RESNET_LITE, RESNET_LITE_96, MOBILENET }

    @Option(names = "--recipe", defaultValue = "RESNET_LITE",
            description = "seed (the notebook's 64 px CNN, reproduced), resnet_lite (the shipped model) or resnet_lite_96"
                    + " (the previous default); default: ${DEFAULT-VALUE}")
    Recipe recipe;

    @Option(names = "--image-level-split", description = "use the seed's leaky image-level split (for comparison only)")
    boolean imageLevelSplit;

    @Override
    public Integer call() throws Exception {
        String missing = DevelopmentData.problem(data, "--data", "ham10000/metadata.csv");
        if (missing != null) {
            System.err.println(missing);
            return 2;
        }
        if (recipe == Recipe.MOBILENET) {
            return trainPretrained();
        }
        TrainingOptions options = switch (recipe) {
            case SEED -> TrainingOptions.seedModel();
            case RESNET_LITE -> TrainingOptions.resnetLite();
            case RESNET_LITE_96 -> TrainingOptions.resnetLite96();
            case MOBILENET -> throw new IllegalStateException("handled by trainPretrained");
        };
        if (imageLevelSplit) {
            options = options.withImageLevelSplit(options.name() + "-image-split");
        }
        if (epochs != null) {
            options = options.withEpochs(epochs);
        }
        options = options.withMaxImages(maxImages);
        Path dir = out != null ? out : Path.of("models", options.name());
        ModelCard card = new ModelTrainer(options, ImageLoader::load).train(data, dir,
                (fraction, message) -> System.err.printf("train: %s (%.0f%%)%n", message, fraction * 100));
        System.out.println("Wrote " + dir + ": test " + card.metrics().get("test"));
        return 0;
    }

    @Option(names = "--features-only", description = "mobilenet recipe: compute the cached backbone features and stop")
    boolean featuresOnly;

    @Option(names = "--input-size", description = "mobilenet recipe: network input in pixels (default: the shipped recipe's)")
    Integer inputSize;

    @Option(names = "--views", description = "mobilenet recipe: cached views per training image, 1 = no augmentation (default: the recipe's)")
    Integer views;

    @Option(names = "--fine-tune-epochs", description = "mobilenet recipe: epochs fine-tuning blocks 7-10 after the head (default: the recipe's)")
    Integer fineTuneEpochs;

    private int trainPretrained() throws Exception {
        PretrainedRecipe r = PretrainedRecipe.shipped().withMaxImages(maxImages);
        if (fineTuneEpochs != null) {
            r = r.withFineTuneEpochs(fineTuneEpochs);
        }
        if (inputSize != null || views != null) {
            r = r.withInput(inputSize != null ? inputSize : r.inputSize(), views != null ? views : r.views());
        }
        if (epochs != null) {
            r = r.withEpochs(epochs);
        }
        Path dir = out != null ? out : Path.of("models", r.name());
        PretrainedTrainer trainer = new PretrainedTrainer(r, DevelopmentImages::read);
        ProgressListener progress = (fraction, message) -> System.err.printf("train: %s (%.0f%%)%n", message, fraction * 100);
        if (featuresOnly) {
            trainer.prepare(data, dir, progress);
            return 0;
        }
        ModelCard card = trainer.train(data, dir, progress);
        System.out.println("Wrote " + dir + ": test " + card.metrics().get("test"));
        return 0;
    }
}

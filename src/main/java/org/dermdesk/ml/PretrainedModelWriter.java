package org.dermdesk.ml;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.dermdesk.core.Checksums;

/**
 * Puts the frozen ImageNet backbone and the trained head together into one DJL network, saves its weights
 * and writes the model card: the app loads it like any DermDesk model, one forward pass from pixels to logits.
 */
final class PretrainedModelWriter {

    static final String THRESHOLD_RULE = "highest threshold on the calibrated probability with sensitivity >= 0.95 on the validation"
            + " part of HAM10000 and on the validation parts of all sources together (and with age and sex where used)";

    private PretrainedModelWriter() {
    }

    /** @param tail the fine-tuned {@link TailNetwork} (blocks 7-10 and head), or null for the frozen backbone with {@code head} */
    static ModelCard write(PretrainedRecipe recipe, Path modelDir, byte[] head, byte[] tail, PretrainedEvaluation evaluation, TrainingLog log,
                           int trainImages, double seconds) throws IOException {
        String weightsFile = recipe.name() + "-0000.params";
        long parameters;
        try (Model model = Model.newInstance(recipe.name(), Device.cpu(), "PyTorch")) {
            Block net = Networks.build(PretrainedRecipe.ARCHITECTURE);
            net.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, 3, recipe.inputSize(), recipe.inputSize()));
            ImageNetBackbone.loadParameters(ImageNetBackbone.SHIPPED_DIR, (MobileNetV2) net.getChildren().get(0).getValue(),
                    model.getNDManager());
            FeatureHeadTrainer.loadBytes(net.getChildren().get(1).getValue(), model.getNDManager(), head);
            if (tail != null) {
                TailNetwork tuned = new TailNetwork(recipe.inputSize());
                tuned.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, TailNetwork.rowWidth(recipe.inputSize())));
                FeatureHeadTrainer.loadBytes(tuned, model.getNDManager(), tail);
                String backbone = childName(net, 0);
                NamedParameters.copy(tuned, "tail/", net, backbone);
                NamedParameters.copy(tuned, "head/", net, childName(net, 1));
            }
            model.setBlock(net);
            model.setProperty("Epoch", "0");
            Files.deleteIfExists(modelDir.resolve(weightsFile));
            model.save(modelDir, recipe.name());
            parameters = ModelTrainer.countParameters(net);
        }
        String sha = Checksums.sha256(modelDir.resolve(weightsFile));
        PlattScaling c = evaluation.calibration();
        ModelCard card = new ModelCard(recipe.name(), recipe.version(), PretrainedRecipe.ARCHITECTURE, recipe.input(),
                MalignancyHead.BINARY_LOGIT.output(), c.temperature(), c.bias(), evaluation.diagnosisTemperature(), null,
                evaluation.fusion(), evaluation.threshold(), THRESHOLD_RULE, weightsFile, sha, parameters,
                splitInfo(recipe), trainingInfo(recipe, tail, log, trainImages, seconds), evaluation.metrics(),
                "Trained on HAM10000 (CC BY-NC 4.0), ISIC 2017 (CC-0 / CC BY-NC), MILK10k (CC BY-NC), ISIC archive acral images"
                        + " (CC-0 / CC BY / CC BY-NC) and ISIC 2019 BCN20000 / MSK images (CC BY-NC): the weights are for"
                        + " non-commercial use. Backbone: MobileNetV2 ImageNet weights (Apache-2.0) from npm nsfwjs@4.4.0 (MIT);"
                        + " see models/mobilenet-v2-imagenet/NOTICE.",
                ModelCard.INTENDED_USE, null, null);
        card.write(modelDir);
        return card;
    }

    /** The parameter path prefix of a sequential block's child. */
    private static String childName(Block net, int index) {
        return net.getChildren().get(index).getKey().replaceFirst("^\\d+", "") + "/";
    }

    private static Map<String, Object> splitInfo(PretrainedRecipe recipe) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("file", "split.csv");
        info.put("grouping", "images joined by lesion_id and, for the acral collection, patient_id, across all copies of an image"
                + " (union of groups); ISIC 2017 and the MSK part of ISIC 2019: one lesion per image");
        info.put("deduplication", "by image_id across folders, keeping the first of ham10000, acral, milk10k, isic2017, isic2019_84");
        info.put("fractions", Map.of("train", DataSplitter.TRAIN_FRACTION, "validation", DataSplitter.VALIDATION_FRACTION,
                "test", Math.round((1 - DataSplitter.TRAIN_FRACTION - DataSplitter.VALIDATION_FRACTION) * 100) / 100.0));
        info.put("stratified_by", "source and malignancy");
        info.put("seed", recipe.seed());
        info.put("sources", "../shared/data: ham10000/images (200x150), isic2017 (256x256), milk10k/images (300x225), acral (long side 320),"
                + " isic2019_84 (84x84: BCN20000 and MSK parts, upscaled to the input size; they teach colour and coarse shape only)");
        return info;
    }

    private static Map<String, Object> trainingInfo(PretrainedRecipe recipe, byte[] tail, TrainingLog log, int trainImages, double seconds)
            throws IOException {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("framework", "DJL 0.36.0, PyTorch 2.7.1 CPU");
        t.put("backbone", new ObjectMapper().readValue(ImageNetBackbone.SHIPPED_DIR.resolve(ImageNetBackbone.PROVENANCE_FILE).toFile(), Map.class));
        t.put("backbone_training", tail == null ? "frozen (ImageNet weights unchanged; batch-norm statistics from ImageNet)"
                : "blocks 0-" + (TailNetwork.FIRST_TRAINED_BLOCK - 1) + " frozen; blocks " + TailNetwork.FIRST_TRAINED_BLOCK
                + "-10 and the head fine-tuned for " + recipe.fineTuneEpochs() + " epochs at learning rate " + recipe.fineTuneLearningRate()
                + " (cosine), starting from ImageNet and the head trained on frozen features for up to " + recipe.epochs() + " epochs");
        t.put("features", "global averages of " + String.join(", ", PretrainedRecipe.POOLED));
        t.put("head", "batch norm, dropout 0.2, dense " + Networks.HEAD_HIDDEN + " ReLU, dropout 0.3, dense 8 (7 HAM10000 diagnoses + malignancy)");
        t.put("optimizer", "Adam, learning rate " + recipe.learningRate() + " cosine-decayed to 1/50, weight decay 1e-4");
        t.put("loss", "seven-way cross-entropy where a HAM10000 class is known (MILK10k sccka/akiec and ISIC 2019 ak/scc as akiec;"
                + " acral nevus/melanoma; ISIC 2017 nevus/keratosis/melanoma) + binary cross-entropy on malignancy for every image");
        t.put("sampling", "sources and classes balanced: a source's share of each batch ~ sqrt(its training images), a class's share"
                + " within its source ~ sqrt(its images)");
        t.put("augmentation", recipe.views() + " views per training image in the feature cache: the plain input and "
                + (recipe.views() - 1) + " random crops (70-100% area) of a " + (recipe.inputSize() + recipe.inputSize() / 8)
                + " px copy with flips, 90-degree turns, brightness/contrast/saturation +-15%; colour constancy (Shades of Grey) on every input");
        t.put("training_images", trainImages);
        t.put("batch_size", recipe.batchSize());
        t.put("epochs_run", log.lastEpoch() + 1);
        t.put("best_epoch", log.bestEpoch() + 1);
        t.put("selection", "best mean per-source validation AUC");
        t.put("train_seconds_including_features_and_leave_one_source_out", Math.round(seconds));
        t.put("validation_auc_by_epoch", log.epochs().stream().map(e -> BinaryMetrics.round(e.validationAuc())).toList());
        return t;
    }
}

package org.dermdesk.ml;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.dermdesk.core.ImageLoadException;
import org.dermdesk.core.ImageReader;
import org.dermdesk.core.ProgressListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains the pretrained classifier on all five development sources: a lesion- (and patient-) grouped
 * split per source, frozen ImageNet features cached once, a head trained with sources and classes
 * balanced, calibration and threshold on validation, per-source test metrics and leave-one-source-out.
 */
public final class PretrainedTrainer {

    private static final Logger LOG = LoggerFactory.getLogger(PretrainedTrainer.class);

    private final PretrainedRecipe recipe;
    private final ImageReader reader;

    public PretrainedTrainer(PretrainedRecipe recipe, ImageReader reader) {
        this.recipe = recipe;
        this.reader = reader;
    }

    /** The development images in a fixed order and their split (written to split.csv). */
    public record Data(List<LabeledImage> images, Map<String, Split> split, BackboneFeatures features) {
        List<Integer> indices(Split part) {
            List<Integer> out = new ArrayList<>();
            for (int i = 0; i < images.size(); i++) {
                if (split.get(images.get(i).imageId()) == part) out.add(i);
            }
            return out;
        }
    }

    /** The same images as rows for {@link TailNetwork}: pooled frozen layers and the block_6 map, cached like the features. */
    Data tailRows(Data data, Path modelDir, ProgressListener progress) throws IOException, ImageLoadException {
        Set<String> train = new HashSet<>();
        for (LabeledImage img : data.images()) {
            if (data.split().get(img.imageId()) == Split.TRAIN) train.add(img.imageId());
        }
        Path cache = modelDir.resolve("checkpoint").resolve("tail-rows-" + recipe.inputSize());
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            MobileNetV2 full = ImageNetBackbone.load(ImageNetBackbone.SHIPPED_DIR, PretrainedRecipe.POOLED, manager);
            MobileNetV2 stem = new MobileNetV2(0, TailNetwork.FIRST_TRAINED_BLOCK - 1, List.of(TailNetwork.MAP_LAYER));
            stem.initialize(manager, ai.djl.ndarray.types.DataType.FLOAT32, new ai.djl.ndarray.types.Shape(1, 3, 224, 224));
            NamedParameters.fill(stem, "", full, "");
            BackboneFeatures rows = BackboneFeatures.extract(data.images(), train, recipe.views(), new FrozenStem(stem), recipe.input(),
                    reader, cache, recipe.seed(), progress);
            return new Data(data.images(), data.split(), rows);
        }
    }

    /** A tail network that starts where the frozen model ended: ImageNet blocks 7-10 and the trained head. */
    private byte[] tailWarmStart(byte[] head) throws IOException {
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            MobileNetV2 full = ImageNetBackbone.load(ImageNetBackbone.SHIPPED_DIR, PretrainedRecipe.POOLED, manager);
            TailNetwork net = new TailNetwork(recipe.inputSize());
            net.initialize(manager, ai.djl.ndarray.types.DataType.FLOAT32, new ai.djl.ndarray.types.Shape(1, TailNetwork.rowWidth(recipe.inputSize())));
            NamedParameters.fill(net, "tail/", full, "");
            FeatureHeadTrainer.loadBytes(net.head(), manager, head);
            return FeatureHeadTrainer.bytes(net);
        }
    }

    /** Sources held out in turn to see what a new clinic would see (HAM10000 and MSK are always trained on). */
    static final List<DataSource> HELD_OUT = List.of(DataSource.MILK10K, DataSource.ACRAL, DataSource.ISIC2017, DataSource.BCN20000);

    public ModelCard train(Path dataDir, Path modelDir, ProgressListener progress) throws IOException, ImageLoadException {
        long start = System.nanoTime();
        Data data = prepare(dataDir, modelDir, progress);
        Path checkpoints = modelDir.resolve("checkpoint");
        FeatureHeadTrainer heads = new FeatureHeadTrainer(recipe, data);
        int[] train = array(data.indices(Split.TRAIN));
        int[] val = array(data.indices(Split.VALIDATION));
        int[] test = array(data.indices(Split.TEST));
        progress.progress(0, "training the head on " + train.length + " images");
        byte[] head = heads.train(train, val, recipe.epochs(), checkpoints.resolve("head"));
        FeatureHeadTrainer chosen = heads;
        byte[] chosenParams = head;
        byte[] tail = null;
        if (recipe.fineTuneEpochs() > 0) {
            Data tailRows = tailRows(data, modelDir, progress);
            FeatureHeadTrainer fineTune = new FeatureHeadTrainer(recipe, tailRows, () -> new TailNetwork(recipe.inputSize()),
                    recipe.fineTuneLearningRate(), tailWarmStart(head));
            progress.progress(0, "fine-tuning blocks " + TailNetwork.FIRST_TRAINED_BLOCK + "-10 and the head");
            tail = fineTune.train(train, val, recipe.fineTuneEpochs(), checkpoints.resolve("fine-tune"));
            chosen = fineTune;
            chosenParams = tail;
        }
        PretrainedEvaluation evaluation = PretrainedEvaluation.of(rows(data, val), chosen.logits(chosenParams, val), rows(data, test),
                chosen.logits(chosenParams, test));
        Map<String, Object> loso = leaveOneSourceOut(data, heads, checkpoints, progress);
        evaluation.metrics().put("leave_one_source_out", Map.copyOf(loso));
        double seconds = (System.nanoTime() - start) / 1e9;
        return PretrainedModelWriter.write(recipe, modelDir, head, tail, evaluation,
                heads.log(checkpoints.resolve(tail == null ? "head" : "fine-tune")), train.length, seconds);
    }

    /**
     * For each held-out source: a head trained on the other sources' training parts (epoch chosen on their
     * validation parts), calibrated as the shipped one, measured on every image of the held-out source and
     * on its test part. The backbone is the same frozen ImageNet network in every run.
     */
    private Map<String, Object> leaveOneSourceOut(Data data, FeatureHeadTrainer heads, Path checkpoints, ProgressListener progress)
            throws IOException {
        Map<String, Object> out = new LinkedHashMap<>();
        for (DataSource heldOut : HELD_OUT) {
            int[] train = array(filter(data, data.indices(Split.TRAIN), img -> img.source() != heldOut));
            int[] val = array(filter(data, data.indices(Split.VALIDATION), img -> img.source() != heldOut));
            List<Integer> everyImage = new ArrayList<>();
            for (int i = 0; i < data.images().size(); i++) {
                if (data.images().get(i).source() == heldOut) everyImage.add(i);
            }
            int[] target = array(everyImage);
            if (target.length == 0) {
                continue;
            }
            progress.progress(0, "leave-one-source-out: without " + heldOut.key());
            byte[] head = heads.train(train, val, recipe.epochs(), checkpoints.resolve("loso-" + heldOut.key()));
            float[][] targetLogits = heads.logits(head, target);
            PretrainedEvaluation e = PretrainedEvaluation.of(rows(data, val), heads.logits(head, val), rows(data, target), targetLogits);
            Map<String, Object> result = new LinkedHashMap<>(e.metrics().get("test"));
            SubsetMetrics.of(rows(data, target), PretrainedEvaluation.probabilities(targetLogits, e.calibration()),
                    e.threshold(), img -> data.split().get(img.imageId()) == Split.TEST)
                    .ifPresent(m -> result.put("test_part", ModelEvaluation.brief(m)));
            out.put(heldOut.key(), result);
            LOG.info("Leave {} out: AUC {} on its {} images", heldOut.key(), result.get("auc"), target.length);
        }
        return out;
    }

    private static List<Integer> filter(Data data, List<Integer> rows, java.util.function.Predicate<LabeledImage> keep) {
        return rows.stream().filter(i -> keep.test(data.images().get(i))).toList();
    }

    private static List<LabeledImage> rows(Data data, int[] indices) {
        List<LabeledImage> out = new ArrayList<>(indices.length);
        for (int i : indices) out.add(data.images().get(i));
        return out;
    }

    private static int[] array(List<Integer> list) {
        return list.stream().mapToInt(Integer::intValue).toArray();
    }

    public Data prepare(Path dataDir, Path modelDir, ProgressListener progress) throws IOException, ImageLoadException {
        Files.createDirectories(modelDir);
        List<LabeledImage> all = DatasetIndex.loadAll(dataDir);
        if (recipe.maxImages() > 0 && all.size() > recipe.maxImages()) {
            List<LabeledImage> copy = new ArrayList<>(all);
            Collections.shuffle(copy, new Random(recipe.seed()));
            all = new ArrayList<>(copy.subList(0, recipe.maxImages()));
        }
        Map<String, Split> split = DataSplitter.byLesion(all, recipe.seed());
        DataSplitter.write(modelDir.resolve("split.csv"), all, split);
        Set<String> train = new HashSet<>();
        for (LabeledImage img : all) {
            if (split.get(img.imageId()) == Split.TRAIN) train.add(img.imageId());
        }
        LOG.info("{} images from {}: {} for training", all.size(), dataDir, train.size());
        Path cache = modelDir.resolve("checkpoint").resolve("features-" + recipe.inputSize());
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            MobileNetV2 backbone = ImageNetBackbone.load(ImageNetBackbone.SHIPPED_DIR, PretrainedRecipe.POOLED, manager);
            BackboneFeatures features = BackboneFeatures.extract(all, train, recipe.views(), backbone, recipe.input(), reader,
                    cache, recipe.seed(), progress);
            return new Data(all, split, features);
        }
    }
}

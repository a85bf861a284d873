package org.dermdesk.ml;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.dermdesk.core.Checksums;
import org.dermdesk.core.ImageLoadException;
import org.dermdesk.core.ImageReader;
import org.dermdesk.core.ProgressListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains a network on the development data with DJL, keeps the epoch with the best validation AUC,
 * calibrates it, picks the operating threshold on validation and writes a complete model folder.
 * Checkpoints every epoch into {@code <model>/checkpoint/} and resumes from there when restarted.
 */
public final class ModelTrainer {

    private static final Logger LOG = LoggerFactory.getLogger(ModelTrainer.class);
    private static final double TARGET_SENSITIVITY = 0.95;
    static final String THRESHOLD_RULE = "highest threshold with sensitivity >= 0.95 on the validation split for both the"
            + " image-only probability (Platt scaling fitted on validation) and the probability adjusted for age and sex";
    /**
     * Validation AUC gain that justifies four network passes per image: they also make every LIME
     * explanation (a thousand passes) four times slower, so the gain must exceed validation noise.
     */
    private static final double MIN_FLIP_AVERAGING_GAIN = 0.01;

    private final TrainingOptions options;
    private final ImageReader reader;
    private final TrainingObjective objective;

    public ModelTrainer(TrainingOptions options, ImageReader reader) {
        this.options = options;
        this.reader = reader;
        this.objective = options.multitask() ? new TrainingObjective.MultiTask() : new TrainingObjective.Binary();
    }

    public ModelCard train(Path dataDir, Path modelDir, ProgressListener progress) throws IOException, ImageLoadException {
        Files.createDirectories(modelDir.resolve("checkpoint"));
        List<LabeledImage> all = DatasetIndex.load(dataDir);
        if (options.maxImages() > 0 && all.size() > options.maxImages()) {
            List<LabeledImage> copy = new ArrayList<>(all);
            Collections.shuffle(copy, new Random(options.seed()));
            all = new ArrayList<>(copy.subList(0, options.maxImages()));
        }
        Map<String, Split> split = options.groupByLesion()
                ? DataSplitter.byLesion(all, options.seed()) : DataSplitter.byImage(all, options.seed());
        DataSplitter.write(modelDir.resolve("split.csv"), all, split);
        Map<Split, ImageCache> caches = new LinkedHashMap<>();
        int threads = Runtime.getRuntime().availableProcessors();
        for (Split s : Split.values()) {
            List<LabeledImage> part = new ArrayList<>();
            for (LabeledImage img : all) {
                if (split.get(img.imageId()) == s) part.add(img);
            }
            InputSpec spec = s == Split.TRAIN ? options.input().withSize(options.cacheSize()) : options.input();
            caches.put(s, ImageCache.build(part, reader, spec, threads));
        }
        LOG.info("Split by {}: train {}, validation {}, test {} images", options.groupByLesion() ? "lesion" : "image",
                caches.get(Split.TRAIN).size(), caches.get(Split.VALIDATION).size(), caches.get(Split.TEST).size());

        try (Model model = Model.newInstance(options.name(), Device.cpu(), "PyTorch")) {
            model.setBlock(Networks.build(options.architecture()));
            TrainingLog log = fit(model, caches.get(Split.TRAIN), caches.get(Split.VALIDATION), modelDir, progress);
            return finish(model, caches, modelDir, log);
        }
    }

    private TrainingLog fit(Model model, ImageCache train, ImageCache validation, Path modelDir, ProgressListener progress)
            throws IOException {
        Path checkpoints = modelDir.resolve("checkpoint");
        TrainingLog log = TrainingLog.readOrNew(checkpoints);
        TrainingBatches batches = new TrainingBatches(train, options);
        int epochImages = batches.epochIndices().length;
        int stepsPerEpoch = epochImages / options.batchSize();
        DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.l2Loss()).optOptimizer(optimizer(stepsPerEpoch));
        int size = options.input().size();
        try (Trainer trainer = model.newTrainer(config)) {
            trainer.initialize(new Shape(options.batchSize(), 3, size, size));
            if (log.lastEpoch() >= 0) {
                loadParams(model, checkpoints, "last");
                LOG.info("Resuming after epoch {} (best validation AUC {} at epoch {})", log.lastEpoch() + 1,
                        String.format("%.4f", log.bestAuc()), log.bestEpoch() + 1);
            }
            List<Parameter> l2 = Networks.SEED_CNN_64.equals(options.architecture())
                    ? Networks.seedL2Weights(model.getBlock()) : List.of();
            for (int epoch = log.lastEpoch() + 1; epoch < options.epochs(); epoch++) {
                if (log.bestEpoch() >= 0 && epoch - log.bestEpoch() > options.patience()) {
                    LOG.info("Early stop: no validation AUC gain for {} epochs", options.patience());
                    break;
                }
                long start = System.nanoTime();
                double loss = trainEpoch(trainer, batches, l2, epoch);
                double seconds = (System.nanoTime() - start) / 1e9;
                double auc = BinaryMetrics.auc(objective.validationScores(logits(trainer, validation)), labels(validation));
                log = log.after(epoch, auc, loss, epochImages / seconds, seconds);
                saveParams(model, checkpoints, "last");
                if (log.bestEpoch() == epoch) {
                    saveParams(model, checkpoints, "best");
                }
                log.write(checkpoints);
                LOG.info("Epoch {}/{}: loss {}, validation AUC {}, {} images/s", epoch + 1, options.epochs(),
                        String.format("%.4f", loss), String.format("%.4f", auc), String.format("%.0f", epochImages / seconds));
                progress.progress((epoch + 1.0) / options.epochs(), "epoch " + (epoch + 1));
            }
        }
        loadParams(model, checkpoints, "best");
        return log;
    }

    private Optimizer optimizer(int stepsPerEpoch) {
        if (!options.adam()) {
            return Optimizer.sgd().setLearningRateTracker(Tracker.fixed(options.learningRate())).build();
        }
        Tracker cosine = Tracker.cosine().setBaseValue(options.learningRate())
                .optFinalValue(options.learningRate() / 50).setMaxUpdates(Math.max(1, stepsPerEpoch * options.epochs())).build();
        return Optimizer.adam().optLearningRateTracker(cosine).optWeightDecays(1e-4f).build();
    }

    private double trainEpoch(Trainer trainer, TrainingBatches batches, List<Parameter> l2, int epoch) {
        double lossSum = 0;
        int count = 0;
        Random random = new Random(options.seed() * 31 + epoch);
        for (TrainingBatches.Batch b : batches.epoch(random)) {
            try (NDManager m = trainer.getManager().newSubManager()) {
                int size = options.input().size();
                NDArray input = m.create(FloatBuffer.wrap(b.x(), 0, b.n() * 3 * size * size), new Shape(b.n(), 3, size, size));
                try (GradientCollector gc = trainer.newGradientCollector()) {
                    NDArray logits = trainer.forward(new NDList(input)).singletonOrThrow();
                    NDArray loss = objective.loss(logits, b, m);
                    lossSum += loss.getFloat();
                    for (Parameter w : l2) {
                        // a result joins its first operand's manager: move it to the batch's, or it lives as long as the model
                        NDArray squares = w.getArray().square();
                        squares.attach(m);
                        loss = loss.add(squares.sum().mul(Networks.SEED_L2));
                    }
                    gc.backward(loss);
                }
                trainer.step();
            }
            count++;
        }
        return lossSum / Math.max(1, count);
    }

    /** Raw network outputs of every cached image, in inference mode: one row per image. */
    static float[][] logits(Trainer trainer, ImageCache cache) {
        return logits(trainer, cache, false);
    }

    /** As {@link #logits(Trainer, ImageCache)}, optionally averaged over mirrored views ({@link FlipAveraging}). */
    static float[][] logits(Trainer trainer, ImageCache cache, boolean flipAveraging) {
        int size = cache.spec().size();
        int batchSize = flipAveraging ? 128 / FlipAveraging.VIEWS : 128;
        float[] x = new float[batchSize * 3 * size * size];
        int[] identity = new int[cache.size()];
        for (int i = 0; i < identity.length; i++) identity[i] = i;
        float[][] out = new float[cache.size()][];
        for (int from = 0; from < cache.size(); from += batchSize) {
            int n = Math.min(batchSize, cache.size() - from);
            cache.fill(identity, from, n, x);
            try (NDManager batch = trainer.getManager().newSubManager()) {
                NDArray input = batch.create(FloatBuffer.wrap(x, 0, n * 3 * size * size), new Shape(n, 3, size, size));
                if (flipAveraging) {
                    input = FlipAveraging.views(input);
                }
                NDArray result = trainer.evaluate(new NDList(input)).singletonOrThrow();
                if (flipAveraging) {
                    result = FlipAveraging.average(result);
                }
                int k = (int) (result.size() / n);
                float[] flat = result.toFloatArray();
                for (int i = 0; i < n; i++) {
                    out[from + i] = java.util.Arrays.copyOfRange(flat, i * k, (i + 1) * k);
                }
            }
        }
        return out;
    }

    static boolean[] labels(ImageCache cache) {
        boolean[] y = new boolean[cache.size()];
        for (int i = 0; i < y.length; i++) y[i] = cache.image(i).malignant();
        return y;
    }

    private ModelCard finish(Model model, Map<Split, ImageCache> caches, Path modelDir, TrainingLog log) throws IOException {
        ImageCache validation = caches.get(Split.VALIDATION);
        ImageCache test = caches.get(Split.TEST);
        Map<Boolean, ModelEvaluation> byFlip = new LinkedHashMap<>();
        try (Trainer evaluator = model.newTrainer(new DefaultTrainingConfig(Loss.l2Loss()))) {
            for (boolean flip : new boolean[] {false, true}) {
                byFlip.put(flip, ModelEvaluation.calibrateAndMeasure(objective, validation, logits(evaluator, validation, flip),
                        test, logits(evaluator, test, flip), TARGET_SENSITIVITY));
            }
        }
        // flip averaging costs four network passes per image: keep it only when validation says it pays
        boolean flip = byFlip.get(true).validationAuc() >= byFlip.get(false).validationAuc() + MIN_FLIP_AVERAGING_GAIN;
        ModelEvaluation evaluation = byFlip.get(flip);
        evaluation.metrics().put(flip ? "test_without_flip_averaging" : "test_with_flip_averaging",
                byFlip.get(!flip).metrics().get("test"));

        String weightsFile = options.name() + "-0000.params";
        Files.deleteIfExists(modelDir.resolve(weightsFile));
        model.setProperty("Epoch", "0");
        model.save(modelDir, options.name());
        String sha = Checksums.sha256(modelDir.resolve(weightsFile));
        ModelCard card = new ModelCard(options.name(), options.version(), options.architecture(), options.input(),
                evaluation.head().output(), evaluation.calibration().temperature(), evaluation.calibration().bias(),
                evaluation.diagnosisTemperature(), flip ? FlipAveraging.NAME : null, evaluation.fusion(), evaluation.threshold(),
                THRESHOLD_RULE,
                weightsFile, sha, countParameters(model.getBlock()), splitInfo(), trainingInfo(log), evaluation.metrics(),
                "Trained on HAM10000 (CC BY-NC 4.0) and ISIC 2017 (CC-0 / CC BY-NC) images: the weights are for non-commercial use.",
                ModelCard.INTENDED_USE, null, null);
        card.write(modelDir);
        return card;
    }

    private Map<String, Object> splitInfo() {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("file", "split.csv");
        info.put("grouping", options.groupByLesion() ? "lesion_id (ISIC 2017: one lesion per image)" : "image (seed protocol, leaks lesions)");
        info.put("fractions", Map.of("train", DataSplitter.TRAIN_FRACTION, "validation", DataSplitter.VALIDATION_FRACTION,
                "test", Math.round((1 - DataSplitter.TRAIN_FRACTION - DataSplitter.VALIDATION_FRACTION) * 100) / 100.0));
        info.put("stratified_by", "source and malignancy");
        info.put("seed", options.seed());
        info.put("sources", "../shared/data ham10000 (200x150) + isic2017 (256x256)");
        return info;
    }

    private Map<String, Object> trainingInfo(TrainingLog log) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("framework", "DJL 0.36.0, PyTorch 2.7.1 CPU");
        t.put("optimizer", options.adam()
                ? "Adam, learning rate " + options.learningRate() + " cosine-decayed to 1/50, weight decay 1e-4"
                : "SGD, learning rate " + options.learningRate() + ", no momentum; L2 0.001 on conv2, conv3, dense1");
        t.put("loss", objective.description());
        t.put("batch_size", options.batchSize());
        t.put("epochs_run", log.lastEpoch() + 1);
        t.put("best_epoch", log.bestEpoch() + 1);
        t.put("selection", "best validation AUC, patience " + options.patience());
        t.put("train_seconds", Math.round(log.totalSeconds()));
        t.put("median_images_per_second", Math.round(log.medianImagesPerSecond()));
        t.put("augmentation", options.augment()
                ? "random crop 70-100% area (aspect 0.82-1.22) from a " + options.cacheSize() + " px copy, flips, 90-degree turns, brightness/contrast/saturation +-15%"
                : "none (as the seed)");
        t.put("sampling", options.isicRepeats() > 1
                ? "every HAM10000 training image once per epoch, every ISIC 2017 image " + options.isicRepeats() + " times"
                : "every training image once per epoch");
        t.put("validation_auc_by_epoch", log.epochs().stream().map(e -> BinaryMetrics.round(e.validationAuc())).toList());
        return t;
    }

    static long countParameters(Block block) {
        long n = 0;
        for (var p : block.getParameters()) {
            n += p.getValue().getArray().getShape().size();
        }
        return n;
    }

    private static void saveParams(Model model, Path dir, String tag) throws IOException {
        Path tmp = dir.resolve(tag + ".params.tmp");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp)))) {
            model.getBlock().saveParameters(out);
        }
        Files.move(tmp, dir.resolve(tag + ".params"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void loadParams(Model model, Path dir, String tag) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(dir.resolve(tag + ".params"))))) {
            model.getBlock().loadParameters(model.getNDManager(), in);
        } catch (MalformedModelException e) {
            throw new IOException("checkpoint " + dir.resolve(tag + ".params") + " is damaged: " + e.getMessage(), e);
        }
    }
}

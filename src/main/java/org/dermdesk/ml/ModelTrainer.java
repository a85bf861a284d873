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
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
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

    private final TrainingOptions options;
    private final ImageReader reader;

    public ModelTrainer(TrainingOptions options, ImageReader reader) {
        this.options = options;
        this.reader = reader;
    }

    public ModelCard train(Path dataDir, Path modelDir, ProgressListener progress) throws IOException, ImageLoadException {
        Files.createDirectories(modelDir.resolve("checkpoint"));
        List<LabeledImage> all = DatasetIndex.load(dataDir);
        if (options.maxImages() > 0 && all.size() > options.maxImages()) {
            all = subsample(all, options.maxImages());
        }
        Map<String, Split> split = options.groupByLesion()
                ? DataSplitter.byLesion(all, options.seed()) : DataSplitter.byImage(all, options.seed());
        DataSplitter.write(modelDir.resolve("split.csv"), all, split);
        Map<Split, ImageCache> caches = new LinkedHashMap<>();
        for (Split s : Split.values()) {
            List<LabeledImage> part = new ArrayList<>();
            for (LabeledImage img : all) {
                if (split.get(img.imageId()) == s) part.add(img);
            }
            caches.put(s, ImageCache.build(part, reader, options.input(), Runtime.getRuntime().availableProcessors()));
        }
        LOG.info("Split by {}: train {}, validation {}, test {} images", options.groupByLesion() ? "lesion" : "image",
                caches.get(Split.TRAIN).size(), caches.get(Split.VALIDATION).size(), caches.get(Split.TEST).size());

        try (Model model = Model.newInstance(options.name(), Device.cpu(), "PyTorch")) {
            Block block = Networks.build(options.architecture());
            model.setBlock(block);
            TrainingLog log = fit(model, caches.get(Split.TRAIN), caches.get(Split.VALIDATION), modelDir, progress);
            return finish(model, caches, modelDir, log);
        }
    }

    private TrainingLog fit(Model model, ImageCache train, ImageCache validation, Path modelDir, ProgressListener progress)
            throws IOException {
        Path checkpoints = modelDir.resolve("checkpoint");
        TrainingLog log = TrainingLog.readOrNew(checkpoints);
        Optimizer sgd = Optimizer.sgd().setLearningRateTracker(Tracker.fixed(options.learningRate())).build();
        DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.sigmoidBinaryCrossEntropyLoss()).optOptimizer(sgd);
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
                if (epoch - log.bestEpoch() > options.patience() && log.bestEpoch() >= 0) {
                    LOG.info("Early stop: no validation AUC gain for {} epochs", options.patience());
                    break;
                }
                long start = System.nanoTime();
                double loss = trainEpoch(trainer, train, l2, epoch);
                double seconds = (System.nanoTime() - start) / 1e9;
                double auc = BinaryMetrics.auc(probabilities(trainer, validation, 1.0), labels(validation));
                log = log.after(epoch, auc, loss, train.size() / seconds, seconds);
                saveParams(model, checkpoints, "last");
                if (log.bestEpoch() == epoch) {
                    saveParams(model, checkpoints, "best");
                }
                log.write(checkpoints);
                LOG.info("Epoch {}/{}: loss {}, validation AUC {}, {} images/s", epoch + 1, options.epochs(),
                        String.format("%.4f", loss), String.format("%.4f", auc), String.format("%.0f", train.size() / seconds));
                progress.progress((epoch + 1.0) / options.epochs(), "epoch " + (epoch + 1));
            }
        }
        loadParams(model, checkpoints, "best");
        return log;
    }

    private double trainEpoch(Trainer trainer, ImageCache train, List<Parameter> l2, int epoch) {
        int[] order = shuffled(train.size(), options.seed() * 31 + epoch);
        int size = options.input().size();
        int stride = 3 * size * size;
        float[] x = new float[options.batchSize() * stride];
        float[] y = new float[options.batchSize()];
        double lossSum = 0;
        int batches = 0;
        for (int from = 0; from < order.length; from += options.batchSize()) {
            int n = Math.min(options.batchSize(), order.length - from);
            if (n < 2) {
                break; // batch norm needs more than one sample
            }
            train.fill(order, from, n, x);
            for (int k = 0; k < n; k++) {
                y[k] = train.image(order[from + k]).malignant() ? 1f : 0f;
            }
            try (NDManager batch = trainer.getManager().newSubManager()) {
                NDArray input = batch.create(java.nio.FloatBuffer.wrap(x, 0, n * stride), new Shape(n, 3, size, size));
                NDArray label = batch.create(java.nio.FloatBuffer.wrap(y, 0, n), new Shape(n, 1));
                try (GradientCollector gc = trainer.newGradientCollector()) {
                    NDArray logits = trainer.forward(new NDList(input)).singletonOrThrow();
                    NDArray loss = trainer.getLoss().evaluate(new NDList(label), new NDList(logits));
                    lossSum += loss.getFloat();
                    for (Parameter w : l2) {
                        loss = loss.add(w.getArray().square().sum().mul(Networks.SEED_L2));
                    }
                    gc.backward(loss);
                }
                trainer.step();
            }
            batches++;
        }
        return lossSum / Math.max(1, batches);
    }

    /** Calibrated (at {@code temperature}) malignant probabilities of every cached image, in inference mode. */
    static double[] probabilities(Trainer trainer, ImageCache cache, double temperature) {
        float[] logits = logits(trainer, cache);
        double[] p = new double[logits.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = Calibration.binaryProbability(logits[i], temperature);
        }
        return p;
    }

    static float[] logits(Trainer trainer, ImageCache cache) {
        int size = cache.spec().size();
        int batchSize = 128;
        float[] x = new float[batchSize * 3 * size * size];
        int[] identity = new int[cache.size()];
        for (int i = 0; i < identity.length; i++) identity[i] = i;
        float[] out = new float[cache.size()];
        for (int from = 0; from < cache.size(); from += batchSize) {
            int n = Math.min(batchSize, cache.size() - from);
            cache.fill(identity, from, n, x);
            try (NDManager batch = trainer.getManager().newSubManager()) {
                NDArray input = batch.create(java.nio.FloatBuffer.wrap(x, 0, n * 3 * size * size), new Shape(n, 3, size, size));
                float[] l = trainer.evaluate(new NDList(input)).singletonOrThrow().toFloatArray();
                System.arraycopy(l, 0, out, from, n);
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
        DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.sigmoidBinaryCrossEntropyLoss());
        Map<String, Map<String, Object>> metrics = new LinkedHashMap<>();
        double temperature;
        double threshold;
        try (Trainer evaluator = model.newTrainer(config)) {
            ImageCache validation = caches.get(Split.VALIDATION);
            boolean[] yVal = labels(validation);
            float[] valLogits = logits(evaluator, validation);
            temperature = Calibration.fitBinaryTemperature(valLogits, yVal);
            double[] pVal = probabilities(evaluator, validation, temperature);
            threshold = BinaryMetrics.thresholdForSensitivity(pVal, yVal, TARGET_SENSITIVITY);
            metrics.put("validation", BinaryMetrics.of(pVal, yVal, threshold).asMap());
            ImageCache test = caches.get(Split.TEST);
            double[] pTest = probabilities(evaluator, test, temperature);
            boolean[] yTest = labels(test);
            metrics.put("test", BinaryMetrics.of(pTest, yTest, threshold).asMap());
            double[] pTestRaw = probabilities(evaluator, test, 1.0);
            metrics.get("test").put("ece_15_bins_uncalibrated",
                    BinaryMetrics.round(BinaryMetrics.expectedCalibrationError(pTestRaw, yTest, BinaryMetrics.ECE_BINS)));
            for (DataSource source : DataSource.values()) {
                SubsetMetrics.bySource(test, pTest, source, threshold).ifPresent(m -> metrics.put("test_" + source.key(), m));
            }
        }
        String weightsFile = options.name() + "-0000.params";
        Files.deleteIfExists(modelDir.resolve(weightsFile));
        model.setProperty("Epoch", "0");
        model.save(modelDir, options.name());
        String sha = org.dermdesk.core.Checksums.sha256(modelDir.resolve(weightsFile));
        Map<String, Object> splitInfo = new LinkedHashMap<>();
        splitInfo.put("file", "split.csv");
        splitInfo.put("grouping", options.groupByLesion() ? "lesion_id (ISIC 2017: one lesion per image)" : "image (seed protocol, leaks lesions)");
        splitInfo.put("fractions", Map.of("train", DataSplitter.TRAIN_FRACTION, "validation", DataSplitter.VALIDATION_FRACTION,
                "test", 1 - DataSplitter.TRAIN_FRACTION - DataSplitter.VALIDATION_FRACTION));
        splitInfo.put("stratified_by", "source and malignancy");
        splitInfo.put("seed", options.seed());
        splitInfo.put("sources", "../shared/data ham10000 (200x150) + isic2017 (256x256)");
        Map<String, Object> training = new LinkedHashMap<>();
        training.put("framework", "DJL 0.36.0, PyTorch 2.7.1 CPU");
        training.put("optimizer", "SGD, learning rate " + options.learningRate() + ", no momentum; L2 0.001 on conv2, conv3, dense1");
        training.put("loss", "sigmoid binary cross-entropy");
        training.put("batch_size", options.batchSize());
        training.put("epochs_run", log.lastEpoch() + 1);
        training.put("best_epoch", log.bestEpoch() + 1);
        training.put("selection", "best validation AUC, patience " + options.patience());
        training.put("train_seconds", Math.round(log.totalSeconds()));
        training.put("median_images_per_second", Math.round(log.medianImagesPerSecond()));
        training.put("augmentation", "none (as the seed)");
        ModelCard card = new ModelCard(options.name(), options.version(), options.architecture(), options.input(), "binary",
                temperature, threshold,
                "highest threshold with sensitivity >= 0.95 on the validation split (calibrated probability)",
                weightsFile, sha, countParameters(model.getBlock()), splitInfo, training, metrics,
                "Trained on HAM10000 (CC BY-NC 4.0) and ISIC 2017 (CC-0 / CC BY-NC) images: the weights are for non-commercial use.",
                "Decision support for dermatologists reviewing one dermoscopic image; not a diagnosis.");
        card.write(modelDir);
        return card;
    }

    static long countParameters(Block block) {
        long n = 0;
        for (var p : block.getParameters()) {
            n += p.getValue().getArray().getShape().size();
        }
        return n;
    }

    private static void saveParams(Model model, Path dir, String tag) throws IOException {
        Path file = dir.resolve(tag + ".params");
        Path tmp = dir.resolve(tag + ".params.tmp");
        try (var out = new java.io.DataOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(tmp)))) {
            model.getBlock().saveParameters(out);
        }
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static void loadParams(Model model, Path dir, String tag) throws IOException {
        try (var in = new java.io.DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(dir.resolve(tag + ".params"))))) {
            model.getBlock().loadParameters(model.getNDManager(), in);
        } catch (MalformedModelException e) {
            throw new IOException("checkpoint " + dir.resolve(tag + ".params") + " is damaged: " + e.getMessage(), e);
        }
    }

    private static int[] shuffled(int n, long seed) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Random r = new Random(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    private List<LabeledImage> subsample(List<LabeledImage> all, int n) {
        List<LabeledImage> copy = new ArrayList<>(all);
        java.util.Collections.shuffle(copy, new Random(options.seed()));
        return new ArrayList<>(copy.subList(0, n));
    }

}

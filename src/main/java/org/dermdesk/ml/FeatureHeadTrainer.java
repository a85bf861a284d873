package org.dermdesk.ml;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.nn.Block;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntPredicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains {@link Networks#featureHead()} on cached backbone features. Each epoch draws images with sources
 * and classes balanced (a source's share grows with the square root of its size, as does a class's
 * within it, so no collection and no class dominates), then one of the image's views. Seven-way
 * cross-entropy where the image has a HAM10000 class, binary cross-entropy on malignancy for all. The
 * epoch with the best mean per-source validation AUC is kept; checkpoints after every epoch.
 */
final class FeatureHeadTrainer {

    private static final Logger LOG = LoggerFactory.getLogger(FeatureHeadTrainer.class);
    private static final int PATIENCE = 12;

    private final PretrainedRecipe recipe;
    private final PretrainedTrainer.Data data;
    private final Supplier<Block> network;
    private final float learningRate;
    /** Parameters a fresh network starts from (null: random initialisation). */
    private final byte[] warmStart;

    /** The head alone, from random weights, on pooled frozen features. */
    FeatureHeadTrainer(PretrainedRecipe recipe, PretrainedTrainer.Data data) {
        this(recipe, data, Networks::featureHead, recipe.learningRate(), null);
    }

    /** Any network whose input is one cached row (the fine-tuned tail + head), optionally warm-started. */
    FeatureHeadTrainer(PretrainedRecipe recipe, PretrainedTrainer.Data data, Supplier<Block> network, float learningRate,
                       byte[] warmStart) {
        this.recipe = recipe;
        this.data = data;
        this.network = network;
        this.learningRate = learningRate;
        this.warmStart = warmStart;
    }

    /**
     * @param train      which images (by index) to learn from
     * @param validation which images select the epoch
     * @return the trained head's parameters, serialised
     */
    byte[] train(int[] train, int[] validation, int epochs, Path checkpoints) throws IOException {
        Files.createDirectories(checkpoints);
        int features = data.features().view(0, 0).length;
        double[] weights = samplingWeights(train);
        TrainingLog log = TrainingLog.readOrNew(checkpoints);
        int steps = Math.max(1, train.length / recipe.batchSize());
        try (Model model = Model.newInstance("head", Device.cpu(), "PyTorch")) {
            model.setBlock(network.get());
            Tracker cosine = Tracker.cosine().setBaseValue(learningRate).optFinalValue(learningRate / 50)
                    .setMaxUpdates(steps * epochs).build();
            DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.l2Loss())
                    .optOptimizer(Optimizer.adam().optLearningRateTracker(cosine).optWeightDecays(1e-4f).build());
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(recipe.batchSize(), features));
                if (log.lastEpoch() < 0 && warmStart != null) {
                    copyInto(model.getBlock(), warmStart, features);
                }
                if (log.lastEpoch() >= 0) {
                    copyInto(model.getBlock(), Files.readAllBytes(checkpoints.resolve("last.params")), features);
                    LOG.info("Head: resuming after epoch {}", log.lastEpoch() + 1);
                }
                for (int epoch = log.lastEpoch() + 1; epoch < epochs; epoch++) {
                    if (log.bestEpoch() >= 0 && epoch - log.bestEpoch() > PATIENCE) {
                        break;
                    }
                    long start = System.nanoTime();
                    double loss = epoch(trainer, train, weights, new Random(recipe.seed() * 131 + epoch), steps);
                    double seconds = (System.nanoTime() - start) / 1e9;
                    double auc = meanSourceAuc(logits(trainer, validation), validation);
                    log = log.after(epoch, auc, loss, steps * recipe.batchSize() / seconds, seconds);
                    save(model.getBlock(), checkpoints.resolve("last.params"));
                    if (log.bestEpoch() == epoch) {
                        save(model.getBlock(), checkpoints.resolve("best.params"));
                    }
                    log.write(checkpoints);
                    LOG.info("Head epoch {}/{}: loss {}, mean per-source validation AUC {}", epoch + 1, epochs,
                            String.format("%.4f", loss), String.format("%.4f", auc));
                }
            }
            return Files.readAllBytes(checkpoints.resolve("best.params"));
        }
    }

    TrainingLog log(Path checkpoints) throws IOException {
        return TrainingLog.readOrNew(checkpoints);
    }

    private double epoch(Trainer trainer, int[] train, double[] weights, Random r, int steps) {
        int features = data.features().view(0, 0).length;
        int b = recipe.batchSize();
        double[] cumulative = new double[weights.length];
        double total = 0;
        for (int i = 0; i < weights.length; i++) {
            total += weights[i];
            cumulative[i] = total;
        }
        double lossSum = 0;
        for (int s = 0; s < steps; s++) {
            float[] x = new float[b * features];
            float[] malignant = new float[b];
            float[] ones = new float[b];
            float[] dx = new float[b * 7];
            for (int k = 0; k < b; k++) {
                int pick = java.util.Arrays.binarySearch(cumulative, r.nextDouble() * total);
                int i = train[pick < 0 ? Math.min(train.length - 1, -pick - 1) : pick];
                float[] v = data.features().view(i, r.nextInt(data.features().views(i)));
                System.arraycopy(v, 0, x, k * features, features);
                LabeledImage img = data.images().get(i);
                malignant[k] = img.malignant() ? 1 : 0;
                ones[k] = 1;
                if (img.diagnosis() != null) {
                    dx[k * 7 + img.diagnosis().ordinal()] = 1;
                }
            }
            try (NDManager m = trainer.getManager().newSubManager()) {
                NDArray input = m.create(x, new Shape(b, features));
                try (GradientCollector gc = trainer.newGradientCollector()) {
                    NDArray logits = trainer.forward(new NDList(input)).singletonOrThrow();
                    NDArray loss = new TrainingObjective.MultiTask().loss(logits,
                            new TrainingBatches.Batch(b, x, malignant, ones, dx), m);
                    lossSum += loss.getFloat();
                    gc.backward(loss);
                }
                trainer.step();
            }
        }
        return lossSum / steps;
    }

    /** Head outputs (eight logits) of the plain view of each image, in inference mode. */
    float[][] logits(Trainer trainer, int[] images) {
        return logits(x -> trainer.evaluate(x), trainer.getManager(), images);
    }

    /** Head outputs of trained parameters for the given images (a fresh head, inference mode). */
    float[][] logits(byte[] params, int[] images) throws IOException {
        int features = data.features().view(0, 0).length;
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            Block head = network.get();
            head.initialize(manager, DataType.FLOAT32, new Shape(1, features));
            loadBytes(head, manager, params);
            // a parameter store made after loading: one made before would keep serving the initial arrays
            ParameterStore ps = new ParameterStore(manager, false);
            return logits(x -> head.forward(ps, x, false), manager, images);
        }
    }

    private float[][] logits(java.util.function.UnaryOperator<NDList> forward, NDManager manager, int[] images) {
        int features = data.features().view(0, 0).length;
        float[][] out = new float[images.length][];
        for (int from = 0; from < images.length; from += 1024) {
            int n = Math.min(1024, images.length - from);
            float[] x = new float[n * features];
            for (int k = 0; k < n; k++) {
                System.arraycopy(data.features().view(images[from + k], 0), 0, x, k * features, features);
            }
            try (NDManager m = manager.newSubManager()) {
                float[] flat = forward.apply(new NDList(m.create(x, new Shape(n, features)))).singletonOrThrow().toFloatArray();
                int width = flat.length / n;
                for (int k = 0; k < n; k++) {
                    out[from + k] = java.util.Arrays.copyOfRange(flat, k * width, (k + 1) * width);
                }
            }
        }
        return out;
    }

    /** Saved head parameters copied into a live head's arrays in place, so a trainer already holding them sees the values. */
    private void copyInto(Block live, byte[] params, int features) throws IOException {
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            Block saved = network.get();
            saved.initialize(manager, DataType.FLOAT32, new Shape(1, features));
            loadBytes(saved, manager, params);
            var from = saved.getParameters();
            var to = live.getParameters();
            for (int i = 0; i < from.size(); i++) {
                to.get(i).getValue().getArray().set(from.get(i).getValue().getArray().toFloatArray());
            }
        }
    }

    private double meanSourceAuc(float[][] logits, int[] images) {
        Map<DataSource, Integer> count = new EnumMap<>(DataSource.class);
        for (int i : images) count.merge(data.images().get(i).source(), 1, Integer::sum);
        double sum = 0;
        int sources = 0;
        for (DataSource s : count.keySet()) {
            double auc = auc(logits, images, k -> data.images().get(images[k]).source() == s);
            if (!Double.isNaN(auc)) {
                sum += auc;
                sources++;
            }
        }
        return sum / Math.max(1, sources);
    }

    /** AUC of the malignancy logit over the members, NaN when they hold only one class. */
    double auc(float[][] logits, int[] images, IntPredicate member) {
        int n = 0;
        for (int k = 0; k < images.length; k++) if (member.test(k)) n++;
        double[] p = new double[n];
        boolean[] y = new boolean[n];
        int j = 0;
        int pos = 0;
        for (int k = 0; k < images.length; k++) {
            if (member.test(k)) {
                p[j] = logits[k][7];
                y[j] = data.images().get(images[k]).malignant();
                if (y[j]) pos++;
                j++;
            }
        }
        return pos == 0 || pos == n ? Double.NaN : BinaryMetrics.auc(p, y);
    }

    /** Sampling weight per training image: source mass ~ sqrt(source size), class mass within it ~ sqrt(class size). */
    private double[] samplingWeights(int[] train) {
        Map<DataSource, int[]> counts = new EnumMap<>(DataSource.class);
        for (int i : train) {
            LabeledImage img = data.images().get(i);
            counts.computeIfAbsent(img.source(), k -> new int[2])[img.malignant() ? 1 : 0]++;
        }
        double[] w = new double[train.length];
        for (int k = 0; k < train.length; k++) {
            LabeledImage img = data.images().get(train[k]);
            int[] c = counts.get(img.source());
            double sourceMass = Math.sqrt(c[0] + c[1]);
            double classShare = Math.sqrt(c[img.malignant() ? 1 : 0]) / (Math.sqrt(c[0]) + Math.sqrt(c[1]));
            w[k] = sourceMass * classShare / c[img.malignant() ? 1 : 0];
        }
        return w;
    }

    static void save(Block block, Path file) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp)))) {
            block.saveParameters(out);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static void loadBytes(Block block, NDManager manager, byte[] params) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(new ByteArrayInputStream(params)))) {
            block.loadParameters(manager, in);
        } catch (MalformedModelException e) {
            throw new IOException("head parameters are damaged: " + e.getMessage(), e);
        }
    }

    static byte[] bytes(Block block) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(buffer)) {
            block.saveParameters(out);
        }
        return buffer.toByteArray();
    }

}

package org.dermdesk.ml;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import org.dermdesk.core.CaseDetails;
import org.dermdesk.core.Checksums;
import org.dermdesk.core.Diagnosis;
import org.dermdesk.core.LesionClassifier;
import org.dermdesk.core.LesionImage;
import org.dermdesk.core.ModelInfo;
import org.dermdesk.core.PatientSex;
import org.dermdesk.core.Prediction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A trained DermDesk model hosted by DJL on the PyTorch engine, loaded from a model folder
 * (weights + model card). The weights' SHA-256 is checked against the card before use, so a damaged
 * or swapped file is refused rather than silently giving other answers. Thread-safe: a DJL predictor
 * is not, so each concurrent call borrows its own from a small pool (the explainer scores sample
 * batches on several threads; the weights are shared).
 */
public final class DjlLesionClassifier implements LesionClassifier {

    private static final Logger LOG = LoggerFactory.getLogger(DjlLesionClassifier.class);

    private final ModelCard card;
    private final Model model;
    /** Idle predictors; a call takes one or makes one, and gives it back. */
    private final Queue<Predictor<LesionImage, NetworkOutput>> idle = new ConcurrentLinkedQueue<>();
    private final List<Predictor<LesionImage, NetworkOutput>> all = new CopyOnWriteArrayList<>();
    private volatile boolean closed;
    private final ModelInfo info;
    /** Null for models without the check. */
    private final ImageKindModel imageKind;
    private final LesionIdentityModel identity;

    private DjlLesionClassifier(ModelCard card, Model model, ImageKindModel imageKind, LesionIdentityModel identity) {
        this.card = card;
        this.model = model;
        this.imageKind = imageKind;
        this.identity = identity;
        this.info = new ModelInfo(card.name(), card.version(), card.weightsSha256());
    }

    public static DjlLesionClassifier open(Path modelDir) throws ModelLoadException {
        long start = System.nanoTime();
        ModelCard card;
        try {
            card = ModelCard.read(modelDir);
        } catch (ModelCardException e) {
            throw new ModelLoadException(e.getMessage(), e);
        } catch (IOException e) {
            throw new ModelLoadException("Model folder " + modelDir + " has no readable " + ModelCard.FILE_NAME
                    + " (" + e.getMessage() + ")", e);
        }
        Path weights = modelDir.resolve(card.weightsFile());
        verifyChecksum(card, weights);
        Model model = Model.newInstance(card.name(), Device.cpu(), "PyTorch");
        try {
            model.setBlock(Networks.build(card.architecture()));
            model.load(modelDir, weightsPrefix(card.weightsFile()));
            model.setBlock(Networks.withFeatures(model.getBlock()));
        } catch (IOException | MalformedModelException | RuntimeException e) {
            model.close();
            throw new ModelLoadException("Model weights " + weights + " cannot be loaded: " + e.getMessage(), e);
        }
        ImageKindModel imageKind = null;
        LesionIdentityModel identity = null;
        try {
            if (card.imageKind() != null) {
                imageKind = ImageKindModel.read(modelDir, card.imageKind());
            }
            if (card.lesionIdentity() != null) {
                identity = LesionIdentityModel.read(modelDir, card.lesionIdentity());
            }
        } catch (ModelLoadException e) {
            model.close();
            throw e;
        }
        LOG.info("Loaded model {} {} in {} ms", card.name(), card.version(), (System.nanoTime() - start) / 1_000_000);
        return new DjlLesionClassifier(card, model, imageKind, identity);
    }

    private static void verifyChecksum(ModelCard card, Path weights) throws ModelLoadException {
        if (!Files.isRegularFile(weights)) {
            throw new ModelLoadException("Model weights " + weights + " are missing");
        }
        try {
            String actual = Checksums.sha256(weights);
            if (!actual.equalsIgnoreCase(card.weightsSha256())) {
                throw new ModelLoadException("Model weights " + weights + " do not match the model card's checksum"
                        + " (expected " + card.weightsSha256() + ", found " + actual + "): reinstall the model");
            }
        } catch (IOException e) {
            throw new ModelLoadException("Model weights " + weights + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** DJL names parameter files {@code <prefix>-<epoch>.params}. */
    static String weightsPrefix(String weightsFile) {
        return weightsFile.replaceFirst("-\\d{4}\\.params$", "");
    }

    public ModelCard card() {
        return card;
    }

    @Override
    public ModelInfo info() {
        return info;
    }

    @Override
    public int inputSize() {
        return card.input().size();
    }

    @Override
    public double threshold() {
        return card.threshold();
    }

    /** Raw network outputs, before calibration: one array per image (1 or 8 logits). */
    public List<float[]> logits(List<LesionImage> images) {
        return outputs(images).stream().map(NetworkOutput::logits).toList();
    }

    /** The network's logits and, where it has them, pooled features: one per image. */
    public List<NetworkOutput> outputs(List<LesionImage> images) {
        if (images.isEmpty()) {
            return List.of();
        }
        Predictor<LesionImage, NetworkOutput> predictor = borrow();
        try {
            return predictor.batchPredict(images);
        } catch (TranslateException e) {
            throw new IllegalStateException("the model failed on a batch of " + images.size() + " images", e);
        } finally {
            idle.add(predictor);
        }
    }

    private Predictor<LesionImage, NetworkOutput> borrow() {
        if (closed) {
            throw new IllegalStateException("the model " + card.name() + " was closed");
        }
        Predictor<LesionImage, NetworkOutput> p = idle.poll();
        if (p == null) {
            p = model.newPredictor(new LogitTranslator(card.input(), card.flipAveraging()));
            all.add(p);
        }
        return p;
    }

    @Override
    public boolean isThreadSafe() {
        return true;
    }

    @Override
    public List<Prediction> predictBatch(List<LesionImage> images) {
        List<Prediction> out = new ArrayList<>(images.size());
        List<NetworkOutput> outputs = outputs(images);
        for (int i = 0; i < outputs.size(); i++) {
            Prediction p = toPrediction(outputs.get(i).logits());
            if (identity != null) p = p.withAppearance(identity.appearance(outputs.get(i).features()));
            out.add(imageKind == null ? p : p.withSuitability(imageKind.assess(outputs.get(i), images.get(i))));
        }
        return out;
    }

    /** The model's lesion identity space, or null when its card names none. */
    LesionIdentityModel identity() {
        return identity;
    }

    /** The loaded network (for development tools that reuse its blocks). */
    ai.djl.nn.Block network() {
        return model.getBlock();
    }

    @Override
    public double[] probabilities(List<LesionImage> images) {
        return outputs(images).stream().mapToDouble(o -> toPrediction(o.logits()).pMalignant()).toArray();
    }


    Prediction toPrediction(float[] logits) {
        for (float z : logits) {
            if (!Float.isFinite(z)) {
                // seen with the older resnet-lite models on CPUs with AVX-512 (libtorch's oneDNN kernels)
                throw new IllegalStateException("the model " + card.name() + " gave an invalid output (not a number) on this"
                        + " computer; use the default model, or start DermDesk with DNNL_MAX_CPU_ISA=AVX2 set");
            }
        }
        double p = MalignancyHead.fromOutput(card.output()).calibrated(logits, card.calibration());
        if (logits.length == 1) {
            return new Prediction(p, card.threshold(), Map.of(), info);
        }
        double dxTemperature = card.diagnosisTemperature() == null ? 1 : card.diagnosisTemperature();
        double[] dx = Calibration.softmax(java.util.Arrays.copyOf(logits, 7), dxTemperature);
        Map<Diagnosis, Double> diagnoses = new EnumMap<>(Diagnosis.class);
        for (Diagnosis d : Diagnosis.values()) {
            diagnoses.put(d, dx[d.ordinal()]);
        }
        return new Prediction(p, card.threshold(), diagnoses, info);
    }

    @Override
    public Prediction forPatient(Prediction prediction, CaseDetails details) {
        Prediction image = prediction.imageOnly();
        MetadataFusion fusion = card.metadataFusion();
        if (fusion == null || details == null || details.age() == null) {
            return image;
        }
        return image.withPatientProbability(fusion.apply(image.pMalignant(), details.age(), PatientSex.parse(details.sex())));
    }

    @Override
    public void close() {
        closed = true;
        all.forEach(Predictor::close);
        model.close();
    }
}

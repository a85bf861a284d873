package org.dermdesk.ml;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.MalformedModelException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.dermdesk.core.Checksums;

/**
 * The ImageNet-pretrained MobileNetV2 that DermDesk's classifiers start from. Its only source reachable
 * offline is the npm package {@code nsfwjs@4.4.0}, which ships a Keras MobileNetV2 as a TF.js layers model;
 * only the layers up to {@code block_10} are the Keras ImageNet weights (the package's authors retrained
 * {@code block_11} on for another task), so only those are imported. {@link #importFrom} runs once, by hand
 * or in a test; the result is committed under {@code models/} so that training never needs the network.
 */
public final class ImageNetBackbone {

    public static final String NPM_PACKAGE = "nsfwjs@4.4.0";
    public static final String TARBALL_SHA256 = "585cd178f3b994337c4d10a87b080d342fc52f8b9bf0085c4d1f345a3a1c5382";
    public static final String PARAMS_FILE = "mobilenet-v2-imagenet-b10.params";
    public static final String PROVENANCE_FILE = "backbone.json";
    /** Where the shipped backbone lives, relative to the project root. */
    public static final Path SHIPPED_DIR = Path.of("models", "mobilenet-v2-imagenet");

    private static final String MODEL_DIR = "package/dist/models/mobilenet_v2/";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ImageNetBackbone() {
    }

    /** Imports the ImageNet layers from the package tarball into {@code outDir}: weights and provenance. */
    public static Path importFrom(Path tarball, Path outDir) throws IOException {
        Map<String, byte[]> files = NpmTarball.read(tarball, TARBALL_SHA256, name -> name.startsWith(MODEL_DIR));
        byte[] modelBundle = files.get(MODEL_DIR + "model.min.js");
        if (modelBundle == null) {
            throw new IOException(tarball + " has no " + MODEL_DIR + "model.min.js");
        }
        JsonNode model = TfjsBundle.model(new String(modelBundle, StandardCharsets.UTF_8));
        ByteArrayOutputStream shards = new ByteArrayOutputStream();
        for (JsonNode path : model.path("weightsManifest").path(0).path("paths")) {
            byte[] shard = files.get(MODEL_DIR + path.asText() + ".min.js");
            if (shard == null) {
                throw new IOException(tarball + " has no weight shard " + path.asText());
            }
            shards.write(TfjsBundle.shard(new String(shard, StandardCharsets.UTF_8)));
        }
        Map<String, TfjsWeights.Tensor> weights = TfjsWeights.read(model, shards.toByteArray());
        requireImageNetLayersFrozen(model);
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            MobileNetV2 net = initialised(manager);
            int copied = TfjsWeightImport.copy(weights, net);
            Files.createDirectories(outDir);
            Path params = outDir.resolve(PARAMS_FILE);
            try (OutputStream out = Files.newOutputStream(params); DataOutputStream data = new DataOutputStream(out)) {
                net.saveParameters(data);
            }
            writeProvenance(outDir, params, copied, net);
            return params;
        }
    }

    /** A fresh MobileNetV2 up to block_10 with the ImageNet weights from {@code dir} (checksum verified). */
    public static MobileNetV2 load(Path dir, List<String> pooled, NDManager manager) throws IOException {
        MobileNetV2 net = new MobileNetV2(MobileNetV2.LAST_IMAGENET_BLOCK, pooled);
        net.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 224, 224));
        loadParameters(dir, net, manager);
        return net;
    }

    /** Loads the ImageNet weights into an initialised MobileNetV2 up to block_10. */
    public static void loadParameters(Path dir, MobileNetV2 net, NDManager manager) throws IOException {
        Path params = dir.resolve(PARAMS_FILE);
        JsonNode provenance = JSON.readTree(dir.resolve(PROVENANCE_FILE).toFile());
        String expected = provenance.path("params_sha256").asText();
        String actual = Checksums.sha256(params);
        if (!actual.equalsIgnoreCase(expected)) {
            throw new IOException("Backbone weights " + params + " do not match " + PROVENANCE_FILE + " (found " + actual + ")");
        }
        try (InputStream in = Files.newInputStream(params); DataInputStream data = new DataInputStream(in)) {
            net.loadParameters(manager, data);
        } catch (MalformedModelException e) {
            throw new IOException("Backbone weights " + params + " cannot be loaded: " + e.getMessage(), e);
        }
    }

    private static MobileNetV2 initialised(NDManager manager) {
        MobileNetV2 net = new MobileNetV2(MobileNetV2.LAST_IMAGENET_BLOCK, List.of("block_10_project_BN"));
        net.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 224, 224));
        return net;
    }

    /** The package marks the Keras ImageNet layers {@code trainable: false}; if that changed, so did the weights. */
    private static void requireImageNetLayersFrozen(JsonNode model) throws IOException {
        for (JsonNode layer : model.path("modelTopology").path("model_config").path("config").path("layers")) {
            String name = layer.path("name").asText();
            if (name.equals("block_11_expand")) {
                return;
            }
            JsonNode trainable = layer.path("config").path("trainable");
            if (!trainable.isMissingNode() && trainable.asBoolean()) {
                throw new IOException("layer " + name + " is marked trainable: not the ImageNet weights this import expects");
            }
        }
        throw new IOException("the model has no layer block_11_expand: not the MobileNetV2 this import expects");
    }

    private static void writeProvenance(Path outDir, Path params, int tensors, MobileNetV2 net) throws IOException {
        ObjectNode p = JSON.createObjectNode();
        p.put("architecture", "Keras MobileNetV2, width 1.0, layers Conv1 .. block_10_project_BN (cut before block_11_expand)");
        p.put("package", NPM_PACKAGE);
        p.put("registry", "npm (npm pack " + NPM_PACKAGE + ")");
        p.put("tarball_sha256", TARBALL_SHA256);
        p.put("files", MODEL_DIR + "model.min.js, " + MODEL_DIR + "group1-shard1of1.min.js");
        p.put("weights", "ImageNet (Keras applications MobileNetV2, converted from the TF-Slim checkpoints of tensorflow/models);"
                + " stored uint8-quantised in the package, dequantised as q * scale + min");
        p.put("tensors_imported", tensors);
        p.put("parameters", net.getParameters().stream().mapToLong(x -> x.getValue().getArray().size()).sum());
        p.put("input", "NCHW float32, RGB; the reference activations use values in [0, 1]");
        p.put("params_file", params.getFileName().toString());
        p.put("params_sha256", Checksums.sha256(params));
        p.put("licences", "nsfwjs: MIT (Infinite Red); model: GantMan/nsfw_model, MIT; Keras MobileNetV2 ImageNet weights:"
                + " Apache-2.0 (tensorflow/models). See NOTICE.");
        JSON.writeValue(outDir.resolve(PROVENANCE_FILE).toFile(), p);
    }
}

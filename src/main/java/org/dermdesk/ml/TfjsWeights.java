package org.dermdesk.ml;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The weights of a TF.js layers model, dequantised: the manifest lists the tensors in shard order with
 * their shapes and, for uint8 quantisation, a per-tensor {@code min} and {@code scale}; a stored byte
 * {@code q} stands for {@code q * scale + min}.
 */
final class TfjsWeights {

    /** A dequantised tensor in its stored (Keras, channels-last) layout. */
    record Tensor(int[] shape, float[] values) {
    }

    private TfjsWeights() {
    }

    /** @param shards the concatenated bytes of the weight group's shards, in manifest order */
    static Map<String, Tensor> read(JsonNode model, byte[] shards) throws IOException {
        JsonNode groups = model.path("weightsManifest");
        if (groups.size() != 1) {
            throw new IOException("expected one weight group in the manifest, found " + groups.size());
        }
        Map<String, Tensor> out = new LinkedHashMap<>();
        int offset = 0;
        for (JsonNode w : groups.get(0).path("weights")) {
            JsonNode shapeNode = w.path("shape");
            int[] shape = new int[shapeNode.size()];
            int count = 1;
            for (int i = 0; i < shape.length; i++) {
                shape[i] = shapeNode.get(i).asInt();
                count *= shape[i];
            }
            JsonNode q = w.path("quantization");
            if (!"float32".equals(w.path("dtype").asText()) || !"uint8".equals(q.path("dtype").asText())) {
                throw new IOException("tensor " + w.path("name").asText() + " is not uint8-quantised float32");
            }
            if (offset + count > shards.length) {
                throw new IOException("the weight shard ends inside tensor " + w.path("name").asText());
            }
            float min = (float) q.path("min").asDouble();
            float scale = (float) q.path("scale").asDouble();
            float[] values = new float[count];
            for (int i = 0; i < count; i++) {
                values[i] = (shards[offset + i] & 0xFF) * scale + min;
            }
            offset += count;
            out.put(w.path("name").asText(), new Tensor(shape, values));
        }
        if (offset != shards.length) {
            throw new IOException("the weight shard holds " + shards.length + " bytes, the manifest " + offset);
        }
        return out;
    }
}

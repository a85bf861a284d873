package org.dermdesk.ml;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dermdesk.core.Checksums;

/**
 * Protects the model card's verdict fields as the weights' checksum protects the weights.
 *
 * <p>Design: the <em>seal</em> is the SHA-256 of the card's fields that change a verdict ({@link #FIELDS}),
 * in a canonical JSON form (keys sorted, absent and null values left out, so adding an optional field to
 * the card keeps existing seals valid). It is recorded
 * <ol>
 *   <li>for the shipped models, inside the application jar ({@value #SHIPPED}, keyed by the weights'
 *       SHA-256), where editing the model folder cannot also rewrite it; and</li>
 *   <li>for models trained here, in {@value #FILE_NAME} beside the card, written with it by
 *       {@link ModelCard#write}: it catches hand edits of the card, not a deliberate forgery.</li>
 * </ol>
 * A card whose weights the jar knows must match the jar's seal; any other card must match its own file.
 * Retraining a shipped model gives new weights, hence a new entry (run {@code ModelCardSealTest} to print it).
 */
final class ModelCardSeal {

    static final String FILE_NAME = "model-card.sha256";
    static final String SHIPPED = "shipped-model-cards.sha256";
    static final List<String> FIELDS = List.of("architecture", "input", "output", "temperature", "calibration_bias",
            "diagnosis_temperature", "test_time_augmentation", "metadata_fusion", "threshold", "image_kind",
            "lesion_identity");

    private static final Map<String, String> SHIPPED_SEALS = loadShipped();
    private static final ObjectMapper MAPPER = new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    private ModelCardSeal() {
    }

    /** The SHA-256 of the card's verdict fields, canonical JSON. */
    static String of(ModelCard card) {
        JsonNode all = MAPPER.valueToTree(card);
        ObjectNode verdict = JsonNodeFactory.instance.objectNode();
        for (String field : FIELDS) {
            if (all.hasNonNull(field)) {
                verdict.set(field, all.get(field));
            }
        }
        try {
            return Checksums.sha256(MAPPER.writeValueAsBytes(canonical(verdict)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a model card's fields are always writable as JSON", e);
        }
    }

    /** Writes the seal of a card just written to {@code modelDir}. */
    static void write(Path modelDir, ModelCard card) throws IOException {
        Files.writeString(modelDir.resolve(FILE_NAME), of(card) + "  " + ModelCard.FILE_NAME + "\n", StandardCharsets.US_ASCII);
    }

    /** Refuses, naming the card, one whose verdict fields differ from what was recorded when the model was trained. */
    static void verify(Path modelDir, ModelCard card) throws ModelCardException {
        Path cardFile = modelDir.resolve(ModelCard.FILE_NAME);
        String actual = of(card);
        String shipped = SHIPPED_SEALS.get(card.weightsSha256().toLowerCase(Locale.ROOT));
        String expected = shipped != null ? shipped : recorded(modelDir, cardFile);
        if (!actual.equals(expected)) {
            throw new ModelCardException("Model card " + cardFile + " was changed after the model was trained: its "
                    + String.join(", ", FIELDS) + " no longer match the record" + (shipped != null ? " shipped with DermDesk" : " in " + FILE_NAME)
                    + ". Reinstall the model");
        }
    }

    private static String recorded(Path modelDir, Path cardFile) throws ModelCardException {
        Path file = modelDir.resolve(FILE_NAME);
        try {
            String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
            int space = text.indexOf(' ');
            return space < 0 ? text : text.substring(0, space);
        } catch (NoSuchFileException e) {
            throw new ModelCardException("Model card " + cardFile + " has no " + FILE_NAME + " beside it recording its threshold"
                    + " and calibration, so edits to them cannot be detected. Reinstall or retrain the model");
        } catch (IOException | RuntimeException e) {
            throw new ModelCardException("Model card record " + file + " cannot be read. Reinstall or retrain the model");
        }
    }

    /** Keys sorted, nulls dropped, at every level. */
    private static JsonNode canonical(JsonNode node) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            Collections.sort(names);
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            for (String name : names) {
                if (!node.get(name).isNull()) {
                    out.set(name, canonical(node.get(name)));
                }
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            node.forEach(v -> out.add(canonical(v)));
            return out;
        }
        return node;
    }

    /** Lines of "weights-sha256 seal  name version"; '#' starts a comment. */
    private static Map<String, String> loadShipped() {
        Map<String, String> seals = new HashMap<>();
        try (InputStream in = ModelCardSeal.class.getResourceAsStream(SHIPPED)) {
            if (in == null) {
                return seals;
            }
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    String[] parts = line.strip().split("\\s+");
                    if (parts.length >= 2 && !parts[0].startsWith("#")) {
                        seals.put(parts[0].toLowerCase(Locale.ROOT), parts[1].toLowerCase(Locale.ROOT));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the application's record of shipped model cards cannot be read", e);
        }
        return Map.copyOf(seals);
    }
}

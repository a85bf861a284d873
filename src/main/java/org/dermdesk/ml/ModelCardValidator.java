package org.dermdesk.ml;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads a model card and refuses it, naming the file and the field, unless every field that changes a
 * verdict is present, of the right type and in range: the card holds the operating threshold, the
 * calibration and the input size, so a typo there would silently change every result.
 */
final class ModelCardValidator {

    static final int MIN_INPUT_SIZE = 32;
    static final int MAX_INPUT_SIZE = 1024;
    private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");

    private final Path file;

    private ModelCardValidator(Path file) {
        this.file = file;
    }

    /** The card in {@code file}, checked; plain messages for a missing file, broken JSON and bad fields. */
    static ModelCard read(Path file, ObjectMapper mapper) throws ModelCardException {
        ModelCardValidator v = new ModelCardValidator(file);
        JsonNode card = v.parse(mapper);
        v.validate(card);
        try {
            return mapper.treeToValue(card, ModelCard.class);
        } catch (JsonMappingException e) {
            String field = e.getPath().stream().map(r -> r.getFieldName() == null ? "[" + r.getIndex() + "]" : r.getFieldName())
                    .collect(Collectors.joining("."));
            throw v.problem(field.isEmpty() ? "a field has the wrong type" : "field '" + field + "' has the wrong type");
        } catch (JsonProcessingException e) {
            throw v.problem("a field has the wrong type");
        }
    }

    private JsonNode parse(ObjectMapper mapper) throws ModelCardException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ModelCardException("Model folder " + file.getParent() + " has no " + file.getFileName() + ": reinstall the model");
        } catch (IOException e) {
            throw new ModelCardException("Model card " + file + " cannot be read: reinstall the model");
        }
        JsonNode card;
        try {
            card = mapper.reader().with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                    .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(bytes);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            throw problem("it is not valid JSON" + where);
        } catch (IOException e) {
            throw problem("it cannot be parsed");
        }
        if (card == null || !card.isObject()) {
            throw problem("it is not a JSON object");
        }
        return card;
    }

    private void validate(JsonNode card) throws ModelCardException {
        text(card, "name");
        text(card, "version");
        text(card, "architecture");
        String output = text(card, "output");
        if (Arrays.stream(MalignancyHead.values()).noneMatch(h -> h.output().equals(output))) {
            throw field("output", "is '" + output + "'; it must be one of "
                    + Arrays.stream(MalignancyHead.values()).map(h -> "'" + h.output() + "'").collect(Collectors.joining(", ")));
        }
        double threshold = number(card, "threshold", true);
        if (!(threshold > 0 && threshold < 1)) {
            throw field("threshold", "is " + threshold + "; it must be between 0 and 1 (exclusive)");
        }
        positive(card, "temperature", true);
        number(card, "calibration_bias", false);
        positive(card, "diagnosis_temperature", false);
        JsonNode tta = card.get("test_time_augmentation");
        if (tta != null && !tta.isNull() && !FlipAveraging.NAME.equals(tta.asText(null))) {
            throw field("test_time_augmentation", "must be '" + FlipAveraging.NAME + "' or absent");
        }
        input(card);
        JsonNode fusion = card.get("metadata_fusion");
        if (fusion != null && !fusion.isNull()) {
            if (!fusion.isObject()) {
                throw field("metadata_fusion", "must be an object");
            }
            for (String coefficient : new String[] {"intercept", "image_log_odds", "age_per_decade", "male", "female"}) {
                number(fusion, "metadata_fusion." + coefficient, coefficient, true);
            }
        }
        imageKind(card);
        lesionIdentity(card);
        String weights = text(card, "weights_file");
        if (weights.contains("/") || weights.contains("\\") || weights.startsWith(".")) {
            throw field("weights_file", "must be a file name inside the model folder");
        }
        if (!SHA256.matcher(text(card, "weights_sha256")).matches()) {
            throw field("weights_sha256", "must be 64 hexadecimal digits");
        }
    }

    private void imageKind(JsonNode card) throws ModelCardException {
        JsonNode kind = card.get("image_kind");
        if (kind == null || kind.isNull()) {
            return;
        }
        if (!kind.isObject()) {
            throw field("image_kind", "must be an object");
        }
        sideFile(kind, "image_kind");
        for (String name : new String[] {"dermoscopic_threshold", "unfamiliar_threshold"}) {
            double t = number(kind, "image_kind." + name, name, true);
            if (!(t > 0 && t < 1)) {
                throw field("image_kind." + name, "is " + t + "; it must be between 0 and 1 (exclusive)");
            }
        }
        String method = text(kind, "image_kind.unfamiliar_method", "unfamiliar_method");
        if (!method.equals(ImageKindModel.MAHALANOBIS) && !method.equals(ImageKindModel.ENERGY)) {
            throw field("image_kind.unfamiliar_method", "must be '" + ImageKindModel.MAHALANOBIS + "' or '" + ImageKindModel.ENERGY + "'");
        }
    }

    private void lesionIdentity(JsonNode card) throws ModelCardException {
        JsonNode identity = card.get("lesion_identity");
        if (identity == null || identity.isNull()) {
            return;
        }
        if (!identity.isObject()) {
            throw field("lesion_identity", "must be an object");
        }
        sideFile(identity, "lesion_identity");
    }

    /** A file beside the card that the card names and seals by its checksum. */
    private void sideFile(JsonNode node, String name) throws ModelCardException {
        String file = text(node, name + ".file", "file");
        if (file.contains("/") || file.contains("\\") || file.startsWith(".")) {
            throw field(name + ".file", "must be a file name inside the model folder");
        }
        if (!SHA256.matcher(text(node, name + ".sha256", "sha256")).matches()) {
            throw field(name + ".sha256", "must be 64 hexadecimal digits");
        }
    }

    private void input(JsonNode card) throws ModelCardException {
        JsonNode input = card.get("input");
        if (input == null || input.isNull()) {
            throw field("input", "is missing");
        }
        if (!input.isObject()) {
            throw field("input", "must be an object");
        }
        JsonNode size = input.get("size");
        if (size == null || size.isNull()) {
            throw field("input.size", "is missing");
        }
        if (!size.isIntegralNumber() || size.asLong() < MIN_INPUT_SIZE || size.asLong() > MAX_INPUT_SIZE) {
            throw field("input.size", "is " + size + "; it must be a whole number of pixels from "
                    + MIN_INPUT_SIZE + " to " + MAX_INPUT_SIZE);
        }
        channels(input, "mean", false);
        channels(input, "std", true);
        JsonNode constancy = input.get("color_constancy");
        if (constancy == null || !constancy.isBoolean()) {
            throw field("input.color_constancy", constancy == null ? "is missing" : "must be true or false");
        }
    }

    private void channels(JsonNode input, String name, boolean positive) throws ModelCardException {
        String path = "input." + name;
        JsonNode values = input.get(name);
        if (values == null || values.isNull()) {
            throw field(path, "is missing");
        }
        if (!values.isArray() || values.size() != 3) {
            throw field(path, "must be a list of 3 numbers (red, green, blue)");
        }
        for (JsonNode v : values) {
            if (!v.isNumber() || !Double.isFinite(v.asDouble()) || (positive && v.asDouble() <= 0)) {
                throw field(path, "holds " + v + "; each value must be a " + (positive ? "number above 0" : "finite number"));
            }
        }
    }

    private String text(JsonNode card, String name) throws ModelCardException {
        return text(card, name, name);
    }

    private String text(JsonNode node, String path, String name) throws ModelCardException {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            throw field(path, "is missing");
        }
        if (!v.isTextual() || v.asText().isBlank()) {
            throw field(path, "must be a non-empty text");
        }
        return v.asText();
    }

    private double number(JsonNode card, String name, boolean required) throws ModelCardException {
        return number(card, name, name, required);
    }

    /** @return the value, or NaN when an optional field is absent */
    private double number(JsonNode node, String path, String name, boolean required) throws ModelCardException {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            if (required) {
                throw field(path, "is missing");
            }
            return Double.NaN;
        }
        if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
            throw field(path, "is " + v + "; it must be a finite number");
        }
        return v.asDouble();
    }

    private void positive(JsonNode card, String name, boolean required) throws ModelCardException {
        double v = number(card, name, required);
        if (!Double.isNaN(v) && !(v > 0)) {
            throw field(name, "is " + v + "; it must be above 0");
        }
    }

    private ModelCardException field(String name, String problem) {
        return problem("field '" + name + "' " + problem);
    }

    private ModelCardException problem(String problem) {
        return new ModelCardException(String.format(Locale.ROOT, "Model card %s cannot be used: %s. Reinstall the model", file, problem));
    }
}

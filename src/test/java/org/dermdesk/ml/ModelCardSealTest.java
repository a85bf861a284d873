package org.dermdesk.ml;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dermdesk.testsupport.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The verdict fields of a model card are protected like its weights: an edit is refused, naming the card. */
class ModelCardSealTest {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @TempDir
    Path tmp;

    /** Fails for a model added to or retrained in models/, printing the line the jar's record needs. */
    @ParameterizedTest
    @MethodSource("org.dermdesk.ml.ShippedModelTest#shippedModels")
    void everyShippedCardIsRecordedInTheJarAndLoads(String model) throws Exception {
        Path dir = Path.of("models", model);
        ModelCard card = ModelCardValidator.read(dir.resolve(ModelCard.FILE_NAME), MAPPER);
        String line = card.weightsSha256() + " " + ModelCardSeal.of(card) + "  " + card.name() + " " + card.version();
        assertTrue(shippedRecord().contains(line), "add to src/main/resources/org/dermdesk/ml/" + ModelCardSeal.SHIPPED + ":\n" + line);
        assertEquals(card.threshold(), ModelCard.read(dir).threshold());
    }

    @Test
    void refusesAShippedCardWhoseThresholdWasEdited() throws Exception {
        Path copy = copyOfShippedCard();
        edit(copy, "\"threshold\" : [0-9.]+", "\"threshold\" : 0.5");
        ModelCardException e = assertThrows(ModelCardException.class, () -> ModelCard.read(copy));
        assertTrue(e.getMessage().contains(copy.resolve(ModelCard.FILE_NAME) + " was changed after the model was trained"), e.getMessage());
        assertTrue(e.getMessage().contains("threshold"), e.getMessage());
    }

    @Test
    void aShippedCardKeepsItsSealWhenOnlyDescriptiveFieldsChange() throws Exception {
        Path copy = copyOfShippedCard();
        edit(copy, "\"intended_use\" : \"", "\"intended_use\" : \"Edited wording. ");
        assertDoesNotThrow(() -> ModelCard.read(copy));
    }

    /** A model trained here gets its seal beside the card; without it, or after an edit, the card is refused. */
    @Test
    void aTrainedModelsCardIsSealedBesideIt() throws Exception {
        Path copy = copyOfShippedCard();
        edit(copy, "\"weights_sha256\" : \"[0-9a-f]{64}\"", "\"weights_sha256\" : \"" + "0".repeat(64) + "\""); // weights the jar does not know
        ModelCardException missing = assertThrows(ModelCardException.class, () -> ModelCard.read(copy));
        assertTrue(missing.getMessage().contains("has no " + ModelCardSeal.FILE_NAME), missing.getMessage());

        ModelCard card = ModelCardValidator.read(copy.resolve(ModelCard.FILE_NAME), MAPPER);
        card.write(copy);
        assertTrue(Files.isRegularFile(copy.resolve(ModelCardSeal.FILE_NAME)));
        assertEquals(card.threshold(), ModelCard.read(copy).threshold());

        edit(copy, "\"temperature\" : [0-9.]+", "\"temperature\" : 2.0");
        ModelCardException edited = assertThrows(ModelCardException.class, () -> ModelCard.read(copy));
        assertTrue(edited.getMessage().contains("was changed after the model was trained"), edited.getMessage());
        assertTrue(edited.getMessage().contains(ModelCardSeal.FILE_NAME), edited.getMessage());
    }

    private Path copyOfShippedCard() throws IOException {
        Path shipped = SharedData.shippedModel(ModelLocator.DEFAULT_MODEL);
        Path copy = Files.createDirectories(tmp.resolve("copy"));
        Files.copy(shipped.resolve(ModelCard.FILE_NAME), copy.resolve(ModelCard.FILE_NAME));
        return copy;
    }

    private static void edit(Path dir, String regex, String replacement) throws IOException {
        Path file = dir.resolve(ModelCard.FILE_NAME);
        String text = Files.readString(file);
        String edited = text.replaceFirst(regex, replacement);
        assertTrue(!edited.equals(text), "the card holds " + regex);
        Files.writeString(file, edited);
    }

    private static String shippedRecord() throws IOException {
        try (InputStream in = ModelCardSeal.class.getResourceAsStream(ModelCardSeal.SHIPPED)) {
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }
}

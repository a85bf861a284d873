package org.dermdesk.ml;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dermdesk.testsupport.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A model card with a field that would silently change every verdict is refused, naming the file and the field. */
class ModelCardValidatorTest {

    @TempDir
    Path tmp;

    /** Each row: the text replaced in the shipped card (a regular expression), its replacement, the field named. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "\"threshold\" : [0-9.]+,            | \"threshold\" : 1.5,           | threshold",
        "\"threshold\" : [0-9.]+,            | \"threshold\" : -1,            | threshold",
        "\"threshold\" : [0-9.]+,            | \"threshold\" : 0,             | threshold",
        "\"threshold\" : [0-9.]+,            | '' | threshold",
        "\"threshold\" : [0-9.]+,            | \"threshold\" : \"0.5\",       | threshold",
        "\"temperature\" : [0-9.]+,          | \"temperature\" : 0,           | temperature",
        "\"temperature\" : [0-9.]+,          | \"temperature\" : -2,          | temperature",
        "\"temperature\" : [0-9.]+,          | '' | temperature",
        "\"temperature\" : [0-9.]+,          | \"temperature\" : 1e400,       | temperature",
        "\"calibration_bias\" : [-0-9.]+,    | \"calibration_bias\" : \"x\",  | calibration_bias",
        "\"diagnosis_temperature\" : [0-9.]+,| \"diagnosis_temperature\" : 0,| diagnosis_temperature",
        "\"size\" : 112,                     | \"size\" : 5000,               | input.size",
        "\"size\" : 112,                     | \"size\" : 5,                  | input.size",
        "\"size\" : 112,                     | \"size\" : 112.5,              | input.size",
        "\"size\" : 112,                     | '' | input.size",
        "\"mean\" : \\[ [^]]+ \\],           | \"mean\" : [ 0.6, 0.5 ],       | input.mean",
        "\"std\" : \\[ [^]]+ \\],            | \"std\" : [ 0.2, 0, 0.2 ],     | input.std",
        "\"output\" : \"seven_way\",         | \"output\" : \"three_way\",    | output",
        "\"architecture\" : \"[^\"]+\",      | '' | architecture",
        "\"image_log_odds\" : [-0-9.]+,      | \"image_log_odds\" : null,     | metadata_fusion.image_log_odds",
        "\"weights_file\" : \"[^\"]+\",      | \"weights_file\" : \"../../x\",| weights_file",
    })
    void refusesACardWithAnInvalidField(String regex, String replacement, String field) throws Exception {
        Path dir = editedCopy(regex, replacement);
        IOException e = assertThrows(IOException.class, () -> ModelCard.read(dir));
        assertNamesFileAndField(e.getMessage(), dir, field);

        ModelLoadException load = assertThrows(ModelLoadException.class, () -> DjlLesionClassifier.open(dir));
        assertNamesFileAndField(load.getMessage(), dir, field);
    }

    @Test
    void brokenJsonGetsAPlainMessageNamingTheFile() throws Exception {
        Path dir = editedCopy("\"threshold\" : ([0-9.]+),", "\"threshold\" : $1 }");
        IOException e = assertThrows(IOException.class, () -> ModelCard.read(dir));
        String m = e.getMessage();
        assertTrue(m.contains(dir.resolve(ModelCard.FILE_NAME) + " cannot be used: it is not valid JSON (line 23, column"), m);
        assertFalse(m.contains("Unexpected character") || m.contains("jackson") || m.contains("Exception") || m.contains("Source:"), m);

        Files.writeString(dir.resolve(ModelCard.FILE_NAME), "{\"threshold\": 0.5, \"threshold\": 0.9}");
        assertTrue(assertThrows(IOException.class, () -> ModelCard.read(dir)).getMessage().contains("not valid JSON"), "a duplicate field");

        Files.writeString(dir.resolve(ModelCard.FILE_NAME), "[1, 2]");
        assertTrue(assertThrows(IOException.class, () -> ModelCard.read(dir)).getMessage().contains("not a JSON object"));
    }

    @Test
    void aMissingCardIsNamedPlainly() {
        IOException e = assertThrows(IOException.class, () -> ModelCard.read(tmp));
        assertTrue(e.getMessage().equals("Model folder " + tmp + " has no " + ModelCard.FILE_NAME + ": reinstall the model"), e.getMessage());
    }

    private static void assertNamesFileAndField(String message, Path dir, String field) {
        assertTrue(message.contains(dir.resolve(ModelCard.FILE_NAME).toString()), message);
        assertTrue(message.contains("field '" + field + "'"), message);
        assertFalse(message.contains("Exception") || message.contains("jackson"), message);
    }

    private Path editedCopy(String regex, String replacement) throws IOException {
        // the edits below match the layout of this card
        Path shipped = SharedData.shippedModel("resnet-lite-112");
        Path dir = Files.createDirectories(tmp.resolve("model"));
        String card = Files.readString(shipped.resolve(ModelCard.FILE_NAME));
        String edited = card.replaceFirst(regex.strip(), replacement.strip());
        assertFalse(edited.equals(card), "the shipped card holds " + regex);
        Files.writeString(dir.resolve(ModelCard.FILE_NAME), edited);
        return dir;
    }
}

package org.dermdesk.ml;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Everything needed to use a trained model and to reproduce its numbers; stored as
 * {@code model-card.json} beside the weights.
 *
 * @param output       "binary" (one logit, the seed); "seven_way" (p_malignant = mel + bcc + akiec of the
 *                     diagnosis softmax) or "seven_way_binary" (p_malignant from the malignancy logit)
 * @param diagnosisTemperature calibration temperature of the seven diagnosis logits (multi-task models)
 * @param temperature  calibration temperature fitted on validation: p = sigmoid(z / temperature + calibrationBias)
 * @param calibrationBias calibration bias fitted with the temperature (Platt scaling); null = 0
 * @param testTimeAugmentation "flip4" when logits are averaged over four mirrored views ({@link FlipAveraging}); null = none
 * @param metadataFusion how age and sex adjust the image's probability, fitted on validation; null = image only
 * @param threshold    operating threshold on the calibrated probability
 * @param thresholdRule how the threshold was chosen, in words
 * @param metrics      measured metrics by split name, e.g. "validation", "test", "image_level_test"
 * @param imageKind    the check of whether an image is dermoscopic and like the training data; null = none
 * @param lesionIdentity the space in which follow-up comparisons tell a re-take from another lesion; null = none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelCard(String name, String version, String architecture, InputSpec input, String output,
                        double temperature, Double calibrationBias, Double diagnosisTemperature, String testTimeAugmentation, MetadataFusion metadataFusion,
                        double threshold, String thresholdRule,
                        String weightsFile, String weightsSha256, long parameters,
                        Map<String, Object> split, Map<String, Object> training,
                        Map<String, Map<String, Object>> metrics, String dataLicence, String intendedUse,
                        ImageKindSpec imageKind, LesionIdentitySpec lesionIdentity) {

    public static final String FILE_NAME = "model-card.json";
    /** What every DermDesk model is for, as its card says. */
    public static final String INTENDED_USE = "Decision support for dermatologists reviewing one dermoscopic image; not a diagnosis.";

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** The card in {@code modelDir}, its fields checked and its verdict fields matched against their {@link ModelCardSeal seal}. */
    public static ModelCard read(Path modelDir) throws IOException {
        ModelCard card = ModelCardValidator.read(modelDir.resolve(FILE_NAME), MAPPER);
        ModelCardSeal.verify(modelDir, card);
        return card;
    }

    /** Writes the card and the {@link ModelCardSeal seal} of its verdict fields. */
    public void write(Path modelDir) throws IOException {
        MAPPER.writeValue(modelDir.resolve(FILE_NAME).toFile(), this);
        ModelCardSeal.write(modelDir, this);
    }

    /** This card with an image-kind check added or replaced. */
    public ModelCard withImageKind(ImageKindSpec spec) {
        return new ModelCard(name, version, architecture, input, output, temperature, calibrationBias, diagnosisTemperature,
                testTimeAugmentation, metadataFusion, threshold, thresholdRule, weightsFile, weightsSha256, parameters, split,
                training, metrics, dataLicence, intendedUse, spec, lesionIdentity);
    }

    /** This card with a lesion identity space added or replaced. */
    public ModelCard withLesionIdentity(LesionIdentitySpec spec) {
        return new ModelCard(name, version, architecture, input, output, temperature, calibrationBias, diagnosisTemperature,
                testTimeAugmentation, metadataFusion, threshold, thresholdRule, weightsFile, weightsSha256, parameters, split,
                training, metrics, dataLicence, intendedUse, imageKind, spec);
    }

    /** True when the model's logits are averaged over mirrored views, as it was calibrated. */
    public boolean flipAveraging() {
        return FlipAveraging.NAME.equals(testTimeAugmentation);
    }

    /** The calibration of the malignancy logit this card records. */
    public PlattScaling calibration() {
        return new PlattScaling(temperature, calibrationBias == null ? 0 : calibrationBias);
    }
}

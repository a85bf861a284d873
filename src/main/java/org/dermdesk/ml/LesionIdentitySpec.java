package org.dermdesk.ml;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * The model card's record of the lesion identity space ({@link LesionIdentityModel}): where its numbers are,
 * their checksum, how it was fitted and what was measured. Part of the card's seal, since it decides whether
 * two images are reported as one lesion.
 *
 * @param file    the space's parameters beside the card (binary, see {@link LesionIdentityModel})
 * @param sha256  their SHA-256
 * @param fitting how it was fitted, in words (data, pairs, dimension, shrinkage)
 * @param metrics what was measured on lesions it was not fitted on
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LesionIdentitySpec(String file, String sha256, String fitting, Map<String, Object> metrics) {
}

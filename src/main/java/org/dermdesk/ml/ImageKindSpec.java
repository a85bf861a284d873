package org.dermdesk.ml;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * The model card's record of the image-kind check ({@link ImageKindModel}): where its numbers are, their
 * checksum, and the two operating thresholds with how they were chosen. Part of the card's seal, since the
 * thresholds decide what the clinician is told.
 *
 * @param file                 the check's parameters beside the card (binary, see {@link ImageKindModel})
 * @param sha256               their SHA-256
 * @param dermoscopicThreshold the image is called dermoscopic at a score at or above this
 * @param unfamiliarThreshold  the image is called unfamiliar at a score at or above this (0.95: the
 *                             farthest 5% of in-distribution validation images)
 * @param unfamiliarMethod     {@value ImageKindModel#MAHALANOBIS} or {@value ImageKindModel#ENERGY}
 * @param thresholdRule        how the thresholds were chosen, in words
 * @param metrics              what was measured, for the record
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImageKindSpec(String file, String sha256, double dermoscopicThreshold, double unfamiliarThreshold,
                            String unfamiliarMethod, String thresholdRule, Map<String, Object> metrics) {
}

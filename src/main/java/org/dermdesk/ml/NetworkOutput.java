package org.dermdesk.ml;

/**
 * What the network computes for one image: its raw logits and, for networks built as a pretrained
 * backbone with a head, the backbone's pooled features the head read (null for other networks). The
 * features let {@link ImageKindModel} judge the image without a second forward pass.
 */
public record NetworkOutput(float[] logits, float[] features) {
}

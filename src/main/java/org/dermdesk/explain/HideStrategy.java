package org.dermdesk.explain;

/**
 * How a hidden superpixel is filled in a perturbed image. Never black: on dermoscopy a black patch
 * looks like pigment, so black occlusion adds evidence instead of removing it.
 */
public enum HideStrategy {
    /** Replace the segment by a heavily blurred copy of the image (texture and edges removed). */
    BLUR,
    /** Replace the segment by its own mean colour (texture removed, colour kept; LIME's default). */
    MEAN_COLOUR
}

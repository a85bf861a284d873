package org.dermdesk.explain;

/** Makes the perturbed images of one explanation: pixels for a set of shown segments. */
interface Perturbations {

    int width();

    int height();

    /** Interleaved RGB pixels with the segments where {@code keep} is true shown and the rest filled. */
    byte[] build(boolean[] keep);
}

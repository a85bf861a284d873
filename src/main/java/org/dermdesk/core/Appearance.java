package org.dermdesk.core;

import java.util.Arrays;

/**
 * How the network sees an image, placed in a space learned from re-takes of one lesion: the pooled
 * features projected onto the directions along which re-takes of one lesion differ little and different
 * lesions differ much. Comparing two images there gives the network's evidence that they show one lesion.
 *
 * <p>The evidence is a log-likelihood ratio of the difference between the two images' coordinates: under
 * "one lesion" (the spread of HAM10000 re-takes) against "two lesions" (the spread of random pairs), both
 * Gaussian. With each coordinate's weight w and the constant c of the two spreads (a metric learned as in
 * KISSME, Köstinger et al. 2012), evidence = (c - sum w (a - b)^2) / 2; above 0 favours one lesion.
 */
public final class Appearance {

    private final float[] coordinates;
    private final IdentitySpace space;

    /**
     * The learned space a model's appearances live in (one per model).
     *
     * @param weights  per coordinate, 1 / re-take variance - 1 / different-lesion variance
     * @param constant log of the different-lesion over the re-take spread's determinant
     */
    public record IdentitySpace(float[] weights, double constant) {
        public IdentitySpace {
            weights = weights.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof IdentitySpace s && Arrays.equals(weights, s.weights) && constant == s.constant;
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(weights);
        }

        @Override
        public String toString() {
            return "IdentitySpace[" + weights.length + " coordinates]";
        }
    }

    private Appearance(float[] coordinates, IdentitySpace space) {
        if (coordinates.length != space.weights().length) {
            throw new IllegalArgumentException(coordinates.length + " coordinates in a space of " + space.weights().length);
        }
        this.coordinates = coordinates.clone();
        this.space = space;
    }

    /** An image's appearance from its coordinates in a model's identity space. */
    public static Appearance of(float[] coordinates, IdentitySpace space) {
        return new Appearance(coordinates, space);
    }

    /**
     * The network's evidence that this image and another show one lesion: a log-likelihood ratio, above 0
     * favouring one lesion; NaN when the two come from different models.
     */
    public double sameLesionEvidence(Appearance other) {
        if (!space.equals(other.space)) return Double.NaN;
        double distance = 0;
        for (int i = 0; i < coordinates.length; i++) {
            double d = (double) coordinates[i] - other.coordinates[i];
            distance += space.weights()[i] * d * d;
        }
        return (space.constant() - distance) / 2;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Appearance a && Arrays.equals(coordinates, a.coordinates) && space.equals(a.space);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(coordinates);
    }

    @Override
    public String toString() {
        return "Appearance[" + coordinates.length + " coordinates]";
    }
}

package org.dermdesk.core;

import java.util.Arrays;

/**
 * How the network sees an image: the pretrained backbone's pooled features, which its head reads. Two
 * images of one lesion lie much closer in this space than two lesions do, whatever the zoom and the turn,
 * so a follow-up comparison uses it to tell a re-take from another lesion.
 */
public final class Appearance {

    private final float[] features;

    private Appearance(float[] features) {
        this.features = features.clone();
    }

    /** The appearance from a feature vector; null for null (a model without pooled features). */
    public static Appearance of(float[] features) {
        return features == null || features.length == 0 ? null : new Appearance(features);
    }

    /** Cosine similarity with another image's appearance, -1..1 (1 = alike); NaN when the models differ. */
    public double similarity(Appearance other) {
        if (other.features.length != features.length) return Double.NaN;
        double xy = 0;
        double xx = 0;
        double yy = 0;
        for (int i = 0; i < features.length; i++) {
            xy += (double) features[i] * other.features[i];
            xx += (double) features[i] * features[i];
            yy += (double) other.features[i] * other.features[i];
        }
        return xx == 0 || yy == 0 ? 0 : xy / Math.sqrt(xx * yy);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Appearance a && Arrays.equals(features, a.features);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(features);
    }

    @Override
    public String toString() {
        return "Appearance[" + features.length + " features]";
    }
}

package org.dermdesk.imaging;

import org.dermdesk.core.ArtifactKind;

/**
 * A detector's raw result at working size, before the gate maps it to full size.
 *
 * @param raw       the detector's evidence on its own scale (0 = none)
 * @param threshold the raw value from which the artifact counts as present
 * @param mask      where it is (working size, 0/255), or null for global properties
 */
record Detection(ArtifactKind kind, double raw, double threshold, byte[] mask) {

    boolean present() {
        return raw >= threshold;
    }

    /** Monotone map of raw to 0..1 that is 0.5 exactly at the threshold: raw / (raw + threshold). */
    double score() {
        double r = Math.max(0, raw);
        double s = r / (r + threshold);
        return Double.isFinite(s) ? Math.min(1, Math.max(0, s)) : 0;
    }
}

package org.dermdesk.core;

/**
 * Stolz's total dermoscopy score of the ABCD rule: TDS = 1.3 A + 0.1 B + 0.5 C + 0.5 D, with A the
 * asymmetry (0-2), B the abrupt border sectors (0-8), C the colours (1-6) and D the differential
 * structures (1-5: network, structureless areas, dots, globules, streaks). Below 4.75 reads benign,
 * 4.75 to 5.45 suspicious, above 5.45 highly suspicious of melanoma.
 *
 * <p>D cannot be estimated from the outline and colours alone: when {@code structures} is null the
 * score {@link #value() omits it}, and {@link #lowest()}..{@link #highest()} is the range the full score
 * could take once a clinician counts the structures (D = 1..5 adds 0.5..2.5).
 *
 * @param structures D, or null when it was not estimated
 */
public record TotalDermoscopyScore(int asymmetry, int border, int colours, Integer structures) {

    public static final double SUSPICIOUS_FROM = 4.75;
    public static final double MELANOMA_ABOVE = 5.45;

    /** How the score reads against the usual cut-offs. */
    public enum Reading {
        BENIGN, SUSPICIOUS, HIGHLY_SUSPICIOUS,
        /** D is omitted and the cut-offs fall inside the range the full score could take. */
        DEPENDS_ON_STRUCTURES
    }

    public TotalDermoscopyScore {
        check("asymmetry", asymmetry, 0, 2);
        check("border", border, 0, 8);
        check("colours", colours, 0, 6);
        if (structures != null) {
            check("structures", structures, 1, 5);
        }
    }

    /** The score from what an image measurement gives: D omitted. */
    public static TotalDermoscopyScore withoutStructures(int asymmetry, int border, int colours) {
        // a lesion always shows at least one colour; a colour count of 0 means none reached the threshold
        return new TotalDermoscopyScore(asymmetry, border, Math.max(1, colours), null);
    }

    public boolean omitsStructures() {
        return structures == null;
    }

    /** 1.3 A + 0.1 B + 0.5 C (+ 0.5 D where known). */
    public double value() {
        double partial = 1.3 * asymmetry + 0.1 * border + 0.5 * colours;
        return structures == null ? round(partial) : round(partial + 0.5 * structures);
    }

    /** The smallest full score: D = 1 when omitted. */
    public double lowest() {
        return structures == null ? round(value() + 0.5) : value();
    }

    /** The largest full score: D = 5 when omitted. */
    public double highest() {
        return structures == null ? round(value() + 2.5) : value();
    }

    public Reading reading() {
        if (highest() < SUSPICIOUS_FROM) {
            return Reading.BENIGN;
        }
        if (lowest() > MELANOMA_ABOVE) {
            return Reading.HIGHLY_SUSPICIOUS;
        }
        if (lowest() >= SUSPICIOUS_FROM && highest() <= MELANOMA_ABOVE) {
            return Reading.SUSPICIOUS;
        }
        return Reading.DEPENDS_ON_STRUCTURES;
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private static void check(String what, int v, int min, int max) {
        if (v < min || v > max) {
            throw new IllegalArgumentException(what + " must be " + min + ".." + max + ": " + v);
        }
    }
}

package org.dermdesk.core;

/** The image-quality problems the gate looks for; {@link #key()} is the stable name used in JSON and CSV. */
public enum ArtifactKind {
    HAIR("hair", "Hair", true),
    RULER("ruler", "Ruler / scale bar", true),
    INK("ink", "Ink marking", true),
    DARK_CORNER("dark_corner", "Dark corners", true),
    GEL_BUBBLE("gel_bubble", "Gel / glare spots", true),
    BLUR("blur", "Blur", false),
    EXPOSURE("exposure", "Exposure", false);

    private final String key;
    private final String label;
    private final boolean localised;

    ArtifactKind(String key, String label, boolean localised) {
        this.key = key;
        this.label = label;
        this.localised = localised;
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    /** Whether the artifact has a location in the image (and so a mask and coverages). */
    public boolean localised() {
        return localised;
    }
}

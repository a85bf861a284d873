package org.dermdesk.ui;

import java.util.Optional;
import org.dermdesk.core.ArtifactKind;

/** The layers drawn over the image, with their default colours (Okabe-Ito, readable with colour-vision deficiency). */
public enum OverlayKind {
    LESION_BORDER("Lesion border", null, "#F0E442"),
    HAIR("Hair", ArtifactKind.HAIR, "#56B4E9"),
    RULER("Ruler", ArtifactKind.RULER, "#009E73"),
    INK("Ink", ArtifactKind.INK, "#CC79A7"),
    DARK_CORNER("Dark corners", ArtifactKind.DARK_CORNER, "#E69F00"),
    HEATMAP("Top regions outline", null, "#FFFFFF"),
    /** Drawn as lines and labels rather than a raster: the largest diameter and, with a scale, a scale bar. */
    MEASUREMENT("Scale and diameter", null, "#FFFFFF");

    private final String label;
    private final ArtifactKind artifact;
    private final String defaultColour;

    OverlayKind(String label, ArtifactKind artifact, String defaultColour) {
        this.label = label;
        this.artifact = artifact;
        this.defaultColour = defaultColour;
    }

    public String label() {
        return label;
    }

    /** The artifact whose mask this layer shows, if it shows one. */
    public Optional<ArtifactKind> artifact() {
        return Optional.ofNullable(artifact);
    }

    /** Whether this layer is a raster (masks, heatmap) rather than lines and labels drawn at screen size. */
    public boolean raster() {
        return this != MEASUREMENT;
    }

    public String defaultColour() {
        return defaultColour;
    }

    /** Preference key of this layer's colour. */
    String colourKey() {
        return "colour." + name().toLowerCase(java.util.Locale.ROOT);
    }
}

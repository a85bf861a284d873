package org.dermdesk.imaging;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dermdesk.core.ArtifactFinding;
import org.dermdesk.core.ArtifactKind;
import org.dermdesk.core.LesionRegion;
import org.dermdesk.core.Mask;

/**
 * Decides from the detectors' findings whether an image must be retaken. Severity-based: an
 * artifact alone is not a reason (about half of all clinical images show some hair or a ruler);
 * only artifacts that hide or distort the lesion, or make the whole image unreadable, are.
 *
 * <table>
 *   <caption>Retake rules (any one triggers a retake)</caption>
 *   <tr><th>rule</th><th>condition</th><th>constant</th></tr>
 *   <tr><td>no lesion</td><td>segmented lesion &lt; 0.3% of the image</td><td>{@link #MIN_LESION_FRACTION}</td></tr>
 *   <tr><td>lesion cut off</td><td>lesion runs along &ge; 15% of the image frame, and its edge is clear
 *       (darkness contrast to the surrounding skin &ge; 30; a faint mask that touches the border is more
 *       likely a segmentation that followed shading)</td><td>{@link #MAX_BORDER_CONTACT},
 *       {@link #MIN_EDGE_CONTRAST}</td></tr>
 *   <tr><td>hair</td><td>hair present and covering &ge; 10% of the lesion</td><td>{@link #MAX_HAIR_ON_LESION}</td></tr>
 *   <tr><td>ruler</td><td>ruler present and crossing &ge; 5% of the lesion</td><td>{@link #MAX_RULER_ON_LESION}</td></tr>
 *   <tr><td>ink</td><td>ink present and covering &ge; 3% of the lesion</td><td>{@link #MAX_INK_ON_LESION}</td></tr>
 *   <tr><td>dark corners</td><td>the aperture's dark rim covers &ge; 45% of the image</td><td>{@link #MAX_DARK_RIM}</td></tr>
 *   <tr><td>blur</td><td>blur detector present (Laplacian variance below its limit)</td><td>-</td></tr>
 *   <tr><td>exposure</td><td>exposure detector present (clipped or near-black areas, or too dark)</td><td>-</td></tr>
 * </table>
 *
 * <p>Gel bubbles / immersion fluid are reported but never a reason on their own: the detector measures
 * small specular glints (evidence that fluid was used), and on a lesion such glints are as often white
 * scale or light hairs as bubbles. A former rule (glints over &ge; 3% of the lesion) fired on 2 of 493
 * development images, both visibly without bubbles (white keratotic scale; white hairs).
 */
public final class RetakePolicy {

    public static final double MIN_LESION_FRACTION = 0.003;
    public static final double MAX_BORDER_CONTACT = 0.15;
    public static final double MIN_EDGE_CONTRAST = 30;
    public static final double MAX_HAIR_ON_LESION = 0.10;
    public static final double MAX_RULER_ON_LESION = 0.05;
    public static final double MAX_INK_ON_LESION = 0.03;
    public static final double MAX_DARK_RIM = 0.45;

    /** The reasons to retake, in a fixed order; empty when the image can be used. The lesion's edge is taken as clear. */
    public List<String> reasons(Map<ArtifactKind, ArtifactFinding> findings, LesionRegion lesion) {
        return reasons(findings, lesion, Double.POSITIVE_INFINITY);
    }

    /**
     * The reasons to retake, in a fixed order; empty when the image can be used.
     *
     * @param edgeContrast how clearly the lesion stands out from the skin around it (mean darkness
     *                     difference, 0..255); below {@link #MIN_EDGE_CONTRAST} a border contact is not
     *                     called a cut-off lesion
     */
    public List<String> reasons(Map<ArtifactKind, ArtifactFinding> findings, LesionRegion lesion, double edgeContrast) {
        List<String> out = new ArrayList<>();
        Mask m = lesion.mask();
        double lesionFraction = (double) lesion.area() / ((long) m.width() * m.height());
        if (lesionFraction < MIN_LESION_FRACTION) {
            out.add("No lesion could be found — centre the lesion in the field of view and retake.");
        } else if (borderContact(m) >= MAX_BORDER_CONTACT && edgeContrast >= MIN_EDGE_CONTRAST) {
            out.add("The lesion is cut off by the image border — centre the whole lesion with a margin of skin and retake.");
        }
        ArtifactFinding hair = findings.get(ArtifactKind.HAIR);
        if (onLesion(hair, MAX_HAIR_ON_LESION)) {
            out.add("Hair covers about " + percent(hair.coverageLesion())
                    + " of the lesion — shave or use immersion fluid and retake.");
        }
        ArtifactFinding ruler = findings.get(ArtifactKind.RULER);
        if (onLesion(ruler, MAX_RULER_ON_LESION)) {
            out.add("A ruler or scale bar crosses the lesion — move it off the lesion and retake.");
        }
        ArtifactFinding ink = findings.get(ArtifactKind.INK);
        if (onLesion(ink, MAX_INK_ON_LESION)) {
            out.add("Ink marking lies over about " + percent(ink.coverageLesion())
                    + " of the lesion — mark around the lesion, not on it, and retake.");
        }
        ArtifactFinding rim = findings.get(ArtifactKind.DARK_CORNER);
        if (rim != null && rim.present() && rim.coverageImage() >= MAX_DARK_RIM) {
            out.add("The scope's dark rim covers about " + percent(rim.coverageImage())
                    + " of the image — zoom in or hold the dermatoscope flat on the skin and retake.");
        }
        ArtifactFinding blur = findings.get(ArtifactKind.BLUR);
        if (blur != null && blur.present()) {
            out.add("The image is blurred — hold the dermatoscope still, refocus and retake.");
        }
        ArtifactFinding exposure = findings.get(ArtifactKind.EXPOSURE);
        if (exposure != null && exposure.present()) {
            out.add("The image is badly exposed (too dark or with glare) — adjust the lighting and retake.");
        }
        return out;
    }

    private static boolean onLesion(ArtifactFinding f, double limit) {
        return f != null && f.present() && f.coverageLesion() >= limit;
    }

    /** "about 30%" style: rounded to the nearest 5%, never below 5%. */
    static String percent(double fraction) {
        long p = Math.max(5, Math.round(fraction * 20) * 5);
        return p + "%";
    }

    /** Fraction of the image's outermost pixel frame that lies in the mask. */
    static double borderContact(Mask m) {
        int w = m.width();
        int h = m.height();
        int in = 0;
        for (int x = 0; x < w; x++) {
            if (m.contains(x, 0)) in++;
            if (h > 1 && m.contains(x, h - 1)) in++;
        }
        for (int y = 1; y < h - 1; y++) {
            if (m.contains(0, y)) in++;
            if (w > 1 && m.contains(w - 1, y)) in++;
        }
        int frame = w * 2 + Math.max(0, h - 2) * 2;
        return (double) in / frame;
    }
}

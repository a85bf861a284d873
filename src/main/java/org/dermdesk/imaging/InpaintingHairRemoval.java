package org.dermdesk.imaging;

import java.util.Optional;
import org.dermdesk.core.ArtifactFinding;
import org.dermdesk.core.ArtifactKind;
import org.dermdesk.core.HairRemoval;
import org.dermdesk.core.LesionImage;
import org.dermdesk.core.Mask;
import org.dermdesk.core.QualityReport;

/**
 * {@link HairRemoval} by {@link HairRemover}'s inpainting. Reuses the quality gate's hair mask when the
 * report carries one (the same {@link HairDetector} mask, so the hair is not detected twice); inpaints
 * it whether or not the gate judged hair "present", as {@code evaluate --remove-hair} measured it.
 */
public final class InpaintingHairRemoval implements HairRemoval {

    private final HairRemover remover = new HairRemover();

    @Override
    public LesionImage apply(LesionImage image, QualityReport quality) {
        Optional<Mask> gateMask = quality == null ? Optional.empty()
                : quality.finding(ArtifactKind.HAIR).flatMap(ArtifactFinding::maskIfAny)
                        .filter(m -> m.width() == image.width() && m.height() == image.height());
        if (gateMask.isEmpty()) {
            return remover.remove(image);
        }
        return gateMask.get().area() == 0 ? image : remover.remove(image, gateMask.get());
    }
}

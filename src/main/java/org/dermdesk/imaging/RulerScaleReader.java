package org.dermdesk.imaging;

import org.dermdesk.core.LesionImage;
import org.dermdesk.core.RulerReader;
import org.dermdesk.core.Scale;

/** The ruler scale of a whole image ({@link RulerScale} on its working copy), without segmenting a lesion. Thread-safe. */
public final class RulerScaleReader implements RulerReader {

    @Override
    public Scale read(LesionImage image) {
        try (WorkingCopy wc = WorkingCopy.of(image)) {
            return RulerScale.find(wc);
        }
    }
}

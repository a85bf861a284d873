package org.dermdesk.imaging;

import org.dermdesk.core.ArtifactKind;

/** One artifact detector working on a shared {@link WorkingCopy}. */
interface ArtifactDetector {

    ArtifactKind kind();

    Detection detect(WorkingCopy image);
}

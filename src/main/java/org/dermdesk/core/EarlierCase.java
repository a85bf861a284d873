package org.dermdesk.core;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/**
 * One saved case of a lesion, as the comparison lists it: when, which image and what the model said.
 *
 * @param savedAt     when the case was saved
 * @param caseId      the case's identifier (its image's file name by default)
 * @param image       the image file as saved, or null when the log has no path for it
 * @param imageSha256 SHA-256 of the image's bytes when saved: a file changed since no longer matches
 * @param pMalignant  the probability shown then
 */
public record EarlierCase(Instant savedAt, String caseId, Path image, String imageSha256, double pMalignant) {

    public EarlierCase {
        Objects.requireNonNull(savedAt, "savedAt");
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(imageSha256, "imageSha256");
    }

    /** Says only the case id and when: never patient details. */
    @Override
    public String toString() {
        return "EarlierCase[" + caseId + ", " + savedAt + "]";
    }
}

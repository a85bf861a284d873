package org.dermdesk.ml;

import java.nio.file.Path;
import org.dermdesk.core.CaseDetails;
import org.dermdesk.core.Diagnosis;

/**
 * One development image with its labels.
 *
 * @param lesionId  the lesion it shows; images of one lesion always share a split
 * @param diagnosis the HAM10000 diagnosis, or null where only the binary label is known (ISIC 2017)
 * @param age       approximate age in years, or null when unknown
 * @param sex       "male", "female" or "" when unknown
 * @param skinTone  MILK10k's ordinal skin tone class 0-5, or null where not recorded
 */
public record LabeledImage(String imageId, Path file, String lesionId, DataSource source,
                           Diagnosis diagnosis, boolean malignant, Integer age, String sex, String site, Integer skinTone) {

    /** Palms and soles: the acral collection, or an acral body site in another collection's metadata. */
    public boolean acralSite() {
        String s = site == null ? "" : site.toLowerCase(java.util.Locale.ROOT);
        return source == DataSource.ACRAL || s.contains("acral") || s.contains("palm") || s.contains("sole");
    }

    /** The same image with another group key (lesion, or patient where known) for splitting. */
    public LabeledImage withLesionId(String group) {
        return new LabeledImage(imageId, file, group, source, diagnosis, malignant, age, sex, site, skinTone);
    }

    /** What the dataset says of the patient, as a user would enter it. */
    public CaseDetails details() {
        return new CaseDetails(age, sex, site, null);
    }
}

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
 */
public record LabeledImage(String imageId, Path file, String lesionId, DataSource source,
                           Diagnosis diagnosis, boolean malignant, Integer age, String sex, String site) {

    /** What the dataset says of the patient, as a user would enter it. */
    public CaseDetails details() {
        return new CaseDetails(age, sex, site, null);
    }
}

package org.dermdesk.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import org.dermdesk.core.CaseDetails;
import org.dermdesk.core.CaseRecord;
import org.dermdesk.core.ImageSuitability;
import org.dermdesk.core.Prediction;
import org.dermdesk.core.ResultWording;

/**
 * One row of the case log, typed. Probabilities are kept to 4 decimals and timestamps to the second,
 * as the log stores them, so an entry read back from a version 2 log equals the entry written (a version 1
 * log keeps {@link #asVersion1()} of it).
 *
 * Empty optional text is held as null (the log cannot tell the two apart).
 *
 * @param pMalignant          the probability shown: the image's, or the one that also weighs age and sex
 * @param pMalignantImageOnly the probability from the image alone (equal to {@code pMalignant} when not
 *                            adjusted); null when unknown, as in rows of a version 1 log
 * @param adjustedForAgeAndSex whether {@code pMalignant} weighs the patient's age and sex; null when
 *                            unknown (version 1 rows). Known exactly when {@code pMalignantImageOnly} is.
 * @param hairRemoved         whether the model saw the image after digital hair removal; null when
 *                            unknown (version 1 rows)
 * @param retake  true/false from the quality gate, or null when the gate did not run
 * @param reasons the retake reasons (stored one per line in a single cell)
 * @param measurements the lesion measurement; null when none was made or the row is older than version 3
 * @param suitability whether the image looked dermoscopic and like the training images; null when the model
 *                    had no such check or the row is older than version 4
 * @param patientId   the patient identifier; null when none was given or the row is older than version 5
 * @param lesionId    the lesion's label; null when none was given or the row is older than version 5
 */
public record CaseLogEntry(Instant timestamp, String caseId, String imagePath, String imageSha256,
                           Integer age, String sex, String site, double pMalignant,
                           Double pMalignantImageOnly, Boolean adjustedForAgeAndSex, Boolean hairRemoved, String verdict,
                           double threshold, Boolean retake, List<String> reasons,
                           String modelName, String modelVersion, String modelSha256, String reviewerNotes,
                           CaseLogMeasurements measurements, ImageSuitability suitability,
                           String patientId, String lesionId) {

    /** An entry without a patient or lesion identifier (rows before version 5). */
    public CaseLogEntry(Instant timestamp, String caseId, String imagePath, String imageSha256,
                        Integer age, String sex, String site, double pMalignant,
                        Double pMalignantImageOnly, Boolean adjustedForAgeAndSex, Boolean hairRemoved, String verdict,
                        double threshold, Boolean retake, List<String> reasons,
                        String modelName, String modelVersion, String modelSha256, String reviewerNotes,
                        CaseLogMeasurements measurements, ImageSuitability suitability) {
        this(timestamp, caseId, imagePath, imageSha256, age, sex, site, pMalignant, pMalignantImageOnly, adjustedForAgeAndSex,
                hairRemoved, verdict, threshold, retake, reasons, modelName, modelVersion, modelSha256, reviewerNotes,
                measurements, suitability, null, null);
    }

    /** An entry without the image-kind check (rows before version 4). */
    public CaseLogEntry(Instant timestamp, String caseId, String imagePath, String imageSha256,
                        Integer age, String sex, String site, double pMalignant,
                        Double pMalignantImageOnly, Boolean adjustedForAgeAndSex, Boolean hairRemoved, String verdict,
                        double threshold, Boolean retake, List<String> reasons,
                        String modelName, String modelVersion, String modelSha256, String reviewerNotes,
                        CaseLogMeasurements measurements) {
        this(timestamp, caseId, imagePath, imageSha256, age, sex, site, pMalignant, pMalignantImageOnly, adjustedForAgeAndSex,
                hairRemoved, verdict, threshold, retake, reasons, modelName, modelVersion, modelSha256, reviewerNotes,
                measurements, (ImageSuitability) null);
    }

    /** An entry without a measurement. */
    public CaseLogEntry(Instant timestamp, String caseId, String imagePath, String imageSha256,
                        Integer age, String sex, String site, double pMalignant,
                        Double pMalignantImageOnly, Boolean adjustedForAgeAndSex, Boolean hairRemoved, String verdict,
                        double threshold, Boolean retake, List<String> reasons,
                        String modelName, String modelVersion, String modelSha256, String reviewerNotes) {
        this(timestamp, caseId, imagePath, imageSha256, age, sex, site, pMalignant, pMalignantImageOnly, adjustedForAgeAndSex,
                hairRemoved, verdict, threshold, retake, reasons, modelName, modelVersion, modelSha256, reviewerNotes, null,
                (ImageSuitability) null);
    }

    public CaseLogEntry {
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(imageSha256, "imageSha256");
        imagePath = emptyToNull(imagePath);
        sex = emptyToNull(sex);
        site = emptyToNull(site);
        verdict = emptyToNull(verdict);
        modelName = emptyToNull(modelName);
        modelVersion = emptyToNull(modelVersion);
        modelSha256 = emptyToNull(modelSha256);
        reviewerNotes = emptyToNull(reviewerNotes);
        patientId = emptyToNull(patientId);
        lesionId = emptyToNull(lesionId);
        timestamp = timestamp.truncatedTo(ChronoUnit.SECONDS);
        pMalignant = round4(pMalignant);
        if ((pMalignantImageOnly == null) != (adjustedForAgeAndSex == null)) {
            // half-known provenance would let an adjusted figure pass for an image-only one
            throw new IllegalArgumentException("image-only probability and adjustment must both be known or both unknown");
        }
        pMalignantImageOnly = pMalignantImageOnly == null ? null : round4(pMalignantImageOnly);
        threshold = round4(threshold);
        suitability = suitability == null ? null : new ImageSuitability(suitability.dermoscopic(),
                round4(suitability.dermoscopicScore()), suitability.unfamiliar(), round4(suitability.unfamiliarScore()));
        // one reason per line in the cell: a reason itself must not contain a line break
        reasons = reasons == null ? List.of()
                : reasons.stream().map(r -> r.replaceAll("[\\r\\n]+", " ").strip()).filter(r -> !r.isEmpty()).toList();
    }

    public static CaseLogEntry of(CaseRecord r) {
        Prediction p = r.prediction();
        CaseDetails d = r.details();
        Boolean retake = r.quality() == null ? null : r.quality().retake();
        List<String> reasons = r.quality() == null ? List.of() : r.quality().retakeReasons();
        return new CaseLogEntry(r.timestamp(), r.caseId(), r.imagePath().toString(), r.imageSha256(),
                d.age(), d.sex(), d.bodySite(), p.pMalignant(), p.imagePMalignant(), p.adjustedForPatient(), r.hairRemoved(),
                ResultWording.verdictCode(p), p.threshold(),
                retake, reasons, p.model() == null ? null : p.model().name(),
                p.model() == null ? null : p.model().version(), p.model() == null ? null : p.model().sha256(),
                d.reviewerNotes(), r.quality() == null || r.quality().measurements() == null ? null
                        : CaseLogMeasurements.of(r.quality().measurements()), p.suitability(), d.patientId(), d.lesionId());
    }

    /** This entry as a version 4 log keeps it: without the patient and lesion identifiers. */
    public CaseLogEntry asVersion4() {
        return new CaseLogEntry(timestamp, caseId, imagePath, imageSha256, age, sex, site, pMalignant, pMalignantImageOnly,
                adjustedForAgeAndSex, hairRemoved, verdict, threshold, retake, reasons, modelName, modelVersion, modelSha256,
                reviewerNotes, measurements, suitability);
    }

    /** Whether this case is of the given patient's given lesion (identifiers compared ignoring case and outer spaces). */
    public boolean isLesion(String patient, String lesion) {
        return patientId != null && lesionId != null && patient != null && lesion != null
                && patientId.strip().equalsIgnoreCase(patient.strip()) && lesionId.strip().equalsIgnoreCase(lesion.strip());
    }

    /** Says only the case id and image checksum: the entry holds patient details, which are never logged. */
    @Override
    public String toString() {
        return "CaseLogEntry[" + caseId + ", " + imageSha256.substring(0, Math.min(12, imageSha256.length())) + "...]";
    }

    /** This entry as a version 3 log keeps it: without the image-kind check. */
    public CaseLogEntry asVersion3() {
        return new CaseLogEntry(timestamp, caseId, imagePath, imageSha256, age, sex, site, pMalignant, pMalignantImageOnly,
                adjustedForAgeAndSex, hairRemoved, verdict, threshold, retake, reasons, modelName, modelVersion, modelSha256,
                reviewerNotes, measurements);
    }

    /** This entry as a version 2 log keeps it: without the measurement. */
    public CaseLogEntry asVersion2() {
        return new CaseLogEntry(timestamp, caseId, imagePath, imageSha256, age, sex, site, pMalignant, pMalignantImageOnly,
                adjustedForAgeAndSex, hairRemoved, verdict, threshold, retake, reasons, modelName, modelVersion, modelSha256,
                reviewerNotes);
    }

    /** This entry as a version 1 log keeps it: without the image-only probability, whether it was adjusted or hair removed. */
    public CaseLogEntry asVersion1() {
        return new CaseLogEntry(timestamp, caseId, imagePath, imageSha256, age, sex, site, pMalignant, null, null, null,
                verdict, threshold, retake, reasons, modelName, modelVersion, modelSha256, reviewerNotes);
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static double round4(double v) {
        return Double.isFinite(v) ? BigDecimal.valueOf(v).setScale(4, RoundingMode.HALF_EVEN).doubleValue() : v;
    }
}

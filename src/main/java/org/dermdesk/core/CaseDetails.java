package org.dermdesk.core;

/**
 * What the user entered about the patient and lesion: the only patient data DermDesk holds.
 *
 * <p><b>Never log these values</b> (not even at debug level): {@link #toString()} deliberately
 * prints only which fields are filled in, so that a record passed to a logger by mistake leaks nothing.
 * They are written only to the case log and the PDF the user asks for.
 *
 * @param age           age in years, or null when not given
 * @param sex           free text as entered or imported ("female", "male"...), or null
 * @param bodySite      anatomical site ("back", "lower extremity"...), or null
 * @param reviewerNotes the reviewing clinician's notes, any length and language, or null
 * @param patientId     the clinic's patient identifier, or null: with {@code lesionId} it finds the same
 *                      lesion's earlier cases in the case log
 * @param lesionId      the lesion's label for this patient ("L1", "left scapula naevus"...), or null
 */
public record CaseDetails(Integer age, String sex, String bodySite, String reviewerNotes, String patientId, String lesionId) {

    private static final CaseDetails NONE = new CaseDetails(null, null, null, null);

    /** Details without a patient or lesion identifier. */
    public CaseDetails(Integer age, String sex, String bodySite, String reviewerNotes) {
        this(age, sex, bodySite, reviewerNotes, null, null);
    }

    public CaseDetails {
        if (age != null && (age < 0 || age > 130)) {
            throw new IllegalArgumentException("age out of range");
        }
        sex = blankToNull(sex);
        bodySite = blankToNull(bodySite);
        reviewerNotes = blankToNull(reviewerNotes);
        patientId = blankToNull(patientId);
        lesionId = blankToNull(lesionId);
    }

    /** No details entered. */
    public static CaseDetails none() {
        return NONE;
    }

    /** The same details with other reviewer notes. */
    public CaseDetails withReviewerNotes(String notes) {
        return new CaseDetails(age, sex, bodySite, notes, patientId, lesionId);
    }

    /** The same details for the given patient and lesion. */
    public CaseDetails withIdentity(String patient, String lesion) {
        return new CaseDetails(age, sex, bodySite, reviewerNotes, patient, lesion);
    }

    /** Whether both the patient and the lesion are named, so that earlier cases of the lesion can be found. */
    public boolean identifiesLesion() {
        return patientId != null && lesionId != null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Says only which fields are present, never their values (patient data is never logged). */
    @Override
    public String toString() {
        return "CaseDetails[age " + (age == null ? "-" : "set") + ", sex " + (sex == null ? "-" : "set")
                + ", site " + (bodySite == null ? "-" : "set") + ", notes " + (reviewerNotes == null ? "-" : "set")
                + ", patient " + (patientId == null ? "-" : "set") + ", lesion " + (lesionId == null ? "-" : "set") + "]";
    }
}

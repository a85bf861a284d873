package org.dermdesk.ui;

/**
 * What the reviewer records about the case. Empty strings mean "not given".
 *
 * @param age      age in years as entered (kept as text so nothing the user typed is lost)
 * @param sex      "male", "female", "other" or empty
 * @param bodySite anatomical site, free text
 * @param notes    reviewer notes
 */
public record CaseDetails(String age, String sex, String bodySite, String notes) {

    public static final CaseDetails EMPTY = new CaseDetails("", "", "", "");

    public CaseDetails {
        age = age == null ? "" : age;
        sex = sex == null ? "" : sex;
        bodySite = bodySite == null ? "" : bodySite;
        notes = notes == null ? "" : notes;
    }
}

package org.dermdesk.ui;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.dermdesk.core.CaseDetails;
import java.util.List;

/** The reviewer's case details, editable; never cleared on an error. */
public final class CaseViewModel {

    public static final List<String> SEXES = List.of("", "female", "male", "other");

    private final StringProperty age = new SimpleStringProperty("");
    private final StringProperty sex = new SimpleStringProperty("");
    private final StringProperty bodySite = new SimpleStringProperty("");
    private final StringProperty notes = new SimpleStringProperty("");
    private final StringProperty patientId = new SimpleStringProperty("");
    private final StringProperty lesionId = new SimpleStringProperty("");

    public StringProperty ageProperty() {
        return age;
    }

    public StringProperty sexProperty() {
        return sex;
    }

    public StringProperty bodySiteProperty() {
        return bodySite;
    }

    public StringProperty notesProperty() {
        return notes;
    }

    public StringProperty patientIdProperty() {
        return patientId;
    }

    public StringProperty lesionIdProperty() {
        return lesionId;
    }

    /** The details as entered; call only when {@link #ageProblem()} is empty. */
    public CaseDetails details() {
        String a = age.get() == null ? "" : age.get().trim();
        return new CaseDetails(a.isEmpty() ? null : Integer.valueOf(a), sex.get(), bodySite.get(), notes.get(),
                patientId.get(), lesionId.get());
    }

    /** Fills the fields for a newly opened image. */
    public void reset(CaseDetails d) {
        age.set(d.age() == null ? "" : d.age().toString());
        sex.set(d.sex() == null ? "" : d.sex());
        bodySite.set(d.bodySite() == null ? "" : d.bodySite());
        notes.set(d.reviewerNotes() == null ? "" : d.reviewerNotes());
        patientId.set(d.patientId() == null ? "" : d.patientId());
        lesionId.set(d.lesionId() == null ? "" : d.lesionId());
    }

    /** An error message when the age is not a plausible number of years, else empty. */
    public String ageProblem() {
        String a = age.get() == null ? "" : age.get().trim();
        if (a.isEmpty()) {
            return "";
        }
        try {
            int years = Integer.parseInt(a);
            return years >= 0 && years <= 130 ? "" : "Age must be between 0 and 130 years.";
        } catch (NumberFormatException e) {
            return "Age must be a whole number of years.";
        }
    }
}

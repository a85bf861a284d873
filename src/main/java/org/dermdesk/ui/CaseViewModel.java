package org.dermdesk.ui;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The reviewer's case details, editable; never cleared on an error. */
public final class CaseViewModel {

    public static final String[] SEXES = {"", "female", "male", "other"};

    private final StringProperty age = new SimpleStringProperty("");
    private final StringProperty sex = new SimpleStringProperty("");
    private final StringProperty bodySite = new SimpleStringProperty("");
    private final StringProperty notes = new SimpleStringProperty("");

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

    public CaseDetails details() {
        return new CaseDetails(age.get().trim(), sex.get(), bodySite.get().trim(), notes.get());
    }

    /** Fills the fields for a newly opened image. */
    public void reset(CaseDetails d) {
        age.set(d.age());
        sex.set(d.sex());
        bodySite.set(d.bodySite());
        notes.set(d.notes());
    }

    /** An error message when the age is not a plausible number of years, else empty. */
    public String ageProblem() {
        String a = age.get().trim();
        if (a.isEmpty()) {
            return "";
        }
        try {
            int years = Integer.parseInt(a);
            return years >= 0 && years <= 120 ? "" : "Age must be between 0 and 120 years.";
        } catch (NumberFormatException e) {
            return "Age must be a whole number of years.";
        }
    }
}

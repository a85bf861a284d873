package org.dermdesk.core;

import java.util.Locale;

/** The patient's sex as far as the model can use it; free text from forms and CSV files is read leniently. */
public enum PatientSex {
    FEMALE, MALE, UNKNOWN;

    /** "female", "F", "w", "Frau"... → FEMALE; "male", "M", "Mann"... → MALE; anything else (or null) → UNKNOWN. */
    public static PatientSex parse(String text) {
        if (text == null || text.isBlank()) {
            return UNKNOWN;
        }
        String s = text.strip().toLowerCase(Locale.ROOT);
        if (s.equals("f") || s.equals("w") || s.startsWith("fem") || s.startsWith("frau") || s.startsWith("wom")) {
            return FEMALE;
        }
        if (s.equals("m") || s.startsWith("male") || s.startsWith("mann") || s.equals("man")) {
            return MALE;
        }
        return UNKNOWN;
    }
}

package org.dermdesk.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PatientSexTest {

    @ParameterizedTest
    @CsvSource(nullValues = "NULL", value = {"female,FEMALE", "F,FEMALE", " Woman ,FEMALE", "w,FEMALE", "male,MALE", "M,MALE",
            "Mann,MALE", "unknown,UNKNOWN", "'',UNKNOWN", "NULL,UNKNOWN", "x,UNKNOWN"})
    void readsWhatFormsAndFilesSay(String text, PatientSex expected) {
        assertEquals(expected, PatientSex.parse(text));
    }
}

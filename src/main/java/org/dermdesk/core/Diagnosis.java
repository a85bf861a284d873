package org.dermdesk.core;

/** The seven HAM10000 diagnoses, in the order the networks' seven-way heads use. */
public enum Diagnosis {
    NV("nv", "Melanocytic nevus", false),
    MEL("mel", "Melanoma", true),
    BKL("bkl", "Benign keratosis", false),
    BCC("bcc", "Basal cell carcinoma", true),
    AKIEC("akiec", "Actinic keratosis / intraepithelial carcinoma", true),
    VASC("vasc", "Vascular lesion", false),
    DF("df", "Dermatofibroma", false);

    private final String code;
    private final String label;
    private final boolean malignant;

    Diagnosis(String code, String label, boolean malignant) {
        this.code = code;
        this.label = label;
        this.malignant = malignant;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public boolean malignant() {
        return malignant;
    }

    public static Diagnosis fromCode(String code) {
        for (Diagnosis d : values()) {
            if (d.code.equalsIgnoreCase(code.trim())) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown diagnosis code: " + code);
    }
}

package org.dermdesk.ml;

/** The three parts of a development split. */
public enum Split {
    TRAIN, VALIDATION, TEST;

    public String key() {
        return name().toLowerCase();
    }

    public static Split fromKey(String key) {
        return valueOf(key.trim().toUpperCase());
    }
}

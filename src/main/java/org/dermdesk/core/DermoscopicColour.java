package org.dermdesk.core;

/** The six colours of the ABCD rule's C term, in the order dermoscopy texts list them. */
public enum DermoscopicColour {
    WHITE("white", "white"),
    RED("red", "red"),
    LIGHT_BROWN("light_brown", "light brown"),
    DARK_BROWN("dark_brown", "dark brown"),
    BLUE_GRAY("blue_gray", "blue-grey"),
    BLACK("black", "black");

    /** The least share of the lesion a colour must cover to count as present (the rule and its wording). */
    public static final double MIN_SHARE = 0.05;

    private final String key;
    private final String words;

    DermoscopicColour(String key, String words) {
        this.key = key;
        this.words = words;
    }

    /** The stable name in JSON and the case log. */
    public String key() {
        return key;
    }

    /** How a clinician reads it. */
    public String words() {
        return words;
    }
}

package org.dermdesk.core;

/** Two images cannot be compared; the message names the file and the problem for the user. */
public final class ComparisonException extends Exception {
    private static final long serialVersionUID = 1L;

    public ComparisonException(String message) {
        super(message);
    }
}

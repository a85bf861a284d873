package org.dermdesk.ui;

/**
 * Something to tell the user in a dialog: what happened and what to do. Never a stack trace.
 */
public record UserMessage(Level level, String title, String text) {

    public enum Level { INFO, WARNING, ERROR }

    static UserMessage error(String title, String text) {
        return new UserMessage(Level.ERROR, title, text);
    }

    static UserMessage info(String title, String text) {
        return new UserMessage(Level.INFO, title, text);
    }
}

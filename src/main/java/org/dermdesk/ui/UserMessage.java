package org.dermdesk.ui;

import java.nio.file.Path;
import org.dermdesk.core.ImageLoadException;

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

    /** The dialog for an image that could not be analysed: a rejected file, or a failure on the way. */
    static UserMessage analysisFailed(Path file, Throwable error) {
        if (error instanceof ImageLoadException e) {
            return error("Cannot open " + file.getFileName(),
                    e.getMessage() + "\n\nChoose another image, or export this one again from the dermatoscope software.");
        }
        return error("Could not analyse " + file.getFileName(), "Something went wrong while analysing the image: "
                + describe(error) + "\n\nNothing was lost. Try again, or open another image.");
    }

    /** A one-line description of an error for a dialog: its message, never its stack. */
    static String describe(Throwable error) {
        Throwable t = error;
        while (t.getCause() != null && t.getCause() != t
                && (t.getMessage() == null || t.getMessage().isBlank() || t.getMessage().equals(t.getCause().toString()))) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return m == null || m.isBlank() ? "an unexpected internal error (" + t.getClass().getSimpleName() + ")" : m;
    }
}

package org.dermdesk.ml;

import java.io.IOException;

/** A model card that is missing, not JSON, holds an invalid field or was edited; the message names the file and the field. */
public class ModelCardException extends IOException {
    private static final long serialVersionUID = 1L;

    public ModelCardException(String message) {
        super(message);
    }
}

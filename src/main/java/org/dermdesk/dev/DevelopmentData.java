package org.dermdesk.dev;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The development data folder that the harnesses read (labelled images that are not part of DermDesk;
 * developers keep it beside the project). Checked before a harness reads it, so that a missing folder
 * gets one message naming it rather than a failure halfway.
 */
final class DevelopmentData {

    /** Where developers keep the development data, relative to the project folder: the harnesses' default. */
    static final String DEFAULT = "../shared/data";

    private DevelopmentData() {
    }

    /**
     * @param expected entries (files or folders, relative to {@code data}) the harness needs
     * @return null when they are all there, else a message naming the folder and the first missing entry
     */
    static String problem(Path data, String option, String... expected) {
        if (!Files.isDirectory(data)) {
            return "No development data folder at " + data.toAbsolutePath().normalize() + "; name it with " + option + " DIR.";
        }
        for (String entry : expected) {
            if (!Files.exists(data.resolve(entry))) {
                return "No development data at " + data.toAbsolutePath().normalize() + " (expected " + entry
                        + " there); name the folder with " + option + " DIR.";
            }
        }
        return null;
    }
}

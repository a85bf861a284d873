package org.dermdesk.core;

/** Where a lesion's pixels-per-millimetre came from, in the order DermDesk tries them. */
public enum ScaleSource {
    /** Ruler tick marks found in the image itself. */
    RULER("ruler"),
    /** The per-device calibration the user set in the preferences. */
    DEVICE_PROFILE("device_profile"),
    /** The image file's own resolution metadata. */
    FILE_METADATA("file_metadata"),
    /** No scale: sizes stay in pixels. */
    UNKNOWN("unknown");

    private final String key;

    ScaleSource(String key) {
        this.key = key;
    }

    /** The stable name used in JSON and the case log. */
    public String key() {
        return key;
    }
}

package org.dermdesk.ui;

import java.util.regex.Pattern;

/** Colour helpers for ARGB rasters; "#RRGGBB" strings are what preferences store. */
final class Colours {

    private static final Pattern HEX = Pattern.compile("#[0-9a-fA-F]{6}");

    private Colours() {
    }

    static boolean isHex(String s) {
        return s != null && HEX.matcher(s).matches();
    }

    /** Opaque RGB of "#RRGGBB". */
    static int rgb(String hex) {
        if (!isHex(hex)) {
            throw new IllegalArgumentException("not a colour: " + hex);
        }
        return Integer.parseInt(hex.substring(1), 16);
    }

    static int argb(int alpha, int rgb) {
        return (Math.max(0, Math.min(255, alpha)) << 24) | (rgb & 0xFFFFFF);
    }
}

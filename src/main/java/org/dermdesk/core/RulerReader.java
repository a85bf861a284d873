package org.dermdesk.core;

/**
 * Reads the scale from ruler ticks in an image (for calibrating a device from a picture of a ruler);
 * the imaging layer provides the implementation. Called off the UI thread.
 */
@FunctionalInterface
public interface RulerReader {

    /** The scale the ruler gives ({@link ScaleSource#RULER}), or {@link Scale#unknown()} when none was found. */
    Scale read(LesionImage image);
}

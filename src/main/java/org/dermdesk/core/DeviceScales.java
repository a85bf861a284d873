package org.dermdesk.core;

/**
 * The user's per-device calibrations: pixels per millimetre for images of one resolution from their
 * dermatoscope and camera. Looked up off the UI thread while an image is analysed.
 */
@FunctionalInterface
public interface DeviceScales {

    /** No calibrations (a command-line run). */
    DeviceScales NONE = (width, height) -> Scale.unknown();

    /** One calibration for every image (a headless run's {@code --px-per-mm}). */
    static DeviceScales fixed(double pxPerMm) {
        Scale s = Scale.deviceProfile(pxPerMm);
        return (width, height) -> s;
    }

    /**
     * The calibration for images of this size ({@link ScaleSource#DEVICE_PROFILE}), or {@link Scale#unknown()}
     * when the user calibrated no device at this resolution.
     */
    Scale forImage(int width, int height);
}

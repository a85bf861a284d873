package org.dermdesk.core;

/**
 * Which scale a measurement uses, in the order of how directly it was measured: a ruler detected in the
 * image itself, then the user's calibration of their device at this resolution, then the file's own
 * resolution metadata; without any of them the scale is unknown and sizes stay in pixels.
 */
public final class ScalePrecedence {

    private ScalePrecedence() {
    }

    /**
     * @param ruler  the scale read from ruler ticks in the image, or unknown
     * @param device the device profile for the image's resolution, or unknown
     * @param file   the file's resolution metadata, or unknown
     */
    public static Scale choose(Scale ruler, Scale device, Scale file) {
        for (Scale s : new Scale[] {ruler, device, file}) {
            if (s != null && s.known()) {
                return s;
            }
        }
        return Scale.unknown();
    }

    /**
     * The measurement with its scale chosen for this image: the ruler scale it was measured with is
     * kept; otherwise the device profile for the image's size, then the file's metadata. Applying it
     * again (after the user calibrated) gives the scale the new calibration implies.
     */
    public static LesionMeasurements apply(LesionMeasurements m, LesionImage image, DeviceScales devices) {
        if (m == null) {
            return null;
        }
        Scale ruler = m.scale().source() == ScaleSource.RULER ? m.scale() : Scale.unknown();
        Scale chosen = choose(ruler, devices.forImage(image.width(), image.height()), image.metadataScale());
        return chosen.equals(m.scale()) ? m : m.withScale(chosen);
    }

    /** The report with its measurement's scale chosen by {@link #apply(LesionMeasurements, LesionImage, DeviceScales)}. */
    public static QualityReport apply(QualityReport report, LesionImage image, DeviceScales devices) {
        if (report == null || report.measurements() == null) {
            return report;
        }
        LesionMeasurements m = apply(report.measurements(), image, devices);
        return m == report.measurements() ? report : report.withMeasurements(m);
    }
}

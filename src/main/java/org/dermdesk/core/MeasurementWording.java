package org.dermdesk.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The words for the lesion's classical measurement, shared by the window, the PDF and the terminal. */
public final class MeasurementWording {

    public static final String TITLE = "Lesion measurement";
    /** Said with every measurement: it is not the network's judgement. */
    public static final String BASIS = "A classical aid computed from the lesion's outline and colours \u2014 not the model's opinion.";
    public static final String NOT_MEASURED = "Not measured: no lesion outline was found.";
    public static final String SCALE_UNKNOWN = "Scale unknown: no ruler was found in the image, no device calibration covers its"
            + " resolution and the file states no scale, so sizes are in pixels.";
    /** Said when the lesion runs into the image border: its size is only a lower bound. */
    public static final String CUT_OFF = "The lesion runs off the image: its true size is larger.";
    public static final String STRUCTURES_OMITTED = "The differential-structures term (D) cannot be estimated from the image"
            + " and is omitted; count the structures to complete the score.";

    /** In place of the score for an image the check judges not dermoscopic: the ABCD rule is a dermoscopy rule. */
    public static final String NO_TDS_NOT_DERMOSCOPIC = "No total dermoscopy score: the ABCD rule applies to dermoscopic images,"
            + " and this image does not look like one.";

    private MeasurementWording() {
    }

    /**
     * Every line a clinician reads about the measurement, in order; the last is the total dermoscopy score, or,
     * where the prediction says the image is not dermoscopic, why there is none.
     */
    public static List<String> lines(LesionMeasurements m, boolean cutOff, Prediction prediction) {
        List<String> out = new ArrayList<>();
        out.add(scale(m.scale()));
        out.add(size(m, cutOff));
        if (cutOff) {
            out.add(CUT_OFF);
        }
        out.add(asymmetry(m.asymmetry()));
        out.add(border(m.borderSectors()));
        out.add(colours(m));
        out.add(prediction == null || prediction.appliesToImage() ? tds(m.tds()) : NO_TDS_NOT_DERMOSCOPIC);
        return out;
    }

    public static String scale(Scale s) {
        return switch (s.source()) {
            case UNKNOWN -> SCALE_UNKNOWN;
            case RULER -> String.format(Locale.ROOT, "Scale: %.1f pixels per mm from the ruler in the image (%s ticks, %s sure).",
                    s.pxPerMm(), s.tickMm() == 0.5 ? "0.5 mm" : "1 mm", percent(s.confidence()));
            case DEVICE_PROFILE -> String.format(Locale.ROOT, "Scale: %.1f pixels per mm from the device calibration.",
                    s.pxPerMm());
            case FILE_METADATA -> String.format(Locale.ROOT, "Scale: %.1f pixels per mm from the image file's resolution.", s.pxPerMm());
        };
    }

    public static String size(LesionMeasurements m, boolean cutOff) {
        String least = cutOff ? "at least " : "";
        if (m.scale().known()) {
            return String.format(Locale.ROOT, "Largest diameter %s%.1f mm (perpendicular %.1f mm), area %.1f mm\u00b2.",
                    least, m.diameterMm(), m.perpendicularDiameterMm(), m.areaMm2());
        }
        return String.format(Locale.ROOT, "Largest diameter %s%.0f pixels (perpendicular %.0f pixels), area %.0f pixels.",
                least, m.diameterPx(), m.perpendicularDiameterPx(), m.areaPx());
    }

    public static String asymmetry(int a) {
        return "Asymmetry " + a + " of 2: " + switch (a) {
            case 0 -> "symmetric about both principal axes.";
            case 1 -> "asymmetric about one principal axis (shape or colour).";
            default -> "asymmetric about both principal axes (shape or colour).";
        };
    }

    public static String border(int sectors) {
        return "Border: abrupt cut-off of pigment in " + sectors + " of 8 sectors.";
    }

    public static String colours(LesionMeasurements m) {
        if (m.colours().isEmpty()) {
            return "Colours: none of the six dermoscopic colours covers " + percent(DermoscopicColour.MIN_SHARE) + " of the lesion.";
        }
        return "Colours (" + m.colours().size() + " of 6): "
                + m.colours().stream().map(DermoscopicColour::words).collect(Collectors.joining(", ")) + ".";
    }

    public static String tds(TotalDermoscopyScore t) {
        if (!t.omitsStructures()) {
            return String.format(Locale.ROOT, "Total dermoscopy score %.2f: %s.", t.value(), reading(t.reading()));
        }
        return String.format(Locale.ROOT, "Total dermoscopy score %.2f without D; with D it would be %.2f to %.2f: %s. %s",
                t.value(), t.lowest(), t.highest(), reading(t.reading()), STRUCTURES_OMITTED);
    }

    static String reading(TotalDermoscopyScore.Reading r) {
        return switch (r) {
            case BENIGN -> "below 4.75, reads benign";
            case SUSPICIOUS -> "4.75 to 5.45, reads suspicious";
            case HIGHLY_SUSPICIOUS -> "above 5.45, reads highly suspicious of melanoma";
            case DEPENDS_ON_STRUCTURES -> "whether it crosses the cut-offs 4.75 and 5.45 depends on the structures";
        };
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.0f %%", fraction * 100);
    }
}

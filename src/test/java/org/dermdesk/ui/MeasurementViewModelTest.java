package org.dermdesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import javafx.beans.property.SimpleObjectProperty;
import org.dermdesk.core.DermoscopicColour;
import org.dermdesk.core.ImageSuitability;
import org.dermdesk.core.LesionMeasurements;
import org.dermdesk.core.LesionRegion;
import org.dermdesk.core.Mask;
import org.dermdesk.core.MeasurementWording;
import org.dermdesk.core.ModelInfo;
import org.dermdesk.core.Prediction;
import org.dermdesk.core.QualityReport;
import org.dermdesk.core.Scale;
import org.junit.jupiter.api.Test;

class MeasurementViewModelTest {

    private static QualityReport report(Scale scale, boolean touchesBorder) {
        LesionMeasurements m = new LesionMeasurements(scale, 240, 180, 34000, new double[] {10, 10, 250, 10}, 2, 7,
                EnumSet.of(DermoscopicColour.DARK_BROWN, DermoscopicColour.BLACK, DermoscopicColour.BLUE_GRAY));
        return new QualityReport(Map.of(), new LesionRegion(new Mask(1, 1, new byte[1]), 1, 0, 0, 1, 1, touchesBorder),
                false, List.of(), m);
    }

    @Test
    void followsTheReportShownInMillimetresOrPixels() {
        SimpleObjectProperty<QualityReport> shown = new SimpleObjectProperty<>();
        SimpleObjectProperty<Prediction> prediction = new SimpleObjectProperty<>();
        MeasurementViewModel vm = new MeasurementViewModel(shown, prediction);
        assertFalse(vm.measuredProperty().get());
        assertEquals(MeasurementWording.NOT_MEASURED, vm.textProperty().get());

        shown.set(report(Scale.deviceProfile(20), false));
        assertTrue(vm.measuredProperty().get());
        assertTrue(vm.textProperty().get().contains("Largest diameter 12.0 mm (perpendicular 9.0 mm), area 85.0 mm\u00b2."),
                vm.textProperty().get());
        assertTrue(vm.textProperty().get().contains("device calibration"));
        // 1.3 x 2 + 0.1 x 7 + 0.5 x 3 = 4.8: with D at least 5.3
        assertTrue(vm.scoreProperty().get().startsWith("Total dermoscopy score 4.80 without D"), vm.scoreProperty().get());

        shown.set(report(Scale.unknown(), true));
        assertTrue(vm.textProperty().get().contains(MeasurementWording.SCALE_UNKNOWN));
        assertTrue(vm.textProperty().get().contains("Largest diameter at least 240 pixels"));
        assertTrue(vm.textProperty().get().contains(MeasurementWording.CUT_OFF));
        assertFalse(vm.textProperty().get().contains(" mm"), "no millimetres without a scale");
        assertEquals(MeasurementWording.BASIS, vm.basis());

        Prediction p = new Prediction(0.4, 0.5, Map.of(), new ModelInfo("m", "1", "ab".repeat(32)));
        prediction.set(p.withSuitability(new ImageSuitability(false, 0.02, true, 0.99)));
        assertEquals(MeasurementWording.NO_TDS_NOT_DERMOSCOPIC, vm.scoreProperty().get(), "a phone photo gets no dermoscopy score");
        prediction.set(p.withSuitability(new ImageSuitability(true, 0.9, false, 0.2)));
        assertTrue(vm.scoreProperty().get().startsWith("Total dermoscopy score"), vm.scoreProperty().get());
    }
}

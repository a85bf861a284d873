package org.dermdesk.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Ruler in the image, then the device profile for the image's resolution, then the file's metadata, else unknown. */
class ScalePrecedenceTest {

    private static final Scale RULER = new Scale(24, ScaleSource.RULER, 0.9, 1, 0.01);
    private static final Scale DEVICE = Scale.deviceProfile(20);
    private static final Scale FILE = Scale.fileMetadata(30);

    @Test
    void prefersTheRulerThenTheDeviceThenTheFile() {
        assertSame(RULER, ScalePrecedence.choose(RULER, DEVICE, FILE));
        assertSame(DEVICE, ScalePrecedence.choose(Scale.unknown(), DEVICE, FILE));
        assertSame(FILE, ScalePrecedence.choose(Scale.unknown(), Scale.unknown(), FILE));
        assertEquals(Scale.unknown(), ScalePrecedence.choose(Scale.unknown(), Scale.unknown(), Scale.unknown()));
    }

    @Test
    void theGateKeepsItsRulerScale() {
        QualityReport r = gate(RULER).assess(image(FILE));
        assertEquals(ScaleSource.RULER, r.measurements().scale().source());
        assertEquals(100 / 24.0, r.measurements().diameterMm(), 1e-9);
    }

    @Test
    void withoutARulerTheDeviceProfileForThisResolutionGivesTheScale() {
        DeviceScales devices = (w, h) -> w == 400 && h == 300 ? DEVICE : Scale.unknown();
        QualityReport r = new ScaledQualityGate(i -> report(Scale.unknown()), devices).assess(image(FILE));
        assertEquals(ScaleSource.DEVICE_PROFILE, r.measurements().scale().source());
        assertEquals(5.0, r.measurements().diameterMm(), 1e-9);
        DeviceScales otherResolution = (w, h) -> w == 1024 ? DEVICE : Scale.unknown();
        QualityReport other = new ScaledQualityGate(i -> report(Scale.unknown()), otherResolution).assess(image(FILE));
        assertEquals(ScaleSource.FILE_METADATA, other.measurements().scale().source(), "a profile of another resolution is not applied");
    }

    @Test
    void withNothingTheScaleStaysUnknown() {
        QualityReport r = gate(Scale.unknown()).assess(image(Scale.unknown()));
        assertEquals(ScaleSource.UNKNOWN, r.measurements().scale().source());
        assertEquals(Double.NaN, r.measurements().diameterMm());
    }

    @Test
    void applyingAgainFollowsANewCalibrationAndFallsBackWhenItIsRemoved() {
        LesionImage img = image(FILE);
        QualityReport withDevice = ScalePrecedence.apply(report(Scale.unknown()), img, (w, h) -> DEVICE);
        assertEquals(ScaleSource.DEVICE_PROFILE, withDevice.measurements().scale().source());
        QualityReport removed = ScalePrecedence.apply(withDevice, img, DeviceScales.NONE);
        assertEquals(ScaleSource.FILE_METADATA, removed.measurements().scale().source());
        QualityReport noLesion = new QualityReport(Map.of(), null, false, List.of());
        assertSame(noLesion, ScalePrecedence.apply(noLesion, img, (w, h) -> DEVICE));
    }

    private static QualityGate gate(Scale measured) {
        return new ScaledQualityGate(i -> report(measured), (w, h) -> DEVICE.known() && measured.known() ? DEVICE : Scale.unknown());
    }

    private static LesionImage image(Scale fileScale) {
        return new LesionImage("t.png", 400, 300, new byte[400 * 300 * 3], fileScale);
    }

    private static QualityReport report(Scale s) {
        LesionMeasurements m = new LesionMeasurements(s, 100, 80, 6000, new double[] {10, 10, 110, 10}, 0, 2,
                EnumSet.of(DermoscopicColour.DARK_BROWN));
        return new QualityReport(Map.of(), null, false, List.of(), m);
    }
}

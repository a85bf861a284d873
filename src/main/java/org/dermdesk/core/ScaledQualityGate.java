package org.dermdesk.core;

import java.util.Objects;

/**
 * A quality gate whose measurement takes its scale by {@link ScalePrecedence}: the wrapped gate measures
 * with the ruler it finds in the image; where it finds none, the device profile and then the file's
 * metadata give the scale.
 */
public final class ScaledQualityGate implements QualityGate {

    private final QualityGate gate;
    private final DeviceScales devices;

    public ScaledQualityGate(QualityGate gate, DeviceScales devices) {
        this.gate = Objects.requireNonNull(gate, "gate");
        this.devices = Objects.requireNonNull(devices, "devices");
    }

    @Override
    public QualityReport assess(LesionImage image) {
        return ScalePrecedence.apply(gate.assess(image), image, devices);
    }
}

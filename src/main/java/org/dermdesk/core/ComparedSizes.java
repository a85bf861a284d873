package org.dermdesk.core;

/**
 * The two sizes a comparison sets side by side: in millimetres where both images have a scale, otherwise in the
 * earlier image's pixels after registration. Where the registration outlined the lesion in both images by one rule
 * ({@link Registration.OutlinedTogether}) those outlines are measured, calibrated or not: each image's own outline may
 * follow another region or cut at another grey level in a re-take, and a millimetre scale does not mend that.
 *
 * @param mm       sizes in mm and mm² (both images calibrated); otherwise in pixels of the earlier image's frame
 * @param together measured on the outlines drawn together; otherwise on each image's own outline
 */
public record ComparedSizes(double beforeDiameter, double afterDiameter, double beforeArea, double afterArea,
                            boolean mm, boolean together) {

    public static ComparedSizes of(LesionMeasurements before, LesionMeasurements after, Registration r) {
        boolean mm = before.scale().known() && after.scale().known();
        Registration.OutlinedTogether t = r.outlinedTogether();
        if (t != null && mm) {
            // the later outline lies in the earlier frame: back to the later image's pixels, then its own scale
            return new ComparedSizes(before.scale().mm(t.beforeDiameterPx()), after.scale().mm(t.afterDiameterPx() * r.scale()),
                    before.scale().mm2(t.beforeAreaPx()), after.scale().mm2(t.afterAreaPx() * r.areaFactor()), true, true);
        }
        if (t != null) {
            return new ComparedSizes(t.beforeDiameterPx(), t.afterDiameterPx(), t.beforeAreaPx(), t.afterAreaPx(), false, true);
        }
        if (mm) {
            return new ComparedSizes(before.diameterMm(), after.diameterMm(), before.areaMm2(), after.areaMm2(), true, false);
        }
        return new ComparedSizes(before.diameterPx(), after.diameterPx() / r.scale(), before.areaPx(),
                after.areaPx() / r.areaFactor(), false, false);
    }

    /** Later area over earlier area. */
    public double areaRatio() {
        return afterArea / beforeArea;
    }

    /** Later largest diameter over the earlier one. */
    public double diameterRatio() {
        return afterDiameter / beforeDiameter;
    }
}

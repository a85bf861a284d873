package org.dermdesk.core;

/**
 * The two sizes a comparison sets side by side: in millimetres where both images have a scale, otherwise in the
 * earlier image's pixels after registration. Where the registration outlined the lesion in both images by one rule
 * ({@link Registration.OutlinedTogether}) those outlines are measured, calibrated or not: each image's own outline may
 * follow another region or cut at another grey level in a re-take, and a millimetre scale does not mend that.
 *
 * @param mm       sizes in mm and mm² (both images calibrated, and the scales fit the images); otherwise in pixels of
 *                 the earlier image's frame
 * @param together measured on the outlines drawn together; otherwise on each image's own outline
 * @param scalesUnfit both images have a scale, but its ratio contradicts the zoom measured on the skin
 *                 ({@link ChangeRule#SCALE_MISFIT}), so sizes are relative
 */
public record ComparedSizes(double beforeDiameter, double afterDiameter, double beforeArea, double afterArea,
                            boolean mm, boolean together, boolean scalesUnfit) {

    public static ComparedSizes of(LesionMeasurements before, LesionMeasurements after, Registration r) {
        boolean calibrated = before.scale().known() && after.scale().known();
        boolean unfit = calibrated && scaleMisfit(before, after, r) > ChangeRule.SCALE_MISFIT;
        boolean mm = calibrated && !unfit;
        Registration.OutlinedTogether t = r.outlinedTogether();
        if (t != null && mm) {
            // the later outline lies in the earlier frame: back to the later image's pixels, then its own scale
            return new ComparedSizes(before.scale().mm(t.beforeDiameterPx()), after.scale().mm(t.afterDiameterPx() * r.scale()),
                    before.scale().mm2(t.beforeAreaPx()), after.scale().mm2(t.afterAreaPx() * r.areaFactor()), true, true, false);
        }
        if (t != null) {
            return new ComparedSizes(t.beforeDiameterPx(), t.afterDiameterPx(), t.beforeAreaPx(), t.afterAreaPx(), false, true, unfit);
        }
        if (mm) {
            return new ComparedSizes(before.diameterMm(), after.diameterMm(), before.areaMm2(), after.areaMm2(), true, false, false);
        }
        return new ComparedSizes(before.diameterPx(), after.diameterPx() / r.scale(), before.areaPx(),
                after.areaPx() / r.areaFactor(), false, false, unfit);
    }

    /**
     * How far (a factor, at least 1) the ratio of the two images' millimetre scales is from the zoom the registration
     * measured on the skin around the lesion; 1 when the zoom was not measured on the skin (nothing to check against).
     * The skin does not grow, so between images of one lesion the two must agree: a device profile set for another
     * magnification, or a misread ruler, shows here.
     */
    public static double scaleMisfit(LesionMeasurements before, LesionMeasurements after, Registration r) {
        if (!r.scaleFromSkin()) return 1;
        double scales = after.scale().pxPerMm() / before.scale().pxPerMm();
        return Math.max(r.scale() / scales, scales / r.scale());
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

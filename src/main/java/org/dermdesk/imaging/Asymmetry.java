package org.dermdesk.imaging;

/**
 * ABCD asymmetry: for each principal axis, the lesion is folded over the axis; it is asymmetric about
 * that axis when the folded outline misses more than {@link #SHAPE_LIMIT} of the area, or when the two
 * halves differ in mean colour by more than {@link #COLOUR_LIMIT} (CIE76 ΔE). Score: the number of
 * asymmetric axes, 0, 1 or 2, as the ABCD rule counts it.
 */
final class Asymmetry {

    /** Fraction of the lesion's area that its mirror image about an axis does not cover. */
    static final double SHAPE_LIMIT = 0.05;
    /** Mean-colour difference (ΔE, Lab in 0..100 units) between the two halves. */
    static final double COLOUR_LIMIT = 8;

    /** Both axes' readings: shape mismatch and colour difference about the major (0) and minor (1) axis. */
    record Reading(double[] shapeMismatch, double[] colourDifference) {
        boolean asymmetric(int axis) {
            return shapeMismatch[axis] > SHAPE_LIMIT || colourDifference[axis] > COLOUR_LIMIT;
        }

        int score() {
            return (asymmetric(0) ? 1 : 0) + (asymmetric(1) ? 1 : 0);
        }
    }

    private Asymmetry() {
    }

    static Reading of(WorkingCopy wc, byte[] mask, PrincipalAxes axes) {
        double[] shape = new double[2];
        double[] colour = new double[2];
        for (int a = 0; a < 2; a++) {
            double[] u = axes.axis(a);
            shape[a] = mirrorMismatch(wc, mask, axes, u);
            colour[a] = halvesColourDifference(wc, mask, axes, u);
        }
        return new Reading(shape, colour);
    }

    /** Fraction of mask pixels whose mirror image about the line through the centroid along {@code u} is outside. */
    static double mirrorMismatch(WorkingCopy wc, byte[] mask, PrincipalAxes axes, double[] u) {
        int w = wc.width;
        int h = wc.height;
        int inside = 0;
        int missed = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (mask[y * w + x] == 0) continue;
                inside++;
                double dx = x - axes.cx();
                double dy = y - axes.cy();
                double along = dx * u[0] + dy * u[1];
                // reflect: keep the part along the axis, negate the part across it
                int mx = (int) Math.round(axes.cx() + 2 * along * u[0] - dx);
                int my = (int) Math.round(axes.cy() + 2 * along * u[1] - dy);
                if (mx < 0 || my < 0 || mx >= w || my >= h || mask[my * w + mx] == 0) missed++;
            }
        }
        return inside == 0 ? 0 : (double) missed / inside;
    }

    /** ΔE between the mean Lab colours of the lesion's two halves on either side of the axis along {@code u}. */
    static double halvesColourDifference(WorkingCopy wc, byte[] mask, PrincipalAxes axes, double[] u) {
        double[][] sum = new double[2][3];
        int[] n = new int[2];
        byte[] hair = wc.hairMask();
        int w = wc.width;
        for (int i = 0; i < mask.length; i++) {
            if (mask[i] == 0 || hair[i] != 0) continue;
            double dx = i % w - axes.cx();
            double dy = i / w - axes.cy();
            int side = dx * -u[1] + dy * u[0] >= 0 ? 0 : 1;
            for (int c = 0; c < 3; c++) sum[side][c] += wc.lab[i * 3 + c] & 0xFF;
            n[side]++;
        }
        if (n[0] == 0 || n[1] == 0) return 0;
        // OpenCV's 8-bit Lab stores L * 255 / 100 and a, b + 128
        double dl = (sum[0][0] / n[0] - sum[1][0] / n[1]) * 100 / 255;
        double da = sum[0][1] / n[0] - sum[1][1] / n[1];
        double db = sum[0][2] / n[0] - sum[1][2] / n[1];
        return Math.sqrt(dl * dl + da * da + db * db);
    }
}

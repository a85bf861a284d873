package org.dermdesk.imaging;

/**
 * ABCD border score: the lesion is cut into 8 sectors around its centroid, starting at the major
 * axis; a sector counts when its pigment ends abruptly at the outline. Along {@link #RAYS_PER_SECTOR}
 * rays per sector the lightness profile across the outline is read: from the mean inside (60-85% of the
 * outline's radius) to the mean outside (115-140%), the 20%-to-80% rise must take less than
 * {@link #ABRUPT_WIDTH} of the radius. A sector is abrupt when most of its readable rays are.
 */
final class BorderAbruptness {

    static final int SECTORS = 8;
    static final int RAYS_PER_SECTOR = 6;
    /** Width of the 20-80% lightness rise, as a fraction of the radius, below which the edge is abrupt. */
    static final double ABRUPT_WIDTH = 0.1;
    /** Smallest rise from lesion to skin (Lab L, 0..255 units) for an edge to be read at all. */
    static final double MIN_RISE = 12;
    private static final double STEP = 0.5;

    private BorderAbruptness() {
    }

    /** Sectors (0..8) with an abrupt border. */
    static int sectors(WorkingCopy wc, byte[] mask, PrincipalAxes axes) {
        double start = Math.atan2(axes.uy(), axes.ux());
        int abrupt = 0;
        for (int s = 0; s < SECTORS; s++) {
            int yes = 0;
            int readable = 0;
            for (int r = 0; r < RAYS_PER_SECTOR; r++) {
                double angle = start + 2 * Math.PI * (s + (r + 0.5) / RAYS_PER_SECTOR) / SECTORS;
                int verdict = ray(wc, mask, axes, Math.cos(angle), Math.sin(angle));
                if (verdict >= 0) {
                    readable++;
                    yes += verdict;
                }
            }
            if (readable > 0 && 2 * yes > readable) abrupt++;
        }
        return abrupt;
    }

    /** 1 abrupt, 0 gradual, -1 unreadable (leaves the image or the field of view, or no contrast). */
    static int ray(WorkingCopy wc, byte[] mask, PrincipalAxes axes, double dx, double dy) {
        double radius = outlineRadius(wc, mask, axes, dx, dy);
        if (radius < 4) return -1;
        int n = (int) Math.ceil(1.4 * radius / STEP);
        double[] l = new double[n + 1];
        for (int i = 0; i <= n; i++) {
            double t = i * STEP;
            double x = axes.cx() + dx * t;
            double y = axes.cy() + dy * t;
            if (x < 0 || y < 0 || x > wc.width - 1 || y > wc.height - 1) return -1;
            if (wc.vignette[(int) Math.round(y) * wc.width + (int) Math.round(x)] != 0) return -1;
            l[i] = lightness(wc, x, y);
        }
        double inside = mean(l, 0.6 * radius, 0.85 * radius);
        double outside = mean(l, 1.15 * radius, 1.4 * radius);
        double rise = outside - inside;
        if (rise < MIN_RISE) return -1;
        // the rise nearest the outline: walk out from the outline and in from it to the 20% and 80% levels
        int edge = (int) Math.round(radius / STEP);
        double low = inside + 0.2 * rise;
        double high = inside + 0.8 * rise;
        int from = edge;
        while (from > 0 && l[from] > low) from--;
        int to = edge;
        while (to < n && l[to] < high) to++;
        double width = (to - from) * STEP;
        return width < ABRUPT_WIDTH * radius ? 1 : 0;
    }

    /** Distance from the centroid to the last mask pixel along the ray. */
    private static double outlineRadius(WorkingCopy wc, byte[] mask, PrincipalAxes axes, double dx, double dy) {
        double last = 0;
        for (double t = 0; ; t += STEP) {
            int x = (int) Math.round(axes.cx() + dx * t);
            int y = (int) Math.round(axes.cy() + dy * t);
            if (x < 0 || y < 0 || x >= wc.width || y >= wc.height) return last;
            if (mask[y * wc.width + x] != 0) last = t;
            else if (t > last + 0.25 * Math.max(wc.width, wc.height)) return last;
        }
    }

    private static double mean(double[] l, double fromT, double toT) {
        int a = (int) Math.round(fromT / STEP);
        int b = Math.min(l.length - 1, (int) Math.round(toT / STEP));
        double s = 0;
        for (int i = a; i <= b; i++) s += l[i];
        return s / Math.max(1, b - a + 1);
    }

    /** Bilinear Lab lightness (0..255). */
    private static double lightness(WorkingCopy wc, double x, double y) {
        int w = wc.width;
        int x0 = Math.min((int) x, w - 1);
        int y0 = Math.min((int) y, wc.height - 1);
        int x1 = Math.min(x0 + 1, w - 1);
        int y1 = Math.min(y0 + 1, wc.height - 1);
        double fx = x - x0;
        double fy = y - y0;
        double top = (wc.lab[(y0 * w + x0) * 3] & 0xFF) * (1 - fx) + (wc.lab[(y0 * w + x1) * 3] & 0xFF) * fx;
        double bottom = (wc.lab[(y1 * w + x0) * 3] & 0xFF) * (1 - fx) + (wc.lab[(y1 * w + x1) * 3] & 0xFF) * fx;
        return top * (1 - fy) + bottom * fy;
    }
}

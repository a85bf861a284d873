package org.dermdesk.imaging;

import static org.bytedeco.opencv.global.opencv_core.CV_32S;
import static org.bytedeco.opencv.global.opencv_imgproc.CC_STAT_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.CC_STAT_HEIGHT;
import static org.bytedeco.opencv.global.opencv_imgproc.CC_STAT_LEFT;
import static org.bytedeco.opencv.global.opencv_imgproc.CC_STAT_TOP;
import static org.bytedeco.opencv.global.opencv_imgproc.CC_STAT_WIDTH;
import static org.bytedeco.opencv.global.opencv_imgproc.connectedComponentsWithStats;

import java.nio.IntBuffer;
import org.bytedeco.javacpp.indexer.IntIndexer;
import org.bytedeco.opencv.opencv_core.Mat;

/** Connected components of a binary mask, copied into plain arrays (label 0 = background). */
final class Components {

    final int count;
    final int[] labels;
    final int[] area;
    final int[] left;
    final int[] top;
    final int[] w;
    final int[] h;

    private Components(int count, int[] labels, int[] area, int[] left, int[] top, int[] w, int[] h) {
        this.count = count;
        this.labels = labels;
        this.area = area;
        this.left = left;
        this.top = top;
        this.w = w;
        this.h = h;
    }

    /** 8-connected components of the non-zero pixels of an 8-bit mask. */
    static Components of(Mat binary) {
        try (Mat lab = new Mat(); Mat stats = new Mat(); Mat cent = new Mat()) {
            int n = connectedComponentsWithStats(binary, lab, stats, cent, 8, CV_32S);
            int[] labels = new int[(int) lab.total()];
            IntBuffer buf = lab.createBuffer();
            buf.get(labels);
            int[] area = new int[n];
            int[] left = new int[n];
            int[] top = new int[n];
            int[] w = new int[n];
            int[] h = new int[n];
            try (IntIndexer idx = stats.createIndexer()) {
                for (int i = 0; i < n; i++) {
                    area[i] = idx.get(i, CC_STAT_AREA);
                    left[i] = idx.get(i, CC_STAT_LEFT);
                    top[i] = idx.get(i, CC_STAT_TOP);
                    w[i] = idx.get(i, CC_STAT_WIDTH);
                    h[i] = idx.get(i, CC_STAT_HEIGHT);
                }
            }
            return new Components(n, labels, area, left, top, w, h);
        }
    }

    /** A 0/255 mask of the components for which {@code keep[label]} is true. */
    byte[] mask(boolean[] keep) {
        byte[] out = new byte[labels.length];
        for (int i = 0; i < labels.length; i++) {
            if (keep[labels[i]]) {
                out[i] = (byte) 255;
            }
        }
        return out;
    }
}

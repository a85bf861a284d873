package org.dermdesk.ml;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/** Metrics on part of an evaluation set (one source, one sex, one age band), to catch subgroup collapse. */
final class SubsetMetrics {

    private SubsetMetrics() {
    }

    static Optional<Map<String, Object>> of(List<LabeledImage> cache, double[] p, double threshold, Predicate<LabeledImage> member) {
        int n = 0;
        for (int i = 0; i < cache.size(); i++) {
            if (member.test(cache.get(i))) n++;
        }
        if (n == 0) {
            return Optional.empty();
        }
        double[] sp = new double[n];
        boolean[] sy = new boolean[n];
        int k = 0;
        for (int i = 0; i < cache.size(); i++) {
            if (member.test(cache.get(i))) {
                sp[k] = p[i];
                sy[k++] = cache.get(i).malignant();
            }
        }
        return Optional.of(BinaryMetrics.of(sp, sy, threshold).asMap());
    }
}

package org.dermdesk.dev;

import java.util.Locale;
import org.dermdesk.ml.BinaryMetrics;

/** Prints binary metrics as a short block a person can read. */
final class MetricsReport {

    private MetricsReport() {
    }

    static String format(String title, BinaryMetrics m) {
        return String.format(Locale.ROOT, """
                == %s (%d malignant) ==
                  ROC AUC                         %.4f
                  threshold                       %.4f
                  sensitivity                     %.4f
                  specificity                     %.4f
                  balanced accuracy               %.4f
                  specificity at 95%% sensitivity  %.4f
                  expected calibration error (15) %.4f
                  confusion matrix                TP %d  FN %d  /  FP %d  TN %d""",
                title, m.positives(), m.auc(), m.threshold(), m.sensitivity(), m.specificity(), m.balancedAccuracy(),
                m.specificityAt95Sensitivity(), m.ece(), m.tp(), m.fn(), m.fp(), m.tn());
    }
}

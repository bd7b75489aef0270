package io.labrunner.emulator.sagemaker.linearlearner;

import java.util.Arrays;

/**
 * A binary problem's scores split by true label and sorted, highest first, so threshold sweeps and
 * the ROC AUC walk both lists together in O(n log n) on primitive arrays.
 */
record ScoreOrder(double[] positives, double[] negatives) {

    static ScoreOrder of(double[] scores, double[] labels) {
        int p = 0;
        for (double y : labels) {
            p += y > 0.5 ? 1 : 0;
        }
        double[] pos = new double[p];
        double[] neg = new double[labels.length - p];
        int i = 0;
        int j = 0;
        for (int r = 0; r < labels.length; r++) {
            if (labels[r] > 0.5) {
                pos[i++] = scores[r];
            } else {
                neg[j++] = scores[r];
            }
        }
        Arrays.sort(pos);
        Arrays.sort(neg);
        reverse(pos);
        reverse(neg);
        return new ScoreOrder(pos, neg);
    }

    private static void reverse(double[] a) {
        for (int i = 0, k = a.length - 1; i < k; i++, k--) {
            double t = a[i];
            a[i] = a[k];
            a[k] = t;
        }
    }
}

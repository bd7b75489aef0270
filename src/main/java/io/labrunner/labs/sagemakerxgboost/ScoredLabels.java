package io.labrunner.labs.sagemakerxgboost;

import java.util.Arrays;
import java.util.List;

/**
 * Scores next to the labels the data was generated with, judged by the checks' own arithmetic
 * (not {@link BinaryMetrics}, which the solution uses): counts at a threshold and the AUC.
 */
public record ScoredLabels(List<Double> scores, List<Integer> labels) {

    public ScoredLabels {
        if (scores.size() != labels.size()) {
            throw new IllegalArgumentException(scores.size() + " scores for " + labels.size() + " labels");
        }
    }

    /** The confusion counts where a score at or above the threshold means "positive". */
    public record Counts(double threshold, long tp, long fp, long tn, long fn) {
        public double accuracy() {
            return share(tp + tn, tp + fp + tn + fn);
        }

        public double precision() {
            return share(tp, tp + fp);
        }

        public double recall() {
            return share(tp, tp + fn);
        }

        public double f1() {
            return share(2 * tp, 2 * tp + fp + fn);
        }

        private static double share(long part, long whole) {
            return whole == 0 ? 0 : part / (double) whole;
        }
    }

    public Counts at(double threshold) {
        long tp = 0;
        long fp = 0;
        long tn = 0;
        long fn = 0;
        for (int i = 0; i < scores.size(); i++) {
            boolean flagged = scores.get(i) >= threshold;
            if (labels.get(i) == 1) {
                tp += flagged ? 1 : 0;
                fn += flagged ? 0 : 1;
            } else {
                fp += flagged ? 1 : 0;
                tn += flagged ? 0 : 1;
            }
        }
        return new Counts(threshold, tp, fp, tn, fn);
    }

    /**
     * The share of (positive, negative) pairs the scores order correctly, ties counting half: for
     * each positive, the negatives below it, found by binary search in the sorted negative scores.
     */
    public double auc() {
        double[] negatives = new double[(int) labels.stream().filter(l -> l != 1).count()];
        int n = 0;
        for (int i = 0; i < scores.size(); i++) {
            if (labels.get(i) != 1) {
                negatives[n++] = scores.get(i);
            }
        }
        Arrays.sort(negatives);
        long positives = labels.size() - negatives.length;
        if (positives == 0 || negatives.length == 0) {
            return Double.NaN;
        }
        double ordered = 0;
        for (int i = 0; i < scores.size(); i++) {
            if (labels.get(i) == 1) {
                double s = scores.get(i);
                int below = firstAtLeast(negatives, s);
                int tiedOrBelow = firstAbove(negatives, s);
                ordered += below + (tiedOrBelow - below) / 2.0;
            }
        }
        return ordered / ((double) positives * negatives.length);
    }

    private static int firstAtLeast(double[] sorted, double value) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (sorted[mid] < value) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    private static int firstAbove(double[] sorted, double value) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (sorted[mid] <= value) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }
}

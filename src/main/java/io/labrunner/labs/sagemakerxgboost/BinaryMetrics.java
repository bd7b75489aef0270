package io.labrunner.labs.sagemakerxgboost;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * How well scores separate two classes, computed the way a learner would by hand: a confusion
 * matrix at a threshold and the ratios read from it, and the area under the ROC curve, which needs
 * no threshold at all.
 */
public final class BinaryMetrics {
    private BinaryMetrics() {
    }

    /**
     * The four counts at one threshold: a score at or above it is predicted positive.
     *
     * @param tp positives predicted positive (churners caught)
     * @param fp negatives predicted positive (false alarms)
     * @param tn negatives predicted negative
     * @param fn positives predicted negative (churners missed)
     */
    public record Confusion(double threshold, long tp, long fp, long tn, long fn) {

        public long total() {
            return tp + fp + tn + fn;
        }

        /** Of all predictions, the share that was right; misleading when one class is rare. */
        public double accuracy() {
            return ratio(tp + tn, total());
        }

        /** Of the customers flagged, the share that really churned. */
        public double precision() {
            return ratio(tp, tp + fp);
        }

        /** Of the customers who churned, the share flagged (sensitivity, true positive rate). */
        public double recall() {
            return ratio(tp, tp + fn);
        }

        /** The harmonic mean of precision and recall: high only when both are. */
        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        /** Of the customers who stayed, the share flagged by mistake (false positive rate). */
        public double falsePositiveRate() {
            return ratio(fp, fp + tn);
        }

        private static double ratio(long part, long whole) {
            return whole == 0 ? 0 : (double) part / whole;
        }
    }

    /** The confusion matrix of {@code scores} against {@code labels} (1 = positive) at {@code threshold}. */
    public static Confusion confusion(List<Double> scores, List<Integer> labels, double threshold) {
        requireSameSize(scores, labels);
        long tp = 0;
        long fp = 0;
        long tn = 0;
        long fn = 0;
        for (int i = 0; i < scores.size(); i++) {
            boolean predicted = scores.get(i) >= threshold;
            boolean actual = labels.get(i) == 1;
            if (predicted && actual) {
                tp++;
            } else if (predicted) {
                fp++;
            } else if (actual) {
                fn++;
            } else {
                tn++;
            }
        }
        return new Confusion(threshold, tp, fp, tn, fn);
    }

    /**
     * The area under the ROC curve: the probability that a random positive scores above a random
     * negative (ties count half), from the ranks of the scores (Mann-Whitney U).
     */
    public static double auc(List<Double> scores, List<Integer> labels) {
        requireSameSize(scores, labels);
        Integer[] order = new Integer[scores.size()];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingDouble(scores::get));
        double positiveRankSum = 0;
        long positives = 0;
        int i = 0;
        while (i < order.length) {
            int j = i;
            while (j + 1 < order.length && scores.get(order[j + 1]).equals(scores.get(order[i]))) {
                j++;
            }
            double averageRank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (labels.get(order[k]) == 1) {
                    positiveRankSum += averageRank;
                    positives++;
                }
            }
            i = j + 1;
        }
        long negatives = scores.size() - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        return (positiveRankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }

    /**
     * The highest threshold (on a grid of 0.01 steps) whose recall reaches {@code targetRecall}: the
     * fewest false alarms that still catch the share of positives the business asked for.
     */
    public static Confusion thresholdForRecall(List<Double> scores, List<Integer> labels, double targetRecall) {
        for (int step = 99; step >= 1; step--) {
            Confusion at = confusion(scores, labels, step / 100.0);
            if (at.recall() >= targetRecall) {
                return at;
            }
        }
        return confusion(scores, labels, 0.0);
    }

    private static void requireSameSize(List<Double> scores, List<Integer> labels) {
        if (scores.size() != labels.size()) {
            throw new IllegalArgumentException(scores.size() + " scores for " + labels.size() + " labels");
        }
    }
}

package io.labrunner.emulator.sagemaker.linearlearner;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Picks a binary classifier's decision threshold the way {@code binary_classifier_model_selection_criteria}
 * asks: every cut between two distinct scores is tried, from labelling nothing positive to labelling
 * everything positive, and the cut that is best for the criterion wins.
 */
final class ThresholdSweep {
    /** The chosen threshold and the criterion's value there. */
    record Choice(double threshold, double value) {
    }

    private ThresholdSweep() {
    }

    static Choice best(double[] scores, double[] labels, String criteria, Settings settings) {
        int n = scores.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> scores[i]).reversed());
        int positives = 0;
        for (double y : labels) {
            positives += y > 0.5 ? 1 : 0;
        }
        double beta2 = settings.fBeta() * settings.fBeta();
        double bestValue = Double.NEGATIVE_INFINITY;
        double bestThreshold = Double.POSITIVE_INFINITY;
        double fallbackValue = Double.NEGATIVE_INFINITY;
        double fallbackThreshold = Double.POSITIVE_INFINITY;
        int tp = 0;
        int fp = 0;
        int i = 0;
        while (true) {
            // Labelling positive every example scored at or above the current cut.
            double threshold = i == 0 ? Math.nextUp(scores[order[0]]) : cut(scores, order, i);
            double precision = tp + fp == 0 ? 1.0 : (double) tp / (tp + fp);
            double recall = positives == 0 ? 1.0 : (double) tp / positives;
            double accuracy = (double) (tp + (n - positives - fp)) / n;
            double value = switch (criteria) {
                case "f_beta" -> tp == 0 ? 0 : (1 + beta2) * tp / ((1 + beta2) * tp + beta2 * (positives - tp) + fp);
                case "precision_at_target_recall" -> recall >= settings.targetRecall() ? precision
                        : Double.NEGATIVE_INFINITY;
                case "recall_at_target_precision" -> precision >= settings.targetPrecision() ? recall
                        : Double.NEGATIVE_INFINITY;
                default -> accuracy;
            };
            if (value > bestValue) {
                bestValue = value;
                bestThreshold = threshold;
            }
            if (accuracy > fallbackValue) {
                fallbackValue = accuracy;
                fallbackThreshold = threshold;
            }
            if (i == n) {
                break;
            }
            double group = scores[order[i]];
            while (i < n && scores[order[i]] == group) {
                if (labels[order[i]] > 0.5) {
                    tp++;
                } else {
                    fp++;
                }
                i++;
            }
        }
        // No cut reaches the target: the most accurate cut, rather than none.
        return bestValue == Double.NEGATIVE_INFINITY ? new Choice(fallbackThreshold, 0)
                : new Choice(bestThreshold, bestValue);
    }

    /** Halfway between the last score labelled positive and the next one down (just below the lowest). */
    private static double cut(double[] scores, Integer[] order, int taken) {
        double last = scores[order[taken - 1]];
        return taken == order.length ? Math.nextDown(last) : (last + scores[order[taken]]) / 2;
    }
}

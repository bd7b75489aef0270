package io.labrunner.emulator.sagemaker.linearlearner;

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
        ScoreOrder order = ScoreOrder.of(scores, labels);
        double[] pos = order.positives();
        double[] neg = order.negatives();
        int n = scores.length;
        int positives = pos.length;
        double beta2 = settings.fBeta() * settings.fBeta();
        double bestValue = Double.NEGATIVE_INFINITY;
        double bestThreshold = Double.POSITIVE_INFINITY;
        double fallbackValue = Double.NEGATIVE_INFINITY;
        double fallbackThreshold = Double.POSITIVE_INFINITY;
        int tp = 0;
        int fp = 0;
        double previous = Double.NaN;
        while (true) {
            // Labelling positive every example scored above the next score down.
            double next = Math.max(tp < pos.length ? pos[tp] : Double.NEGATIVE_INFINITY,
                    fp < neg.length ? neg[fp] : Double.NEGATIVE_INFINITY);
            double threshold = Double.isNaN(previous) ? Math.nextUp(next)
                    : next == Double.NEGATIVE_INFINITY ? Math.nextDown(previous) : (previous + next) / 2;
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
            if (next == Double.NEGATIVE_INFINITY) {
                break;
            }
            while (tp < pos.length && pos[tp] == next) {
                tp++;
            }
            while (fp < neg.length && neg[fp] == next) {
                fp++;
            }
            previous = next;
        }
        // No cut reaches the target: the most accurate cut, rather than none.
        return bestValue == Double.NEGATIVE_INFINITY ? new Choice(fallbackThreshold, 0)
                : new Choice(bestThreshold, bestValue);
    }
}

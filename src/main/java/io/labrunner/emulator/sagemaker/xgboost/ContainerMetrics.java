package io.labrunner.emulator.sagemaker.xgboost;

import io.labrunner.emulator.sagemaker.algorithms.AlgorithmException;
import java.util.TreeSet;

/**
 * The metrics the container computes itself with scikit-learn from each round's raw (margin)
 * predictions: a class is {@code margin > 0} for binary objectives and the arg-max for multi-class ones
 * (sagemaker-xgboost-container {@code metrics/custom_metrics.py}). Averages follow scikit-learn: macro over
 * every class seen in labels or predictions, a class with no predictions scoring 0.
 */
final class ContainerMetrics {

    private ContainerMetrics() {
    }

    /**
     * @param margins one row per instance: one value, or one per class
     * @throws AlgorithmException as scikit-learn refuses a binary average on multi-class labels
     */
    static double compute(String metric, float[][] margins, float[] labels) throws AlgorithmException {
        if (labels.length == 0) {
            return 0;
        }
        switch (metric) {
            case "mse":
                return mse(margins, labels);
            case "r2":
                return r2(margins, labels);
            default:
                return classification(metric, classes(margins), labels);
        }
    }

    private static int[] classes(float[][] margins) {
        int[] predicted = new int[margins.length];
        for (int i = 0; i < margins.length; i++) {
            float[] row = margins[i];
            if (row.length == 1) {
                predicted[i] = row[0] > 0 ? 1 : 0;
            } else {
                int best = 0;
                for (int k = 1; k < row.length; k++) {
                    if (row[k] > row[best]) {
                        best = k;
                    }
                }
                predicted[i] = best;
            }
        }
        return predicted;
    }

    private static double classification(String metric, int[] predicted, float[] labels) throws AlgorithmException {
        TreeSet<Integer> seen = new TreeSet<>();
        int correct = 0;
        for (int i = 0; i < labels.length; i++) {
            seen.add((int) labels[i]);
            seen.add(predicted[i]);
            if ((int) labels[i] == predicted[i]) {
                correct++;
            }
        }
        if (seen.first() < 0) {
            throw AlgorithmException.clientError("Metric '" + metric + "' needs class labels 0, 1, ...; found "
                    + seen.first() + ".");
        }
        int size = seen.last() + 1;
        long[] truePositive = new long[size];
        long[] predictedCount = new long[size];
        long[] actualCount = new long[size];
        for (int i = 0; i < labels.length; i++) {
            int actual = (int) labels[i];
            actualCount[actual]++;
            predictedCount[predicted[i]]++;
            if (actual == predicted[i]) {
                truePositive[actual]++;
            }
        }
        double accuracy = (double) correct / labels.length;
        switch (metric) {
            case "accuracy", "precision_micro", "recall_micro":
                return accuracy;
            case "balanced_accuracy": {
                double sum = 0;
                int present = 0;
                for (int c = 0; c < size; c++) {
                    if (actualCount[c] > 0) {
                        sum += (double) truePositive[c] / actualCount[c];
                        present++;
                    }
                }
                return sum / present;
            }
            case "precision", "recall", "f1_binary": {
                if (seen.stream().anyMatch(c -> c != 0 && c != 1)) {
                    throw AlgorithmException.clientError("Target is multiclass but average='binary'. Please choose "
                            + "another average setting, one of [None, 'micro', 'macro', 'weighted'].");
                }
                return perClass(metric.replace("_binary", ""), 1, truePositive, predictedCount, actualCount);
            }
            case "precision_macro", "recall_macro", "f1", "f1_macro": {
                String kind = metric.replace("_macro", "");
                double sum = 0;
                for (int c : seen) {
                    sum += perClass(kind, c, truePositive, predictedCount, actualCount);
                }
                return sum / seen.size();
            }
            default:
                throw AlgorithmException.algorithmError("Unknown metric " + metric);
        }
    }

    private static double perClass(String kind, int c, long[] truePositive, long[] predictedCount, long[] actualCount) {
        long tp = c < truePositive.length ? truePositive[c] : 0;
        long predicted = c < predictedCount.length ? predictedCount[c] : 0;
        long actual = c < actualCount.length ? actualCount[c] : 0;
        double precision = predicted == 0 ? 0 : (double) tp / predicted;
        double recall = actual == 0 ? 0 : (double) tp / actual;
        switch (kind) {
            case "precision":
                return precision;
            case "recall":
                return recall;
            default:
                return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        }
    }

    private static double mse(float[][] margins, float[] labels) {
        double sum = 0;
        for (int i = 0; i < labels.length; i++) {
            double error = labels[i] - margins[i][0];
            sum += error * error;
        }
        return sum / labels.length;
    }

    private static double r2(float[][] margins, float[] labels) {
        double mean = 0;
        for (float label : labels) {
            mean += label;
        }
        mean /= labels.length;
        double residual = 0;
        double total = 0;
        for (int i = 0; i < labels.length; i++) {
            residual += Math.pow(labels[i] - margins[i][0], 2);
            total += Math.pow(labels[i] - mean, 2);
        }
        if (total == 0) {
            return residual == 0 ? 1.0 : 0.0;
        }
        return 1 - residual / total;
    }
}

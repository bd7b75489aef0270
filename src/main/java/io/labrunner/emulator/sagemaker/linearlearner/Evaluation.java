package io.labrunner.emulator.sagemaker.linearlearner;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores a model on a dataset: the objective loss and the metrics the container reports for the
 * predictor type, under the names it prints them ({@code binary_classification_accuracy},
 * {@code binary_f_1.000}, {@code mse}, {@code multiclass_accuracy}, ...).
 */
final class Evaluation {
    private Evaluation() {
    }

    /** The mean objective loss, in the labels' own units. */
    static double objective(LinearModel model, Dataset data, Settings settings) {
        double sum = 0;
        for (int r = 0; r < data.rows(); r++) {
            double[] raw = model.raw(data.features(), r * data.dim());
            double y = data.labels()[r];
            if (model.predictorType() == PredictorType.MULTICLASS_CLASSIFIER) {
                double[] p = LinearModel.softmax(raw);
                sum += -Math.log(Math.max(p[(int) y], 1e-15));
            } else {
                sum += model.loss().value(raw[0], y, settings);
            }
        }
        return sum / data.rows();
    }

    /** The served scores of every example: one per row, or one per class for multiclass. */
    static double[][] scores(LinearModel model, Dataset data) {
        double[][] out = new double[data.rows()][];
        for (int r = 0; r < data.rows(); r++) {
            out[r] = model.scores(data.features(), r * data.dim());
        }
        return out;
    }

    /** Every final metric, objective first, by the name the container prints. */
    static Map<String, Double> metrics(LinearModel model, Dataset data, Settings settings) {
        Map<String, Double> out = new LinkedHashMap<>();
        out.put(settings.loss().objectiveName(), objective(model, data, settings));
        double[][] scores = scores(model, data);
        double[] labels = data.labels();
        switch (model.predictorType()) {
            case BINARY_CLASSIFIER -> binary(model, scores, labels, settings, out);
            case REGRESSOR -> {
                double se = 0;
                double ae = 0;
                for (int r = 0; r < labels.length; r++) {
                    double e = scores[r][0] - labels[r];
                    se += e * e;
                    ae += Math.abs(e);
                }
                out.put("mse", se / labels.length);
                out.put("absolute_loss", ae / labels.length);
            }
            case MULTICLASS_CLASSIFIER -> multiclass(model, scores, labels, settings, out);
        }
        return out;
    }

    private static void binary(LinearModel model, double[][] scores, double[] labels, Settings settings,
                               Map<String, Double> out) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        int correct = 0;
        for (int r = 0; r < labels.length; r++) {
            int predicted = model.label(scores[r]);
            int actual = labels[r] > 0.5 ? 1 : 0;
            correct += predicted == actual ? 1 : 0;
            tp += predicted == 1 && actual == 1 ? 1 : 0;
            fp += predicted == 1 && actual == 0 ? 1 : 0;
            fn += predicted == 0 && actual == 1 ? 1 : 0;
        }
        double precision = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
        double recall = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
        out.put("binary_classification_accuracy", (double) correct / labels.length);
        out.put(fBetaName(settings), fBeta(precision, recall, settings.fBeta()));
        out.put("precision", precision);
        out.put("recall", recall);
        double[] single = new double[scores.length];
        for (int r = 0; r < scores.length; r++) {
            single[r] = scores[r][0];
        }
        out.put("roc_auc_score", rocAuc(single, labels));
    }

    /** The container prints F-beta with beta in its name, e.g. {@code binary_f_1.000}. */
    static String fBetaName(Settings settings) {
        return String.format(java.util.Locale.ROOT, "binary_f_%.3f", settings.fBeta());
    }

    private static double fBeta(double precision, double recall, double beta) {
        double b2 = beta * beta;
        return precision + recall == 0 ? 0 : (1 + b2) * precision * recall / (b2 * precision + recall);
    }

    /** The area under the ROC curve: the chance a positive scores above a negative, ties counting half. */
    static double rocAuc(double[] scores, double[] labels) {
        ScoreOrder order = ScoreOrder.of(scores, labels);
        double[] pos = order.positives();
        double[] neg = order.negatives();
        if (pos.length == 0 || neg.length == 0) {
            return 0.5;
        }
        // For each positive, from the lowest up: the negatives strictly below it, plus half the tied ones.
        double pairs = 0;
        int below = 0;
        int tied = 0;
        double tiedScore = Double.NaN;
        for (int i = pos.length - 1; i >= 0; i--) {
            double s = pos[i];
            if (s != tiedScore) {
                while (below < neg.length && neg[neg.length - 1 - below] < s) {
                    below++;
                }
                tied = 0;
                while (below + tied < neg.length && neg[neg.length - 1 - below - tied] == s) {
                    tied++;
                }
                tiedScore = s;
            }
            pairs += below + tied / 2.0;
        }
        return pairs / ((double) pos.length * neg.length);
    }

    private static void multiclass(LinearModel model, double[][] scores, double[] labels, Settings settings,
                                   Map<String, Double> out) {
        int classes = scores[0].length;
        int[] truePositive = new int[classes];
        int[] predictedCount = new int[classes];
        int[] actualCount = new int[classes];
        int correct = 0;
        int topK = 0;
        double dcg = 0;
        for (int r = 0; r < labels.length; r++) {
            int actual = (int) labels[r];
            int predicted = model.label(scores[r]);
            predictedCount[predicted]++;
            actualCount[actual]++;
            if (predicted == actual) {
                correct++;
                truePositive[actual]++;
            }
            int rank = 1;
            for (int k = 0; k < classes; k++) {
                if (scores[r][k] > scores[r][actual]) {
                    rank++;
                }
            }
            topK += rank <= settings.accuracyTopK() ? 1 : 0;
            dcg += 1 / (Math.log(rank + 1) / Math.log(2));
        }
        List<Double> precisions = new ArrayList<>();
        List<Double> recalls = new ArrayList<>();
        for (int k = 0; k < classes; k++) {
            if (actualCount[k] > 0 || predictedCount[k] > 0) {
                precisions.add(predictedCount[k] == 0 ? 0 : (double) truePositive[k] / predictedCount[k]);
                recalls.add(actualCount[k] == 0 ? 0 : (double) truePositive[k] / actualCount[k]);
            }
        }
        double macroPrecision = precisions.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double macroRecall = recalls.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        out.put("multiclass_accuracy", (double) correct / labels.length);
        out.put("multiclass_top_k_accuracy", (double) topK / labels.length);
        out.put("dcg", dcg / labels.length);
        out.put("macro_recall", macroRecall);
        out.put("macro_precision", macroPrecision);
        out.put("macro_f_beta", fBeta(macroPrecision, macroRecall, settings.fBeta()));
    }
}

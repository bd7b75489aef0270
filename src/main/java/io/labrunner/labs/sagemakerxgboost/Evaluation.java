package io.labrunner.labs.sagemakerxgboost;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The learner's judgement of the model on the held-out customers, as they write it to
 * {@code evaluation/evaluation.json}: the threshold they picked, the confusion matrix there, the
 * ratios read from it, and the AUC. The checks recompute every number from the predictions.
 */
public record Evaluation(double threshold, long tp, long fp, long tn, long fn, double accuracy, double precision,
        double recall, double f1, double auc) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The evaluation of {@code scores} at {@code threshold}. */
    public static Evaluation of(List<Double> scores, List<Integer> labels, double threshold) {
        BinaryMetrics.Confusion at = BinaryMetrics.confusion(scores, labels, threshold);
        return new Evaluation(threshold, at.tp(), at.fp(), at.tn(), at.fn(), at.accuracy(), at.precision(), at.recall(),
                at.f1(), BinaryMetrics.auc(scores, labels));
    }

    public String toJson() {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Evaluation fromJson(String json) {
        try {
            return JSON.readValue(json, Evaluation.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

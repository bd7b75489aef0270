package io.labrunner.labs.messydata;

import static org.assertj.core.api.Assertions.assertThat;

import io.labrunner.labs.messydata.Readings.Reading;
import io.labrunner.labs.sagemakerxgboost.BinaryMetrics;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import org.junit.jupiter.api.Test;

/**
 * What the lab's checks expect of SageMaker's XGBoost, shown with the same library directly: on the
 * deduplicated export, weighting the rare failures by negatives/positives raises their recall a lot
 * and costs little accuracy, while a model that never predicts a failure is already "98 % accurate".
 */
class ScalePosWeightClaimTest {

    @Test
    void weightingTheMinorityRaisesItsRecallWhileAccuracyBarelyMoves() throws Exception {
        List<Reading> training = clean(new ArrayList<>(new LinkedHashSet<>(Readings.raw())));
        long positives = training.stream().filter(r -> r.failure() == 1).count();
        double weight = (training.size() - positives) / (double) positives;
        List<Reading> holdout = Readings.holdout();
        List<Integer> labels = holdout.stream().map(Reading::failure).toList();

        BinaryMetrics.Confusion plain = BinaryMetrics.confusion(predict(train(training, 1), holdout), labels, 0.5);
        BinaryMetrics.Confusion weighted = BinaryMetrics.confusion(predict(train(training, weight), holdout), labels, 0.5);
        BinaryMetrics.Confusion neverFails = BinaryMetrics.confusion(holdout.stream().map(r -> 0.0).toList(), labels, 0.5);

        System.out.printf("plain acc %.4f recall %.3f; weighted acc %.4f recall %.3f; weight %.1f%n", plain.accuracy(),
                plain.recall(), weighted.accuracy(), weighted.recall(), weight);
        assertThat(weight).isBetween(35.0, 65.0);
        assertThat(neverFails.accuracy()).as("accuracy of predicting 'no failure' always").isGreaterThan(0.97);
        assertThat(weighted.recall() - plain.recall()).as("recall gained by weighting").isGreaterThan(0.15);
        assertThat(Math.abs(weighted.accuracy() - plain.accuracy())).as("accuracy moved by weighting").isLessThan(0.03);
    }

    /** The guide's cleaning, done in Java: values beyond Tukey's far fences are glitches, glitches and gaps get the median. */
    static List<Reading> clean(List<Reading> readings) {
        double[] temperature = fenceAndMedian(readings.stream().map(Reading::temperatureC).toList());
        double[] vibration = fenceAndMedian(readings.stream().map(Reading::vibrationMmS).toList());
        double[] pressure = fenceAndMedian(readings.stream().map(Reading::pressureBar).toList());
        return readings.stream().map(r -> new Reading(r.readingId(), r.pumpId(), r.readAt(), fix(r.temperatureC(), temperature),
                fix(r.vibrationMmS(), vibration), fix(r.pressureBar(), pressure), r.rpm(), r.hoursSinceService(),
                r.loadPct(), r.failure())).toList();
    }

    private static double[] fenceAndMedian(List<Double> values) {
        double[] sorted = values.stream().filter(v -> v != null).mapToDouble(Double::doubleValue).sorted().toArray();
        double p25 = sorted[(int) (0.25 * (sorted.length - 1))];
        double p50 = sorted[(int) (0.50 * (sorted.length - 1))];
        double p75 = sorted[(int) (0.75 * (sorted.length - 1))];
        return new double[] {p25 - 3 * (p75 - p25), p75 + 3 * (p75 - p25), p50};
    }

    private static Double fix(Double value, double[] fenceAndMedian) {
        return value == null || value < fenceAndMedian[0] || value > fenceAndMedian[1] ? fenceAndMedian[2] : value;
    }

    private static Booster train(List<Reading> readings, double scalePosWeight) throws Exception {
        float[] labels = new float[readings.size()];
        for (int i = 0; i < readings.size(); i++) {
            labels[i] = readings.get(i).failure();
        }
        DMatrix data = matrix(readings);
        data.setLabel(labels);
        Map<String, Object> params = new HashMap<>(Map.of("objective", "binary:logistic", "eta", 0.2, "max_depth", 4,
                "scale_pos_weight", scalePosWeight));
        return XGBoost.train(data, params, 50, new HashMap<>(), null, null);
    }

    private static List<Double> predict(Booster booster, List<Reading> readings) throws Exception {
        List<Double> scores = new ArrayList<>();
        for (float[] row : booster.predict(matrix(readings))) {
            scores.add((double) row[0]);
        }
        return scores;
    }

    private static DMatrix matrix(List<Reading> readings) throws Exception {
        int width = Readings.FEATURES.size();
        float[] values = new float[readings.size() * width];
        for (int i = 0; i < readings.size(); i++) {
            Reading r = readings.get(i);
            float[] row = {value(r.temperatureC()), value(r.vibrationMmS()), value(r.pressureBar()), r.rpm(),
                r.hoursSinceService(), r.loadPct()};
            System.arraycopy(row, 0, values, i * width, width);
        }
        return new DMatrix(values, readings.size(), width, Float.NaN);
    }

    private static float value(Double v) {
        return v == null ? Float.NaN : v.floatValue();
    }
}

package io.labrunner.emulator.sagemaker.algorithms;

import java.util.List;
import java.util.Map;

/**
 * A finished training run.
 *
 * @param files   the model's files by name, packed as {@code model.tar.gz} (XGBoost: {@code xgboost-model})
 * @param metrics the final value of each metric the container printed, for FinalMetricDataList
 */
public record TrainedModel(Map<String, byte[]> files, List<FinalMetric> metrics) {

    public TrainedModel {
        files = Map.copyOf(files);
        metrics = List.copyOf(metrics);
    }

    /** One metric's last value, e.g. {@code validation:auc} 0.91. */
    public record FinalMetric(String name, double value) {
    }
}

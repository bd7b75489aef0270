package io.labrunner.emulator.sagemaker.xgboost;

import io.labrunner.emulator.sagemaker.algorithms.MetricDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The metrics SageMaker's XGBoost 1.7-1 container knows: the ones XGBoost computes itself and the ones
 * the container adds with scikit-learn ({@code accuracy}, {@code f1}, {@code r2}...), each to be
 * maximized or minimized as the container's metric list declares them
 * (sagemaker-xgboost-container, {@code constants/xgb_constants.py}; docs: "Tune an XGBoost Model").
 */
final class XgboostMetrics {
    static final List<String> MAXIMIZE = List.of("accuracy", "auc", "aucpr", "balanced_accuracy", "f1", "f1_binary",
            "f1_macro", "map", "ndcg", "precision", "r2", "recall", "precision_macro", "precision_micro",
            "recall_macro", "recall_micro");
    static final List<String> MINIMIZE = List.of("aft-nloglik", "cox-nloglik", "error", "gamma-deviance",
            "gamma-nloglik", "interval-regression-accuracy", "logloss", "mae", "mape", "merror", "mlogloss", "mphe",
            "mse", "poisson-nloglik", "rmse", "rmsle", "tweedie-nloglik");

    /**
     * Computed by the container from each round's raw (margin) predictions rather than by XGBoost. The
     * container lists rmse and mae here too; XGBoost's own are used for them, which agree wherever the
     * margin is the prediction (every reg: objective but gamma, tweedie and logistic).
     */
    static final Set<String> COMPUTED_BY_CONTAINER = Set.of("accuracy", "balanced_accuracy", "f1", "f1_binary",
            "f1_macro", "mse", "precision", "precision_macro", "precision_micro", "r2", "recall", "recall_macro",
            "recall_micro");

    private XgboostMetrics() {
    }

    static boolean maximize(String metric) {
        return MAXIMIZE.contains(baseName(metric));
    }

    /** {@code error@0.7} → {@code error}. */
    static String baseName(String metric) {
        int at = metric.indexOf('@');
        return at < 0 ? metric : metric.substring(0, at);
    }

    /** Every metric as {@code validation:name} and {@code train:name}, as SageMaker parses them from the log. */
    static List<MetricDefinition> definitions() {
        List<MetricDefinition> all = new ArrayList<>();
        for (String channel : List.of("validation", "train")) {
            MAXIMIZE.forEach(name -> all.add(new MetricDefinition(channel + ":" + name, true)));
            MINIMIZE.forEach(name -> all.add(new MetricDefinition(channel + ":" + name, false)));
        }
        return List.copyOf(all);
    }

    /** The names the container accepts as {@code _tuning_objective_metric}: the validation ones. */
    static List<String> tuningObjectives() {
        List<String> names = new ArrayList<>();
        MAXIMIZE.forEach(name -> names.add("validation:" + name));
        MINIMIZE.forEach(name -> names.add("validation:" + name));
        return List.copyOf(names);
    }
}

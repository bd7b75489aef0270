package io.labrunner.emulator.sagemaker.xgboost;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A training job's hyperparameters once the container has validated them.
 *
 * @param numRound             boosting rounds
 * @param objective            the objective, {@code reg:squarederror} when none was given
 * @param csvWeights           whether a CSV's second column holds instance weights
 * @param boosterParams        what goes to XGBoost itself, as strings
 * @param xgboostMetrics       metrics XGBoost computes (empty: its default for the objective)
 * @param containerMetrics     metrics the container computes itself (see {@link XgboostMetrics#COMPUTED_BY_CONTAINER})
 * @param earlyStoppingRounds  rounds without improvement before training stops, when early stopping is on
 * @param earlyStoppingMetric  the validation metric early stopping watches
 * @param treeMethodGiven      the tree method asked for, or empty for the container's {@code auto}
 */
record TrainingSettings(int numRound, String objective, boolean csvWeights, Map<String, String> boosterParams,
        List<String> xgboostMetrics, List<String> containerMetrics, Optional<Integer> earlyStoppingRounds,
        Optional<String> earlyStoppingMetric, Optional<String> treeMethodGiven) {

    TrainingSettings {
        boosterParams = Map.copyOf(boosterParams);
        xgboostMetrics = List.copyOf(xgboostMetrics);
        containerMetrics = List.copyOf(containerMetrics);
    }

    boolean multiClass() {
        return objective.startsWith("multi:");
    }
}

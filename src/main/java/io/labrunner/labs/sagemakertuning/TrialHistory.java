package io.labrunner.labs.sagemakertuning;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.HyperParameterTrainingJobSummary;
import software.amazon.awssdk.services.sagemaker.model.SortOrder;
import software.amazon.awssdk.services.sagemaker.model.TrainingJobSortByOptions;

/**
 * A tuning job's trials in the order it launched them, and how soon it found its best — read from
 * ListTrainingJobsForHyperParameterTuningJob, sorted by creation time, through the paginator.
 */
record TrialHistory(String tuningJob, List<HyperParameterTrainingJobSummary> trials) {

    static TrialHistory of(SageMakerClient sageMaker, String tuningJob) {
        List<HyperParameterTrainingJobSummary> trials = new ArrayList<>();
        sageMaker.listTrainingJobsForHyperParameterTuningJobPaginator(list -> list
                        .hyperParameterTuningJobName(tuningJob)
                        .sortBy(TrainingJobSortByOptions.CREATION_TIME)
                        .sortOrder(SortOrder.ASCENDING))
                .trainingJobSummaries().forEach(trials::add);
        return new TrialHistory(tuningJob, List.copyOf(trials));
    }

    /** A trial's objective, or NaN when it has none (it failed or was stopped early). */
    static double objective(HyperParameterTrainingJobSummary trial) {
        return trial.finalHyperParameterTuningJobObjectiveMetric() == null ? Double.NaN
                : trial.finalHyperParameterTuningJobObjectiveMetric().value();
    }

    /** The best objective so far after each trial, in launch order. */
    List<Double> runningBest() {
        List<Double> best = new ArrayList<>();
        double so = Double.NEGATIVE_INFINITY;
        for (HyperParameterTrainingJobSummary trial : trials) {
            double value = objective(trial);
            so = Double.isNaN(value) ? so : Math.max(so, value);
            best.add(so);
        }
        return best;
    }

    double bestObjective() {
        List<Double> best = runningBest();
        return best.isEmpty() ? Double.NaN : best.get(best.size() - 1);
    }

    /** The 1-based launch position of the first trial that reached the best objective. */
    int trialsToBest() {
        List<Double> best = runningBest();
        for (int i = 0; i < best.size(); i++) {
            if (best.get(i) >= bestObjective()) {
                return i + 1;
            }
        }
        return 0;
    }

    /** The name of that trial. */
    String bestTrainingJob() {
        int position = trialsToBest();
        return position == 0 ? "" : trials.get(position - 1).trainingJobName();
    }
}

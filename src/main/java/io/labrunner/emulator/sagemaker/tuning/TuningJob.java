package io.labrunner.emulator.sagemaker.tuning;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A hyperparameter tuning job as stored: the request as given, its progress and its trials. Immutable;
 * every change makes a new value that replaces the stored one.
 *
 * @param config          HyperParameterTuningJobConfig as created
 * @param definition      TrainingJobDefinition as created
 * @param warmStart       WarmStartConfig, or null
 * @param finishing       why the job stops launching before its budget is spent (a completion criterion
 *                        met, trials failing), or null; set, the job ends once its running trials end
 * @param stopRequested   StopHyperParameterTuningJob was called
 * @param seed            the random seed its strategy draws from
 */
record TuningJob(String region, String name, String arn, JsonNode config, JsonNode definition, JsonNode warmStart,
        String status, Instant created, Instant lastModified, Instant ended, String failureReason, String finishing,
        boolean stopRequested, long seed, List<Trial> trials) {

    TuningJob {
        trials = List.copyOf(trials);
    }

    boolean active() {
        return "InProgress".equals(status) || "Stopping".equals(status);
    }

    String strategy() {
        return config.path("Strategy").asText();
    }

    String metricName() {
        return config.path("HyperParameterTuningJobObjective").path("MetricName").asText();
    }

    boolean maximize() {
        return "Maximize".equals(config.path("HyperParameterTuningJobObjective").path("Type").asText());
    }

    int maxParallel() {
        return config.path("ResourceLimits").path("MaxParallelTrainingJobs").asInt(1);
    }

    long runningCount() {
        return trials.stream().filter(Trial::running).count();
    }

    TuningJob with(String newStatus, Instant now, Instant newEnded, String newFailureReason) {
        return new TuningJob(region, name, arn, config, definition, warmStart, newStatus, created, now, newEnded,
                newFailureReason, finishing, stopRequested, seed, trials);
    }

    TuningJob withTrials(List<Trial> newTrials, Instant now) {
        return new TuningJob(region, name, arn, config, definition, warmStart, status, created, now, ended,
                failureReason, finishing, stopRequested, seed, newTrials);
    }

    TuningJob withTrial(Trial trial, Instant now) {
        List<Trial> next = new ArrayList<>(trials);
        next.add(trial);
        return withTrials(next, now);
    }

    TuningJob finishing(String why, Instant now) {
        return new TuningJob(region, name, arn, config, definition, warmStart, status, created, now, ended,
                failureReason, why, stopRequested, seed, trials);
    }

    TuningJob stopping(Instant now) {
        return new TuningJob(region, name, arn, config, definition, warmStart, "Stopping", created, now, ended,
                failureReason, finishing, true, seed, trials);
    }
}

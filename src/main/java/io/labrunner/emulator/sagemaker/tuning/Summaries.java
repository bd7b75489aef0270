package io.labrunner.emulator.sagemaker.tuning;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A tuning job and its trials in the API's output shapes. */
final class Summaries {
    private Summaries() {
    }

    static Map<String, Object> describe(TuningJob job, Instant now) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("HyperParameterTuningJobName", job.name());
        out.put("HyperParameterTuningJobArn", job.arn());
        out.put("HyperParameterTuningJobConfig", job.config());
        out.put("TrainingJobDefinition", job.definition());
        out.put("HyperParameterTuningJobStatus", job.status());
        out.put("CreationTime", job.created());
        out.put("HyperParameterTuningEndTime", job.ended());
        out.put("LastModifiedTime", job.lastModified());
        out.put("TrainingJobStatusCounters", statusCounters(job.trials()));
        out.put("ObjectiveStatusCounters", objectiveCounters(job.trials()));
        best(job).ifPresent(best -> out.put("BestTrainingJob", trial(job, best)));
        out.put("WarmStartConfig", job.warmStart());
        out.put("FailureReason", job.failureReason());
        out.put("TuningJobCompletionDetails", Map.of("NumberOfTrainingJobsObjectiveNotImproving", notImproving(job)));
        Instant until = job.ended() != null ? job.ended() : now;
        out.put("ConsumedResources", Map.of("RuntimeInSeconds",
                (int) Math.max(0, Duration.between(job.created(), until).toSeconds())));
        return out;
    }

    /** How many trials have ended with an objective since the best one did. */
    private static int notImproving(TuningJob job) {
        List<Trial> ended = job.trials().stream().filter(t -> t.objective() != null && t.end() != null)
                .sorted(Comparator.comparing(Trial::end)).toList();
        Optional<Trial> best = best(job);
        return best.filter(b -> b.end() != null).map(b -> (int) ended.stream().filter(t -> t.end().isAfter(b.end())).count()).orElse(0);
    }

    static Map<String, Object> listed(TuningJob job) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("HyperParameterTuningJobName", job.name());
        out.put("HyperParameterTuningJobArn", job.arn());
        out.put("HyperParameterTuningJobStatus", job.status());
        out.put("Strategy", job.strategy());
        out.put("CreationTime", job.created());
        out.put("HyperParameterTuningEndTime", job.ended());
        out.put("LastModifiedTime", job.lastModified());
        out.put("TrainingJobStatusCounters", statusCounters(job.trials()));
        out.put("ObjectiveStatusCounters", objectiveCounters(job.trials()));
        out.put("ResourceLimits", job.config().path("ResourceLimits"));
        return out;
    }

    /** The trial with the best objective value; ties go to the one launched first. */
    static Optional<Trial> best(TuningJob job) {
        Comparator<Trial> byObjective = Comparator.comparingDouble(Trial::objective);
        return job.trials().stream().filter(t -> t.objective() != null)
                .min(job.maximize() ? byObjective.reversed() : byObjective);
    }

    static Map<String, Object> trial(TuningJob job, Trial trial) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("TrainingJobName", trial.name());
        out.put("TrainingJobArn", trial.arn());
        out.put("TuningJobName", job.name());
        out.put("CreationTime", trial.created());
        out.put("TrainingStartTime", trial.start());
        out.put("TrainingEndTime", trial.end());
        out.put("TrainingJobStatus", trial.status());
        out.put("TunedHyperParameters", trial.tunedHyperParameters());
        out.put("FailureReason", trial.failureReason());
        if (trial.objective() != null) {
            Map<String, Object> metric = new LinkedHashMap<>();
            metric.put("Type", job.maximize() ? "Maximize" : "Minimize");
            metric.put("MetricName", job.metricName());
            metric.put("Value", trial.objective());
            out.put("FinalHyperParameterTuningJobObjectiveMetric", metric);
        }
        out.put("ObjectiveStatus", trial.objectiveStatus());
        return out;
    }

    private static Map<String, Integer> statusCounters(List<Trial> trials) {
        Map<String, Integer> counters = new LinkedHashMap<>();
        counters.put("Completed", count(trials, "Completed"));
        counters.put("InProgress", (int) trials.stream().filter(Trial::running).count());
        // The emulator does not retry: every failure is final, as AWS counts non-retryable errors.
        counters.put("RetryableError", 0);
        counters.put("NonRetryableError", count(trials, "Failed"));
        counters.put("Stopped", count(trials, "Stopped"));
        return counters;
    }

    private static int count(List<Trial> trials, String status) {
        return (int) trials.stream().filter(t -> status.equals(t.status())).count();
    }

    private static Map<String, Integer> objectiveCounters(List<Trial> trials) {
        Map<String, Integer> counters = new LinkedHashMap<>();
        for (String status : List.of("Succeeded", "Pending", "Failed")) {
            counters.put(status, (int) trials.stream().filter(t -> status.equals(t.objectiveStatus())).count());
        }
        return counters;
    }
}

package io.labrunner.emulator.sagemaker.training;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.emulator.sagemaker.algorithms.TrainedModel.FinalMetric;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A training job as stored: the request it was created with and where it has got to. Immutable; each
 * step of the run stores a new value.
 *
 * @param request        the CreateTrainingJob input, as validated by the model
 * @param tuningJobArn   the tuning job that launched it, or null
 * @param failureReason  set once the job has Failed
 * @param modelArtifacts the S3 URI of {@code model.tar.gz}, set once the job has Completed
 */
public record TrainingJob(String region, String name, String arn, ObjectNode request, String tuningJobArn,
        String status, String secondaryStatus, List<Transition> transitions, String failureReason,
        Instant created, Instant lastModified, Instant trainingStart, Instant trainingEnd,
        List<FinalMetric> finalMetrics, String modelArtifacts) {

    public static final String IN_PROGRESS = "InProgress";
    public static final String COMPLETED = "Completed";
    public static final String FAILED = "Failed";
    public static final String STOPPING = "Stopping";
    public static final String STOPPED = "Stopped";

    public TrainingJob {
        transitions = List.copyOf(transitions);
        finalMetrics = List.copyOf(finalMetrics);
    }

    /** A job just created: InProgress, Starting. */
    static TrainingJob newJob(String region, String name, String arn, ObjectNode request, String tuningJobArn,
            Instant now) {
        return new TrainingJob(region, name, arn, request, tuningJobArn, IN_PROGRESS, "Starting",
                List.of(new Transition("Starting", now, null, "Starting the training job")), null, now, now, null,
                null, List.of(), null);
    }

    /** True once the job can change no more. */
    public boolean ended() {
        return COMPLETED.equals(status) || FAILED.equals(status) || STOPPED.equals(status);
    }

    /** Moves to a new secondary status, closing the current one. */
    TrainingJob enter(String newStatus, String secondary, String message, Instant now) {
        List<Transition> list = new ArrayList<>(transitions);
        if (!list.isEmpty()) {
            list.set(list.size() - 1, list.get(list.size() - 1).endedAt(now));
        }
        list.add(new Transition(secondary, now, null, message));
        return new TrainingJob(region, name, arn, request, tuningJobArn, newStatus, secondary, list, failureReason,
                created, now, trainingStart, trainingEnd, finalMetrics, modelArtifacts);
    }

    /** Updates the current secondary status's message, as AWS does within Starting and Training. */
    TrainingJob say(String message, Instant now) {
        List<Transition> list = new ArrayList<>(transitions);
        list.set(list.size() - 1, list.get(list.size() - 1).withMessage(message));
        return new TrainingJob(region, name, arn, request, tuningJobArn, status, secondaryStatus, list, failureReason,
                created, now, trainingStart, trainingEnd, finalMetrics, modelArtifacts);
    }

    TrainingJob startedTraining(Instant now) {
        return new TrainingJob(region, name, arn, request, tuningJobArn, status, secondaryStatus, transitions,
                failureReason, created, now, now, trainingEnd, finalMetrics, modelArtifacts);
    }

    /**
     * Ends the job: the last transition gets its end time (AWS shows the final one with StartTime and
     * EndTime equal), the training end time is set when training had started.
     */
    TrainingJob end(String finalStatus, String secondary, String message, String reason, List<FinalMetric> metrics,
            String artifacts, Instant now) {
        TrainingJob entered = enter(finalStatus, secondary, message, now);
        List<Transition> list = new ArrayList<>(entered.transitions);
        list.set(list.size() - 1, list.get(list.size() - 1).endedAt(now));
        return new TrainingJob(region, name, arn, request, tuningJobArn, finalStatus, secondary, list, reason,
                created, now, trainingStart, trainingStart == null ? null : now, metrics, artifacts);
    }

    /**
     * Ends the job in its current secondary status (MaxRuntimeExceeded, which is both how it stops and how
     * it ends), closing that status instead of adding another.
     */
    TrainingJob endIn(String finalStatus, Instant now) {
        List<Transition> list = new ArrayList<>(transitions);
        list.set(list.size() - 1, list.get(list.size() - 1).endedAt(now));
        return new TrainingJob(region, name, arn, request, tuningJobArn, finalStatus, secondaryStatus, list,
                failureReason, created, now, trainingStart, trainingStart == null ? null : now, List.of(), null);
    }

    /** Whole seconds between training start and end, at least 1, as TrainingTimeInSeconds reports. */
    Long trainingSeconds() {
        if (trainingStart == null || trainingEnd == null) {
            return null;
        }
        long millis = trainingEnd.toEpochMilli() - trainingStart.toEpochMilli();
        return Math.max(1, (millis + 999) / 1000);
    }
}

package io.labrunner.emulator.sagemaker;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Training jobs as other parts of SageMaker use them: a tuning job starts its trials through here
 * and follows them, as AWS's tuner does through the training API.
 */
public interface TrainingJobs {

    /**
     * Starts a training job as CreateTrainingJob would.
     *
     * @param request   the job in CreateTrainingJob's input shape, already valid against the model
     * @param tuningJob the ARN of the tuning job that launched it, shown as TuningJobArn; null for none
     * @throws io.labrunner.emulator.AwsException as CreateTrainingJob would refuse it
     */
    void start(String region, ObjectNode request, String tuningJob);

    /** The job's current state, or empty when the region has no job by that name. */
    Optional<View> find(String region, String name);

    /** Asks the job to stop, as StopTrainingJob does; a finished job is left as it is. */
    void stop(String region, String name);

    /**
     * A training job as a tuning job sees it.
     *
     * @param status          InProgress, Completed, Failed, Stopping or Stopped
     * @param secondaryStatus Starting, Downloading, Training, Uploading... as DescribeTrainingJob shows it
     * @param latestMetrics   each metric's latest value parsed from the container's log so far, while the job
     *                        runs and after; empty for a job whose container printed none
     * @param finalMetrics    the final value of each metric, by name, once the job has ended
     * @param end             when it ended, or null while it runs
     */
    record View(String name, String arn, String status, String secondaryStatus, Optional<String> failureReason,
            Map<String, String> hyperParameters, Map<String, ReportedMetric> latestMetrics,
            Map<String, Double> finalMetrics, Instant created, Instant start, Instant end) {
    }

    /**
     * A metric's latest value, as SageMaker parses it from the log with the metric's regex.
     *
     * @param reports how many times the container had printed it by then: the epoch or round it stands for,
     *                for a metric printed once per epoch
     */
    record ReportedMetric(double value, int reports) {
    }
}

package io.labrunner.emulator.sagemaker.monitor;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A processing job's state.
 *
 * @param request             the CreateProcessingJob request as given (or as a schedule built it), without Tags
 * @param status              InProgress, Completed, Failed, Stopping or Stopped
 * @param exitMessage         what the container said at the end (CompletedWithViolations: …), or null
 * @param monitoringScheduleArn the schedule that started it, or null
 */
record ProcessingJob(String region, String name, String arn, ObjectNode request, String status, String exitMessage,
        String failureReason, String monitoringScheduleArn, Instant created, Instant start, Instant end,
        Instant lastModified) {

    static final String IN_PROGRESS = "InProgress";
    static final String COMPLETED = "Completed";
    static final String FAILED = "Failed";
    static final String STOPPING = "Stopping";
    static final String STOPPED = "Stopped";

    boolean finished() {
        return status.equals(COMPLETED) || status.equals(FAILED) || status.equals(STOPPED);
    }

    ProcessingJob started(Instant when) {
        return new ProcessingJob(region, name, arn, request, status, exitMessage, failureReason, monitoringScheduleArn,
                created, when, end, when);
    }

    ProcessingJob ended(String newStatus, String message, String reason, Instant when) {
        boolean ends = !newStatus.equals(IN_PROGRESS) && !newStatus.equals(STOPPING);
        return new ProcessingJob(region, name, arn, request, newStatus, message, reason, monitoringScheduleArn, created,
                start == null && ends ? when : start, ends ? when : end, when);
    }

    /** DescribeProcessingJob's answer: the request's members as given, with the job's state. */
    Map<String, Object> describe() {
        Map<String, Object> out = new LinkedHashMap<>();
        request.fields().forEachRemaining(member -> out.put(member.getKey(), member.getValue()));
        out.put("ProcessingJobName", name);
        out.put("ProcessingJobArn", arn);
        out.put("ProcessingJobStatus", status);
        out.put("ExitMessage", exitMessage);
        out.put("FailureReason", failureReason);
        out.put("ProcessingEndTime", end);
        out.put("ProcessingStartTime", start);
        out.put("LastModifiedTime", lastModified);
        out.put("CreationTime", created);
        out.put("MonitoringScheduleArn", monitoringScheduleArn);
        return out;
    }

    /** ListProcessingJobs' summary of it. */
    Map<String, Object> summary() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ProcessingJobName", name);
        out.put("ProcessingJobArn", arn);
        out.put("CreationTime", created);
        out.put("ProcessingEndTime", end);
        out.put("LastModifiedTime", lastModified);
        out.put("ProcessingJobStatus", status);
        out.put("FailureReason", failureReason);
        out.put("ExitMessage", exitMessage);
        return out;
    }
}

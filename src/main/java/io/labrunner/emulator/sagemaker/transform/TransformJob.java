package io.labrunner.emulator.sagemaker.transform;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A transform job's state.
 *
 * @param request       the CreateTransformJob request as given, without its Tags
 * @param status        InProgress, Completed, Failed, Stopping or Stopped
 * @param failureReason null unless Failed
 * @param start         when it began transforming, or null while it starts
 * @param end           when it ended, or null while it runs
 */
record TransformJob(String region, String name, String arn, ObjectNode request, String status,
        String failureReason, Instant created, Instant start, Instant end, Instant lastModified) {

    static final String IN_PROGRESS = "InProgress";
    static final String COMPLETED = "Completed";
    static final String FAILED = "Failed";
    static final String STOPPING = "Stopping";
    static final String STOPPED = "Stopped";

    String modelName() {
        return request.path("ModelName").asText();
    }

    boolean finished() {
        return status.equals(COMPLETED) || status.equals(FAILED) || status.equals(STOPPED);
    }

    TransformJob started(Instant when) {
        return new TransformJob(region, name, arn, request, status, failureReason, created, when, end, when);
    }

    TransformJob withStatus(String newStatus, String reason, Instant when) {
        boolean ends = newStatus.equals(COMPLETED) || newStatus.equals(FAILED) || newStatus.equals(STOPPED);
        return new TransformJob(region, name, arn, request, newStatus, reason, created,
                start == null && ends ? when : start, ends ? when : end, when);
    }

    /** DescribeTransformJob's answer: the request's members as given, with the job's state. */
    Map<String, Object> describe() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("TransformJobName", name);
        out.put("TransformJobArn", arn);
        out.put("TransformJobStatus", status);
        out.put("FailureReason", failureReason);
        request.fields().forEachRemaining(member -> {
            if (!member.getKey().equals("TransformJobName")) {
                out.put(member.getKey(), member.getValue());
            }
        });
        out.put("CreationTime", created);
        out.put("TransformStartTime", start);
        out.put("TransformEndTime", end);
        return out;
    }

    /** ListTransformJobs' summary of it. */
    Map<String, Object> summary() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("TransformJobName", name);
        out.put("TransformJobArn", arn);
        out.put("CreationTime", created);
        out.put("TransformEndTime", end);
        out.put("LastModifiedTime", lastModified);
        out.put("TransformJobStatus", status);
        out.put("FailureReason", failureReason);
        return out;
    }
}

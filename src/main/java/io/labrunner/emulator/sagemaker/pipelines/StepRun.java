package io.labrunner.emulator.sagemaker.pipelines;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One step of an execution, from when it starts.
 *
 * @param status     Starting, Executing, Stopping, Stopped, Failed or Succeeded
 * @param metadata   ListPipelineExecutionSteps' Metadata: the job's ARN, a condition's outcome, a Fail message
 * @param properties what later steps read as {@code Steps.<name>.*}: the job's Describe output
 */
record StepRun(String name, String type, String status, Instant start, Instant end, String failureReason,
        JsonNode metadata, JsonNode properties) {

    static final String SUCCEEDED = "Succeeded";
    static final String FAILED = "Failed";
    static final String STOPPED = "Stopped";

    boolean ended() {
        return SUCCEEDED.equals(status) || FAILED.equals(status) || STOPPED.equals(status);
    }

    StepRun with(String newStatus, Instant newEnd, String reason, JsonNode newMetadata, JsonNode newProperties) {
        return new StepRun(name, type, newStatus, start, newEnd, reason, newMetadata, newProperties);
    }

    Map<String, Object> describe() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("StepName", name);
        out.put("StartTime", start);
        if (end != null) {
            out.put("EndTime", end);
        }
        out.put("StepStatus", status);
        if (failureReason != null) {
            out.put("FailureReason", failureReason);
        }
        if (metadata != null && !metadata.isEmpty()) {
            out.put("Metadata", metadata);
        }
        out.put("AttemptCount", 1);
        return out;
    }
}

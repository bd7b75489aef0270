package io.labrunner.emulator.sagemaker.pipelines;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A pipeline execution as it is kept: the definition it runs (as it was when it started), its parameters'
 * values, and its steps so far.
 *
 * @param status     Executing, Stopping, Stopped, Failed or Succeeded
 * @param parameters every parameter's value, as ListPipelineParametersForExecution lists them
 */
record ExecutionRecord(String region, String pipelineName, String pipelineArn, String arn, String id,
        String displayName, String description, String status, String failureReason, Instant created,
        Instant modified, String definition, List<NameValue> parameters, JsonNode parallelism, String token,
        List<StepRun> steps) {

    static final String EXECUTING = "Executing";
    static final String STOPPING = "Stopping";

    /** One parameter's value. */
    record NameValue(String name, String value) {
    }

    boolean running() {
        return EXECUTING.equals(status) || STOPPING.equals(status);
    }

    Optional<StepRun> step(String name) {
        return steps.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    ExecutionRecord withStatus(String newStatus, String reason, Instant at) {
        return new ExecutionRecord(region, pipelineName, pipelineArn, arn, id, displayName, description, newStatus,
                reason, created, at, definition, parameters, parallelism, token, steps);
    }

    /** This execution with {@code step} added, or replacing the step of the same name. */
    ExecutionRecord withStep(StepRun step, Instant at) {
        List<StepRun> next = new ArrayList<>(steps);
        next.removeIf(s -> s.name().equals(step.name()));
        next.add(step);
        return new ExecutionRecord(region, pipelineName, pipelineArn, arn, id, displayName, description, status,
                failureReason, created, at, definition, parameters, parallelism, token, List.copyOf(next));
    }

    Map<String, Object> describe() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("PipelineArn", pipelineArn);
        out.put("PipelineExecutionArn", arn);
        out.put("PipelineExecutionDisplayName", displayName);
        out.put("PipelineExecutionStatus", status);
        if (description != null) {
            out.put("PipelineExecutionDescription", description);
        }
        out.put("PipelineExperimentConfig", Map.of("ExperimentName", pipelineName, "TrialName", id));
        if (failureReason != null) {
            out.put("FailureReason", failureReason);
        }
        out.put("CreationTime", created);
        out.put("LastModifiedTime", modified);
        out.put("CreatedBy", Map.of());
        out.put("LastModifiedBy", Map.of());
        if (parallelism != null) {
            out.put("ParallelismConfiguration", parallelism);
        }
        return out;
    }

    Map<String, Object> summary() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("PipelineExecutionArn", arn);
        out.put("StartTime", created);
        out.put("PipelineExecutionStatus", status);
        if (description != null) {
            out.put("PipelineExecutionDescription", description);
        }
        out.put("PipelineExecutionDisplayName", displayName);
        if (failureReason != null) {
            out.put("PipelineExecutionFailureReason", failureReason);
        }
        return out;
    }
}

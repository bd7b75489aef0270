package io.labrunner.emulator.stepfunctions.asl;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Consumer;

/**
 * One Task state's call of its resource, as the interpreter hands it to a {@link TaskRunner}.
 *
 * @param resource       the state's {@code Resource}, e.g. {@code arn:aws:states:::sagemaker:createTrainingJob.sync}
 * @param parameters     the effective parameters (after {@code Parameters} / {@code Arguments} were evaluated)
 * @param taskToken      the task token, for a {@code .waitForTaskToken} resource; null otherwise
 * @param execution      the execution the task belongs to (its role, region, ARN)
 * @param stateName      the Task state's name
 * @param timeoutSeconds the state's {@code TimeoutSeconds}, or null; the interpreter enforces it
 * @param heartbeat      the runner calls it each time the task reports progress (SendTaskHeartbeat)
 * @param submitted      the runner calls it once a {@code .sync} job was submitted, with the submitting call's
 *                       output (recorded as a TaskSubmitted event)
 */
public record TaskCall(String resource, JsonNode parameters, String taskToken, ExecutionInfo execution,
        String stateName, Integer timeoutSeconds, Runnable heartbeat, Consumer<JsonNode> submitted) {
}

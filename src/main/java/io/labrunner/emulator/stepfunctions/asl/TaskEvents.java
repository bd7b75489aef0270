package io.labrunner.emulator.stepfunctions.asl;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.emulator.Json;

/**
 * The events of one Task state's call, named by the kind of resource as AWS names them: {@code Task*} for
 * service integrations ({@code arn:aws:states:::service:action}), {@code LambdaFunction*} for a Lambda function
 * ARN, {@code Activity*} for an activity.
 */
final class TaskEvents {
    private enum Kind { SERVICE, LAMBDA, ACTIVITY }

    private final Kind kind;
    private final String resourceArn;
    private final String resourceType;
    private final String resource;

    private TaskEvents(Kind kind, String resourceArn, String resourceType, String resource) {
        this.kind = kind;
        this.resourceArn = resourceArn;
        this.resourceType = resourceType;
        this.resource = resource;
    }

    /**
     * The events for {@code arn}: {@code arn:aws:states:::sagemaker:createTrainingJob.sync} is resource type
     * {@code sagemaker}, resource {@code createTrainingJob.sync}; {@code arn:aws:states:::aws-sdk:s3:getObject}
     * is {@code aws-sdk:s3}, {@code getObject}.
     */
    static TaskEvents of(String arn) {
        String[] parts = arn.split(":", 6);
        if (parts.length == 6 && "states".equals(parts[2]) && parts[3].isEmpty() && parts[4].isEmpty()) {
            String integration = parts[5];
            int split = integration.lastIndexOf(':');
            return split < 0 ? new TaskEvents(Kind.SERVICE, arn, integration, integration)
                    : new TaskEvents(Kind.SERVICE, arn, integration.substring(0, split), integration.substring(split + 1));
        }
        if (parts.length == 6 && "lambda".equals(parts[2])) {
            return new TaskEvents(Kind.LAMBDA, arn, "lambda", arn);
        }
        if (parts.length == 6 && "states".equals(parts[2]) && parts[5].startsWith("activity:")) {
            return new TaskEvents(Kind.ACTIVITY, arn, "activity", arn);
        }
        return new TaskEvents(Kind.SERVICE, arn, parts.length > 2 ? parts[2] : arn, arn);
    }

    String resourceType() {
        return resourceType;
    }

    String resource() {
        return resource;
    }

    void scheduled(StateRun run, String parameters, Integer timeoutSeconds, Integer heartbeatSeconds) {
        ObjectNode details;
        switch (kind) {
            case SERVICE -> {
                details = named().put("region", run.execution().info().region()).put("parameters", parameters);
                run.record("TaskScheduled", "taskScheduledEventDetails", timeouts(details, timeoutSeconds, heartbeatSeconds));
            }
            case LAMBDA -> {
                details = Events.withInput(Json.object().put("resource", resourceArn), parameters);
                run.record("LambdaFunctionScheduled", "lambdaFunctionScheduledEventDetails",
                        timeouts(details, timeoutSeconds, null));
            }
            default -> {
                details = Events.withInput(Json.object().put("resource", resourceArn), parameters);
                run.record("ActivityScheduled", "activityScheduledEventDetails",
                        timeouts(details, timeoutSeconds, heartbeatSeconds));
            }
        }
    }

    /** The task was handed to its runner (an activity starts only when a worker takes it: {@link #submitted}). */
    void started(StateRun run) {
        switch (kind) {
            case SERVICE -> run.record("TaskStarted", "taskStartedEventDetails", named());
            case LAMBDA -> run.record("LambdaFunctionStarted", null, null);
            default -> { }
        }
    }

    /** A {@code .sync} job was submitted (TaskSubmitted), or a worker took an activity (ActivityStarted). */
    void submitted(StateRun run, com.fasterxml.jackson.databind.JsonNode output) {
        switch (kind) {
            case SERVICE -> run.record("TaskSubmitted", "taskSubmittedEventDetails",
                    Events.withOutput(named(), Events.text(output)));
            case ACTIVITY -> {
                ObjectNode details = Json.object();
                if (output != null && output.hasNonNull("workerName")) {
                    details.put("workerName", output.get("workerName").asText());
                }
                run.record("ActivityStarted", "activityStartedEventDetails", details);
            }
            default -> { }
        }
    }

    void succeeded(StateRun run, String output) {
        switch (kind) {
            case SERVICE -> run.record("TaskSucceeded", "taskSucceededEventDetails", Events.withOutput(named(), output));
            case LAMBDA -> run.record("LambdaFunctionSucceeded", "lambdaFunctionSucceededEventDetails",
                    Events.withOutput(Json.object(), output));
            default -> run.record("ActivitySucceeded", "activitySucceededEventDetails",
                    Events.withOutput(Json.object(), output));
        }
    }

    void failed(StateRun run, String error, String cause) {
        ending(run, "Failed", error, cause);
    }

    void timedOut(StateRun run, String error, String cause) {
        ending(run, "TimedOut", error, cause);
    }

    private void ending(StateRun run, String outcome, String error, String cause) {
        ObjectNode details = Events.error(error, cause);
        switch (kind) {
            case SERVICE -> {
                details.put("resourceType", resourceType).put("resource", resource);
                run.record("Task" + outcome, "task" + outcome + "EventDetails", details);
            }
            case LAMBDA -> run.record("LambdaFunction" + outcome, "lambdaFunction" + outcome + "EventDetails", details);
            default -> run.record("Activity" + outcome, "activity" + outcome + "EventDetails", details);
        }
    }

    private ObjectNode named() {
        return Json.object().put("resourceType", resourceType).put("resource", resource);
    }

    private static ObjectNode timeouts(ObjectNode details, Integer timeoutSeconds, Integer heartbeatSeconds) {
        if (timeoutSeconds != null) {
            details.put("timeoutInSeconds", (long) timeoutSeconds);
        }
        if (heartbeatSeconds != null) {
            details.put("heartbeatInSeconds", (long) heartbeatSeconds);
        }
        return details;
    }
}

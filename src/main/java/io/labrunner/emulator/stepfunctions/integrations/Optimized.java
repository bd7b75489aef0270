package io.labrunner.emulator.stepfunctions.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The optimized integrations the emulator serves (developer guide, "Integrating optimized services with Step
 * Functions", each service's page), with the patterns each supports and, for {@code .sync}, how its job is
 * watched and stopped.
 *
 * @param signingName the service that runs it
 * @param modelName   its API model
 * @param patterns    the integration patterns it supports ({@link Resource})
 * @param sdkShaped   whether its output members are capitalized as AWS SDK integrations' are (Step Functions'
 *                    own {@code startExecution}: {@code ExecutionArn}, {@code Output})
 * @param job         how {@code .sync} waits for the job, or null
 */
record Optimized(String signingName, String modelName, Set<String> patterns, boolean sdkShaped, SyncJob job) {
    private static final Set<String> REQUEST = Set.of(Resource.REQUEST_RESPONSE);
    private static final Set<String> REQUEST_SYNC = Set.of(Resource.REQUEST_RESPONSE, Resource.SYNC);

    private static final Map<String, Optimized> SERVED = Map.ofEntries(
            sageMakerJob("createTrainingJob", "TrainingJob"),
            sageMakerJob("createTransformJob", "TransformJob"),
            sageMakerJob("createProcessingJob", "ProcessingJob"),
            sageMakerJob("createHyperParameterTuningJob", "HyperParameterTuningJob"),
            Map.entry("sagemaker:createModel", sageMaker()),
            Map.entry("sagemaker:createEndpointConfig", sageMaker()),
            Map.entry("sagemaker:createEndpoint", sageMaker()),
            Map.entry("sagemaker:updateEndpoint", sageMaker()),
            Map.entry("athena:startQueryExecution", new Optimized("athena", "athena", REQUEST_SYNC, false,
                    new SyncJob("GetQueryExecution", Optimized::queryId, new String[] {"QueryExecution", "Status", "State"},
                            Set.of("SUCCEEDED"), Set.of("FAILED", "CANCELLED"), "StopQueryExecution"))),
            Map.entry("athena:getQueryExecution", athena()),
            Map.entry("athena:getQueryResults", athena()),
            Map.entry("athena:stopQueryExecution", athena()),
            Map.entry("athena:getNamedQuery", athena()),
            Map.entry("athena:listQueryExecutions", athena()),
            Map.entry("states:startExecution", new Optimized("states", "stepfunctions",
                    Set.of(Resource.REQUEST_RESPONSE, Resource.SYNC, Resource.SYNC_2, Resource.WAIT_FOR_TASK_TOKEN),
                    true, new SyncJob("DescribeExecution", Optimized::executionArn, new String[] {"status"},
                            Set.of("SUCCEEDED"), Set.of("FAILED", "TIMED_OUT", "ABORTED"), "StopExecution"))),
            Map.entry("events:putEvents", new Optimized("events", "events",
                    Set.of(Resource.REQUEST_RESPONSE, Resource.WAIT_FOR_TASK_TOKEN), false, null)));

    static Optional<Optimized> of(Resource resource) {
        return Optional.ofNullable(SERVED.get(resource.service() + ":" + resource.action()));
    }

    /**
     * How a {@code .sync} integration waits: it polls {@code describe} until the status at {@code statusPath} is
     * one of {@code succeeded} (the task's result is the description) or {@code failed} ({@code States.TaskFailed}
     * with the description as its cause), and calls {@code stop} when the task is cancelled.
     *
     * @param jobId the describe and stop calls' input, from the submitting call's input and output
     */
    record SyncJob(String describe, JobId jobId, String[] statusPath, Set<String> succeeded, Set<String> failed,
            String stop) {

        String status(JsonNode description) {
            JsonNode at = description;
            for (String name : statusPath) {
                at = at.path(name);
            }
            return at.asText("");
        }
    }

    /** The members naming a submitted job. */
    @FunctionalInterface
    interface JobId {
        ObjectNode of(JsonNode submitInput, JsonNode submitOutput);
    }

    private static Map.Entry<String, Optimized> sageMakerJob(String action, String job) {
        String name = job + "Name";
        return Map.entry("sagemaker:" + action, new Optimized("sagemaker", "sagemaker", REQUEST_SYNC, false,
                new SyncJob("Describe" + job, (in, out) -> object(name, in.path(name).asText()),
                        new String[] {job + "Status"}, Set.of("Completed"), Set.of("Failed", "Stopped"),
                        "Stop" + job)));
    }

    private static Optimized sageMaker() {
        return new Optimized("sagemaker", "sagemaker", REQUEST, false, null);
    }

    private static Optimized athena() {
        return new Optimized("athena", "athena", REQUEST, false, null);
    }

    private static ObjectNode queryId(JsonNode in, JsonNode out) {
        return object("QueryExecutionId", out.path("QueryExecutionId").asText());
    }

    private static ObjectNode executionArn(JsonNode in, JsonNode out) {
        return object("executionArn", out.path("executionArn").asText());
    }

    private static ObjectNode object(String member, String value) {
        return JsonNodeFactory.instance.objectNode().put(member, value);
    }
}

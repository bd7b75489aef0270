package io.labrunner.emulator.sagemaker.pipelines;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.emulator.AwsException;
import io.labrunner.emulator.calls.ServiceCalls;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Runs one step whose arguments are resolved, calling SageMaker in-process as the pipeline's role: a job step
 * creates its job and describes it until it ends (stopping it when the execution is stopped), a Model step
 * creates a model, a RegisterModel step a model package version, a Fail step fails with its ErrorMessage.
 * Condition steps are evaluated by the execution, not here.
 */
final class StepRunner {
    private static final String SAGEMAKER = "sagemaker";

    private final ServiceCalls calls;
    private final ServiceCalls.Principal principal;
    private final String region;
    private final Duration poll;
    private final BooleanSupplier stopRequested;

    StepRunner(ServiceCalls calls, ServiceCalls.Principal principal, String region, Duration poll,
            BooleanSupplier stopRequested) {
        this.calls = calls;
        this.principal = principal;
        this.region = region;
        this.poll = poll;
        this.stopRequested = stopRequested;
    }

    /**
     * @param name      the name to give the job or model this step creates
     * @param onStarted receives the step's metadata as soon as its job exists
     */
    StepOutcome run(StepDefinition step, JsonNode arguments, String name, Consumer<JsonNode> onStarted)
            throws InterruptedException {
        try {
            return switch (step.type()) {
                case "Model" -> model(arguments, name);
                case "RegisterModel" -> register(arguments);
                case "Fail" -> fail(arguments);
                default -> job(JobKind.of(step.type()).orElseThrow(), arguments, name, onStarted);
            };
        } catch (AwsException e) {
            return StepOutcome.failed(e.code() + ": " + e.getMessage(), null);
        }
    }

    private StepOutcome job(JobKind kind, JsonNode arguments, String name, Consumer<JsonNode> onStarted)
            throws InterruptedException {
        ObjectNode request = object(arguments);
        request.put(kind.nameMember(), name);
        JsonNode created = call(kind.create(), request);
        ObjectNode metadata = metadata(kind.metadataKey(), created.path(kind.arnMember()).asText());
        onStarted.accept(metadata);
        ObjectNode describe = JsonNodeFactory.instance.objectNode().put(kind.nameMember(), name);
        boolean stopSent = false;
        while (true) {
            JsonNode job = call(kind.describe(), describe);
            switch (job.path(kind.statusMember()).asText()) {
                case "Completed":
                    return new StepOutcome(StepRun.SUCCEEDED, null, metadata, job, null);
                case "Failed":
                    return new StepOutcome(StepRun.FAILED, job.path("FailureReason").asText(kind.noun() + " failed"),
                            metadata, job, null);
                case "Stopped":
                    return new StepOutcome(StepRun.STOPPED, null, metadata, job, null);
                default:
                    break;
            }
            if (stopRequested.getAsBoolean() && !stopSent) {
                stopSent = true;
                try {
                    call(kind.stop(), describe);
                } catch (AwsException e) {
                    // The job ended between the describe and the stop: the next describe shows how.
                }
            }
            Thread.sleep(poll.toMillis());
        }
    }

    private StepOutcome model(JsonNode arguments, String name) {
        ObjectNode request = object(arguments);
        request.put("ModelName", name);
        String arn = call("CreateModel", request).path("ModelArn").asText();
        JsonNode model = call("DescribeModel", JsonNodeFactory.instance.objectNode().put("ModelName", name));
        return new StepOutcome(StepRun.SUCCEEDED, null, metadata("Model", arn), model, null);
    }

    private StepOutcome register(JsonNode arguments) {
        String arn = call("CreateModelPackage", object(arguments)).path("ModelPackageArn").asText();
        JsonNode pkg = call("DescribeModelPackage", JsonNodeFactory.instance.objectNode().put("ModelPackageName", arn));
        return new StepOutcome(StepRun.SUCCEEDED, null, metadata("RegisterModel", arn), pkg, null);
    }

    /** A Fail step without ErrorMessage fails with none: its metadata's message is empty (SageMaker SDK's tests). */
    private static StepOutcome fail(JsonNode arguments) {
        String message = Expressions.text(arguments.get("ErrorMessage"));
        ObjectNode metadata = JsonNodeFactory.instance.objectNode();
        metadata.putObject("Fail").put("ErrorMessage", message);
        return new StepOutcome(StepRun.FAILED, message.isEmpty() ? null : message, metadata, null, null);
    }

    private JsonNode call(String operation, JsonNode input) {
        return calls.call(principal, SAGEMAKER, operation, input, region);
    }

    private static ObjectNode metadata(String key, String arn) {
        ObjectNode metadata = JsonNodeFactory.instance.objectNode();
        metadata.putObject(key).put("Arn", arn);
        return metadata;
    }

    private static ObjectNode object(JsonNode arguments) {
        return arguments != null && arguments.isObject() ? ((ObjectNode) arguments).deepCopy()
                : JsonNodeFactory.instance.objectNode();
    }
}

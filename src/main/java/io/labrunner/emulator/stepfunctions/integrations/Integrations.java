package io.labrunner.emulator.stepfunctions.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.emulator.DaemonThreads;
import io.labrunner.emulator.Json;
import io.labrunner.emulator.S3Objects;
import io.labrunner.emulator.calls.ServiceCalls;
import io.labrunner.emulator.iam.access.ServiceAccess;
import io.labrunner.emulator.protocol.Operation;
import io.labrunner.emulator.stepfunctions.asl.TaskCall;
import io.labrunner.emulator.stepfunctions.asl.TaskFailure;
import io.labrunner.emulator.stepfunctions.asl.TaskRunner;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Runs Task states' service integrations on the emulator's own services, as the execution's role:
 * <ul>
 * <li>{@code arn:aws:states:::aws-sdk:<service>:<action>} for the services the emulator serves over AWS JSON
 *     ({@link SdkServices}), and S3's object actions ({@link S3Tasks}); request-response or
 *     {@code .waitForTaskToken};</li>
 * <li>the optimized integrations of {@link Optimized}: request-response; {@code .sync}, which submits the job
 *     (recorded as TaskSubmitted), polls its Describe call until it ends, answers with the description and stops the
 *     job when the task is cancelled (StopExecution, a timeout); and {@code .waitForTaskToken}, which makes the
 *     call and waits for SendTaskSuccess or SendTaskFailure with the task's token ({@link TaskTokens}).</li>
 * </ul>
 * Anything else (Lambda functions, activities, Glue jobs, services the emulator does not serve) fails the task with
 * {@code States.TaskFailed} and a cause naming the resource.
 */
public final class Integrations implements TaskRunner, AutoCloseable {
    /** How often {@code .sync} integrations look at their job. */
    public static final Duration DEFAULT_POLL = Duration.ofMillis(200);

    private final RoleCalls calls;
    private final S3Tasks s3;
    private final TaskTokens tokens;
    private final Duration poll;
    private final ExecutorService workers = Executors.newCachedThreadPool(DaemonThreads.numbered("lab-states-task-"));
    private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(1,
            DaemonThreads.named("lab-states-sync-poll"));

    /**
     * @param calls  the emulator's services, called in-process as a role
     * @param s3     the emulator's S3, for S3's actions
     * @param access what a role may do on S3
     * @param tokens the task tokens SendTask* completes
     * @param poll   how often {@code .sync} integrations look at their job
     */
    public Integrations(ServiceCalls calls, S3Objects s3, ServiceAccess access, TaskTokens tokens, Duration poll) {
        this.calls = new RoleCalls(calls);
        this.s3 = new S3Tasks(s3, access);
        this.tokens = tokens;
        this.poll = poll;
    }

    @Override
    public CompletableFuture<JsonNode> start(TaskCall call) {
        CompletableFuture<JsonNode> result = new CompletableFuture<>();
        workers.execute(() -> {
            if (result.isDone()) {
                return;
            }
            try {
                run(call, result);
            } catch (TaskFailure failure) {
                result.completeExceptionally(failure);
            } catch (RuntimeException e) {
                result.completeExceptionally(RoleCalls.unavailable(call.resource(), "the call failed inside the"
                        + " emulator (" + e + ")"));
            }
        });
        return result;
    }

    private void run(TaskCall call, CompletableFuture<JsonNode> result) {
        Resource resource = Resource.parse(call.resource()).orElseThrow(() -> RoleCalls.unavailable(call.resource(),
                "the emulator runs Task states through service integrations (arn:aws:states:::<service>:<action>"
                        + " and arn:aws:states:::aws-sdk:<service>:<action>), not Lambda functions or activities"));
        if (resource.sdk()) {
            sdk(call, resource, result);
        } else {
            optimized(call, resource, result);
        }
    }

    private void sdk(TaskCall call, Resource resource, CompletableFuture<JsonNode> result) {
        String name = resource.name();
        if (!resource.pattern().equals(Resource.REQUEST_RESPONSE)
                && !resource.pattern().equals(Resource.WAIT_FOR_TASK_TOKEN)) {
            throw RoleCalls.unavailable(name, "AWS SDK integrations support request-response and .waitForTaskToken");
        }
        SdkServices service = SdkServices.bySdkName(resource.service()).orElseThrow(() -> RoleCalls.unavailable(
                name, "the emulator does not serve " + resource.service()));
        JsonNode parameters = call.parameters() == null ? Json.object() : call.parameters();
        if (service.signingName().equals("s3")) {
            complete(call, resource, result, () -> s3.run(resource.action(), parameters, call.execution(), name));
            return;
        }
        String model = SdkServices.modelName(service.signingName());
        Operation operation = operation(model, resource, name);
        complete(call, resource, result, () -> Shapes.output(model, operation, calls.call(call.execution(),
                service.signingName(), operation.name(), Shapes.input(model, operation, parameters),
                service.errorPrefix(), name), true));
    }

    private void optimized(TaskCall call, Resource resource, CompletableFuture<JsonNode> result) {
        String name = resource.name();
        if (resource.service().equals("glue")) {
            throw RoleCalls.unavailable(name, resource.action().equals("startJobRun")
                    ? "Glue jobs are not served (the emulator runs Glue crawlers and the Data Catalog, not Spark jobs)"
                    : "it is not an optimized integration; call Glue with arn:aws:states:::aws-sdk:glue:"
                            + resource.action());
        }
        Optimized spec = Optimized.of(resource).orElseThrow(() -> RoleCalls.unavailable(name,
                "the emulator serves no such optimized integration"));
        if (!spec.patterns().contains(resource.pattern())) {
            throw RoleCalls.unavailable(name, "the integration does not support ." + resource.pattern());
        }
        Operation operation = operation(spec.modelName(), resource, name);
        String prefix = SdkServices.optimizedErrorPrefix(resource.service());
        JsonNode input = Shapes.input(spec.modelName(), operation,
                call.parameters() == null ? Json.object() : call.parameters());
        Supplier<JsonNode> submit = () -> calls.call(call.execution(), spec.signingName(), operation.name(), input,
                prefix, name);
        if (resource.pattern().startsWith(Resource.SYNC)) {
            JsonNode submitted = submit.get();
            call.submitted().accept(Shapes.output(spec.modelName(), operation, submitted, spec.sdkShaped()));
            watch(call, resource, spec, spec.job().jobId().of(input, submitted), prefix, result);
        } else {
            complete(call, resource, result,
                    () -> Shapes.output(spec.modelName(), operation, submit.get(), spec.sdkShaped()));
        }
    }

    /** Request-response: the call's output; {@code .waitForTaskToken}: what SendTaskSuccess sends for the token. */
    private void complete(TaskCall call, Resource resource, CompletableFuture<JsonNode> result,
            Supplier<JsonNode> make) {
        if (!resource.pattern().equals(Resource.WAIT_FOR_TASK_TOKEN)) {
            result.complete(make.get());
            return;
        }
        if (call.taskToken() == null) {
            throw RoleCalls.unavailable(resource.name(), "the interpreter gave the task no token");
        }
        // Waiting starts before the call, so that a callback the call itself triggers finds the token.
        CompletableFuture<JsonNode> waiting = tokens.await(call.taskToken(), call.heartbeat());
        result.whenComplete((value, error) -> waiting.cancel(false));
        try {
            JsonNode unused = make.get();
        } catch (RuntimeException e) {
            waiting.cancel(false);
            throw e;
        }
        waiting.whenComplete((value, error) -> {
            if (error == null) {
                result.complete(value);
            } else if (!(error instanceof java.util.concurrent.CancellationException)) {
                result.completeExceptionally(error instanceof CompletionException ? error.getCause() : error);
            }
        });
    }

    /** {@code .sync}: polls the job until it ends; stops it when the task is cancelled first. */
    private void watch(TaskCall call, Resource resource, Optimized spec, ObjectNode jobId, String prefix,
            CompletableFuture<JsonNode> result) {
        Optimized.SyncJob job = spec.job();
        Operation describe = operation(spec.modelName(),
                new Resource(false, resource.service(), job.describe(), ""), resource.name());
        Runnable pollOnce = () -> {
            if (result.isDone()) {
                return;
            }
            try {
                JsonNode description = calls.call(call.execution(), spec.signingName(), describe.name(), jobId,
                        prefix, resource.name());
                String status = job.status(description);
                JsonNode shaped = Shapes.output(spec.modelName(), describe, description, spec.sdkShaped());
                if (job.succeeded().contains(status)) {
                    result.complete(resource.pattern().equals(Resource.SYNC_2) ? withParsedOutput(shaped) : shaped);
                } else if (job.failed().contains(status)) {
                    result.completeExceptionally(new TaskFailure("States.TaskFailed", shaped.toString()));
                }
            } catch (TaskFailure failure) {
                result.completeExceptionally(failure);
            } catch (RuntimeException e) {
                result.completeExceptionally(RoleCalls.unavailable(resource.name(), "watching the job failed (" + e
                        + ")"));
            }
        };
        ScheduledFuture<?> polling = timer.scheduleWithFixedDelay(() -> workers.execute(pollOnce), poll.toMillis(),
                poll.toMillis(), TimeUnit.MILLISECONDS);
        result.whenComplete((value, error) -> {
            polling.cancel(false);
            if (result.isCancelled()) {
                try {
                    workers.execute(() -> stop(call, spec, jobId, prefix, resource));
                } catch (java.util.concurrent.RejectedExecutionException e) {
                    stop(call, spec, jobId, prefix, resource);
                }
            }
        });
    }

    private void stop(TaskCall call, Optimized spec, ObjectNode jobId, String prefix, Resource resource) {
        try {
            calls.call(call.execution(), spec.signingName(), spec.job().stop(), jobId, prefix, resource.name());
        } catch (RuntimeException e) {
            // The job ended on its own meanwhile, or cannot be stopped: nothing is left to stop.
        }
    }

    /** {@code .sync:2} answers with the child execution's output as JSON rather than as text. */
    private static JsonNode withParsedOutput(JsonNode description) {
        if (!description.path("Output").isTextual()) {
            return description;
        }
        ObjectNode out = description.deepCopy();
        try {
            out.set("Output", Json.mapper().readTree(description.get("Output").asText()));
        } catch (IOException e) {
            // Output that is not JSON stays text.
        }
        return out;
    }

    private static Operation operation(String model, Resource resource, String name) {
        return Shapes.operation(model, resource.operation()).orElseThrow(() -> RoleCalls.unavailable(name,
                "the " + resource.service() + " API has no action " + resource.action()));
    }

    @Override
    public void close() {
        timer.shutdownNow();
        // Stop calls for jobs of executions stopped just before still run.
        workers.shutdown();
    }
}

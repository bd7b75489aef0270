package io.labrunner.emulator.stepfunctions.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Task: evaluates the parameters, hands the call to the {@link TaskRunner}, waits for its result within
 * TimeoutSeconds and HeartbeatSeconds (cancelling the runner's future when either runs out), and records the
 * task's events. Retry and Catch wrap it ({@link Recovery}).
 */
final class TaskStep implements Step {
    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    public StateRun.Transition run(StateRun run) {
        StateSpec spec = run.spec;
        String resource = spec.text("Resource");
        if (resource.endsWith(".waitForTaskToken")) {
            run.taskToken(newToken());
        }
        if (spec.jsonata()) {
            ObjectNode states = run.states(null, null);
            JsonNode arguments = spec.has("Arguments") ? run.jsonata("Arguments", spec.field("Arguments"), states)
                    : run.input;
            Integer timeout = seconds(run, "TimeoutSeconds", null, states);
            Integer heartbeat = seconds(run, "HeartbeatSeconds", null, states);
            JsonNode result = call(run, resource, arguments, timeout, heartbeat);
            ObjectNode after = run.states(result, null);
            Map<String, JsonNode> assigned = run.assign(spec.field("Assign"), null, after);
            JsonNode output = spec.has("Output") ? run.jsonata("Output", spec.field("Output"), after) : result;
            return run.exit(spec.next(), output, assigned);
        }
        JsonNode effective = run.effectiveInput();
        JsonNode parameters = spec.has("Parameters") ? run.payload("Parameters", effective) : effective;
        Integer timeout = seconds(run, "TimeoutSeconds", effective, null);
        Integer heartbeat = seconds(run, "HeartbeatSeconds", effective, null);
        JsonNode result = call(run, resource, parameters, timeout, heartbeat);
        if (spec.has("ResultSelector")) {
            result = run.payload("ResultSelector", result);
        }
        Map<String, JsonNode> assigned = run.assign(spec.field("Assign"), result, null);
        JsonNode output = run.outputPath(run.resultPath(run.resultPathField(), result));
        return run.exit(spec.next(), output, assigned);
    }

    /** TimeoutSeconds / HeartbeatSeconds: a number, a JSONata expression, or (JSONPath) a ...Path into the input. */
    private static Integer seconds(StateRun run, String field, JsonNode effective, ObjectNode states) {
        StateSpec spec = run.spec;
        JsonNode value;
        if (spec.has(field)) {
            value = spec.field(field);
            if (value.isTextual() && states != null) {
                value = run.jsonata(field, value, states);
            }
        } else if (effective != null && spec.has(field + "Path")) {
            value = Expressions.path(run, effective, spec.text(field + "Path"));
        } else {
            return null;
        }
        if (!value.isIntegralNumber() || value.asLong() < 1 || value.asLong() > 99_999_999) {
            throw run.runtime("The " + field + " value must be a positive integer between 1 and 99999999, but was: "
                    + Events.text(value));
        }
        return value.asInt();
    }

    private static JsonNode call(StateRun run, String resource, JsonNode parameters, Integer timeout,
            Integer heartbeat) {
        Execution execution = run.execution();
        Scope scope = run.frame.scope();
        TaskEvents events = TaskEvents.of(resource);
        events.scheduled(run, Events.text(parameters), timeout, heartbeat);
        events.started(run);
        long start = System.currentTimeMillis();
        long timeoutAt = timeout == null ? Long.MAX_VALUE : start + timeout * 1000L;
        AtomicLong heartbeatAt = new AtomicLong(heartbeat == null ? Long.MAX_VALUE : start + heartbeat * 1000L);
        Runnable beat = () -> {
            if (heartbeat != null) {
                heartbeatAt.set(System.currentTimeMillis() + heartbeat * 1000L);
            }
            execution.wake();
        };
        TaskCall call = new TaskCall(resource, parameters, run.context().path("Task").path("Token").textValue(),
                execution.info(), run.name(), timeout, beat, output -> events.submitted(run, output));
        CompletableFuture<JsonNode> future;
        try {
            future = execution.tasks().start(call);
        } catch (RuntimeException e) {
            future = CompletableFuture.failedFuture(e);
        }
        CompletableFuture<JsonNode> task = future;
        scope.register(task);
        task.whenComplete((result, error) -> execution.wake());
        try {
            while (true) {
                long deadline = Math.min(timeoutAt, heartbeatAt.get());
                if (execution.await(scope, deadline, task::isDone)) {
                    break;
                }
                long now = System.currentTimeMillis();
                if (now >= timeoutAt || now >= heartbeatAt.get()) {
                    task.cancel(true);
                    events.timedOut(run, StateFailure.TIMEOUT, null);
                    throw now >= timeoutAt ? new StateFailure(StateFailure.TIMEOUT, null)
                            : StateFailure.heartbeatTimeout();
                }
            }
        } finally {
            scope.unregister(task);
        }
        return outcome(run, events, task);
    }

    private static JsonNode outcome(StateRun run, TaskEvents events, CompletableFuture<JsonNode> task) {
        JsonNode result;
        try {
            result = task.get();
        } catch (CancellationException e) {
            run.execution().checkRunning(run.frame.scope());
            throw failed(run, events, StateFailure.TASK_FAILED, "The task was cancelled");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Execution.Ended();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof CompletionException c && c.getCause() != null
                    ? c.getCause() : e.getCause();
            if (cause instanceof TaskFailure failure) {
                throw failed(run, events, failure.error(), failure.failureCause());
            }
            throw failed(run, events, StateFailure.TASK_FAILED, String.valueOf(cause.getMessage()));
        }
        if (result == null) {
            result = NullNode.getInstance();
        }
        String text = Events.text(result);
        if (text.length() > Events.MAX_PAYLOAD_BYTES) {
            throw failed(run, events, StateFailure.DATA_LIMIT, "The state/task '" + run.name()
                    + "' returned a result with a size exceeding the maximum number of bytes service limit.");
        }
        events.succeeded(run, text);
        return result;
    }

    private static StateFailure failed(StateRun run, TaskEvents events, String error, String cause) {
        events.failed(run, error, cause);
        return new StateFailure(error, cause);
    }

    /** An opaque task token, long and random like AWS's. */
    private static String newToken() {
        byte[] bytes = new byte[96];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}

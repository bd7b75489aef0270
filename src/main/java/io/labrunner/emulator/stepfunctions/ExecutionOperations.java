package io.labrunner.emulator.stepfunctions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.emulator.AwsException;
import io.labrunner.emulator.Json;
import io.labrunner.emulator.stepfunctions.asl.ExecutionOutcome;
import io.labrunner.emulator.stepfunctions.asl.HistoryEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * StartExecution, StartSyncExecution, DescribeExecution, ListExecutions, StopExecution, GetExecutionHistory and
 * DescribeStateMachineForExecution.
 */
final class ExecutionOperations {
    /** An Express workflow runs at most five minutes. */
    private static final Duration EXPRESS_LIMIT = Duration.ofMinutes(5);
    private static final ObjectReader STRICT = Json.mapper().reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final SfnState state;
    private final StateMachineOperations machines;
    private final ExecutionRunner runner;
    private final Clock clock;

    ExecutionOperations(SfnState state, StateMachineOperations machines, ExecutionRunner runner, Clock clock) {
        this.state = state;
        this.machines = machines;
        this.runner = runner;
        this.clock = clock;
    }

    Object start(ObjectNode in, String region) {
        StoredStateMachine machine = requireStartable(in);
        String name = name(in);
        String input = input(in);
        if (machine.express()) {
            String arn = SfnNames.expressExecutionArn(machine.arn(), name, UUID.randomUUID().toString());
            Instant now = clock.instant();
            runner.start(newExecution(machine, arn, name, input, now), false);
            return Map.of("executionArn", arn, "startDate", now);
        }
        String arn = SfnNames.executionArn(machine.arn(), name);
        StoredExecution execution;
        synchronized (this) {
            StoredExecution existing = state.execution(arn).orElse(null);
            if (existing != null) {
                // The same request while the execution runs is answered as the first was; anything else is refused.
                if (existing.running() && existing.input().equals(input)) {
                    return Map.of("executionArn", arn, "startDate", existing.startDate());
                }
                throw SfnErrors.executionExists(arn);
            }
            execution = newExecution(machine, arn, name, input, clock.instant());
            state.save(execution);
        }
        runner.start(execution, true);
        return Map.of("executionArn", arn, "startDate", execution.startDate());
    }

    /** Runs an Express execution to its end and answers with how it ended (its history is not kept). */
    Object startSync(ObjectNode in, String region) {
        StoredStateMachine machine = requireStartable(in);
        if (!machine.express()) {
            throw SfnErrors.typeNotSupported("This operation is not supported by this type of state machine");
        }
        String name = name(in);
        String input = input(in);
        String arn = SfnNames.expressExecutionArn(machine.arn(), name, UUID.randomUUID().toString());
        StoredExecution execution = newExecution(machine, arn, name, input, clock.instant());
        ExecutionOutcome outcome;
        var future = runner.start(execution, false);
        try {
            outcome = future.get(EXPRESS_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            outcome = new ExecutionOutcome("TIMED_OUT", null, "States.Timeout",
                    "The execution ran longer than an Express workflow may (five minutes)", clock.instant());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AwsException("InternalFailure", "Interrupted while the execution ran", 500);
        } catch (ExecutionException e) {
            throw new AwsException("InternalFailure", "The execution could not run: " + e.getCause(), 500);
        }
        Instant stop = outcome.stopDate() == null ? clock.instant() : outcome.stopDate();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("executionArn", arn);
        out.put("stateMachineArn", machine.arn());
        out.put("name", name);
        out.put("startDate", execution.startDate());
        out.put("stopDate", stop);
        out.put("status", outcome.status());
        putIfPresent(out, "error", outcome.error());
        putIfPresent(out, "cause", outcome.cause());
        out.put("input", input);
        out.put("inputDetails", Map.of("included", true));
        if (outcome.output() != null) {
            out.put("output", outcome.output());
            out.put("outputDetails", Map.of("included", true));
        }
        long millis = Math.max(1, Duration.between(execution.startDate(), stop).toMillis());
        // Express workflows are billed by 100 ms and at least 64 MB.
        out.put("billingDetails", Map.of("billedMemoryUsedInMB", 64,
                "billedDurationInMilliseconds", (millis + 99) / 100 * 100));
        return out;
    }

    Object describe(ObjectNode in, String region) {
        return view(require(in.path("executionArn").asText()));
    }

    static Map<String, Object> view(StoredExecution execution) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("executionArn", execution.arn());
        out.put("stateMachineArn", execution.stateMachineArn());
        out.put("name", execution.name());
        out.put("status", execution.status());
        out.put("startDate", execution.startDate());
        putIfPresent(out, "stopDate", execution.stopDate());
        out.put("input", execution.input());
        out.put("inputDetails", Map.of("included", true));
        if (execution.output() != null) {
            out.put("output", execution.output());
            out.put("outputDetails", Map.of("included", true));
        }
        putIfPresent(out, "error", execution.error());
        putIfPresent(out, "cause", execution.cause());
        out.put("redriveCount", 0);
        return out;
    }

    Object list(ObjectNode in, String region) {
        String machineArn = in.path("stateMachineArn").asText(null);
        if (machineArn == null) {
            throw AwsException.validation("Must provide a StateMachine ARN or MapRun ARN");
        }
        StoredStateMachine machine = machines.require(machineArn);
        if (machine.express()) {
            throw SfnErrors.typeNotSupported("This operation is not supported by this type of state machine");
        }
        String status = in.path("statusFilter").asText(null);
        List<StoredExecution> executions = state.executionsOf(machineArn).stream()
                .filter(e -> status == null || e.status().equals(status)).toList();
        return Paging.page(executions, in.hasNonNull("maxResults") ? in.get("maxResults").asInt() : null,
                in.path("nextToken").asText(null), "executions", e -> {
                    Map<String, Object> item = new LinkedHashMap<>();
                    item.put("executionArn", e.arn());
                    item.put("stateMachineArn", e.stateMachineArn());
                    item.put("name", e.name());
                    item.put("status", e.status());
                    item.put("startDate", e.startDate());
                    putIfPresent(item, "stopDate", e.stopDate());
                    return item;
                });
    }

    /** Stops a running execution; stopping one that already ended answers with its stop date and changes nothing. */
    Object stop(ObjectNode in, String region) {
        StoredExecution execution = require(in.path("executionArn").asText());
        if (execution.running()) {
            String error = in.path("error").asText(null);
            String cause = in.path("cause").asText(null);
            if (runner.stop(execution.arn(), error, cause)) {
                execution = awaitEnd(execution.arn());
            }
        }
        return Map.of("stopDate", execution.stopDate() == null ? clock.instant() : execution.stopDate());
    }

    /** The stop is recorded by the execution's own thread; wait briefly so the answer carries its date. */
    private StoredExecution awaitEnd(String arn) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        StoredExecution execution = state.execution(arn).orElseThrow();
        while (execution.running() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            execution = state.execution(arn).orElseThrow();
        }
        return execution;
    }

    Object history(ObjectNode in, String region) {
        StoredExecution execution = require(in.path("executionArn").asText());
        List<HistoryEvent> events = new ArrayList<>(state.history(execution.arn()));
        if (in.path("reverseOrder").asBoolean(false)) {
            Collections.reverse(events);
        }
        boolean data = in.path("includeExecutionData").asBoolean(true);
        return Paging.page(events, in.hasNonNull("maxResults") ? in.get("maxResults").asInt() : null,
                in.path("nextToken").asText(null), "events", event -> eventView(event, data));
    }

    static Map<String, Object> eventView(HistoryEvent event, boolean data) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("timestamp", event.timestamp());
        out.put("type", event.type());
        out.put("id", event.id());
        out.put("previousEventId", event.previousEventId());
        if (event.detailsMember() != null && event.details() != null) {
            ObjectNode details = event.details();
            if (!data) {
                details = details.deepCopy();
                details.remove(List.of("input", "output", "inputDetails", "outputDetails"));
            }
            out.put(event.detailsMember(), details);
        }
        return out;
    }

    /** The state machine as the execution ran it (its definition and role then, not now). */
    Object describeMachineFor(ObjectNode in, String region) {
        StoredExecution execution = require(in.path("executionArn").asText());
        StoredStateMachine machine = state.machine(execution.stateMachineArn()).orElse(null);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("stateMachineArn", execution.stateMachineArn());
        out.put("name", execution.stateMachineName());
        out.put("definition", execution.definition());
        out.put("roleArn", execution.roleArn());
        out.put("updateDate", execution.machineUpdateDate());
        if (machine != null) {
            out.put("loggingConfiguration", machine.loggingConfiguration());
            out.put("tracingConfiguration", machine.tracingConfiguration());
        }
        return out;
    }

    private StoredExecution require(String arn) {
        SfnNames.requireArn(arn, "execution");
        return state.execution(arn).orElseThrow(() -> SfnErrors.executionDoesNotExist(arn));
    }

    private StoredStateMachine requireStartable(ObjectNode in) {
        StoredStateMachine machine = machines.require(in.path("stateMachineArn").asText());
        if ("DELETING".equals(machine.status())) {
            throw SfnErrors.deleting(machine.arn());
        }
        return machine;
    }

    private static String name(ObjectNode in) {
        String name = in.hasNonNull("name") ? in.get("name").asText() : UUID.randomUUID().toString();
        if (!SfnNames.validName(name)) {
            throw SfnErrors.invalidName(name);
        }
        return name;
    }

    /** The input as given (it must be JSON), {@code {}} when absent. */
    private static String input(ObjectNode in) {
        if (!in.hasNonNull("input")) {
            return "{}";
        }
        String input = in.get("input").asText();
        try {
            if (STRICT.readTree(input) == null || input.isBlank()) {
                throw SfnErrors.invalidInput("No content to map due to end-of-input");
            }
        } catch (JsonProcessingException e) {
            throw SfnErrors.invalidInput(e.getOriginalMessage());
        }
        return input;
    }

    private StoredExecution newExecution(StoredStateMachine machine, String arn, String name, String input,
            Instant start) {
        return new StoredExecution(arn, machine.arn(), machine.name(), name, machine.region(), "RUNNING", start, null,
                input, null, null, null, machine.definition(), machine.roleArn(),
                machine.updateDate() == null ? machine.creationDate() : machine.updateDate());
    }

    private static void putIfPresent(Map<String, Object> out, String key, Object value) {
        if (value != null) {
            out.put(key, value);
        }
    }
}

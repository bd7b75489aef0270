package io.labrunner.emulator.stepfunctions;

import com.fasterxml.jackson.databind.JsonNode;
import io.labrunner.emulator.Json;
import io.labrunner.emulator.stepfunctions.asl.ExecutionInfo;
import io.labrunner.emulator.stepfunctions.asl.ExecutionOutcome;
import io.labrunner.emulator.stepfunctions.asl.ExecutionRun;
import io.labrunner.emulator.stepfunctions.asl.StateMachine;
import io.labrunner.emulator.stepfunctions.asl.TaskRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs executions with the interpreter: records each history event as it happens and the execution's end, and
 * finishes deleting a state machine once its last execution ended.
 *
 * <p>An execution does not outlive the emulator: when the emulator stops, running executions are stopped without
 * recording anything, and the next start with the same data folder ends each one that was still running as
 * FAILED with error {@code States.Runtime} and a cause that says so ({@link #failInterrupted}), with an
 * ExecutionFailed event: on AWS an execution outlives any restart; here it must at least not stay RUNNING forever.
 */
final class ExecutionRunner implements AutoCloseable {
    static final String INTERRUPTED_ERROR = "States.Runtime";
    static final String INTERRUPTED_CAUSE = "The emulator stopped while this execution was running; executions do"
            + " not resume after a restart. Start it again.";

    private final SfnState state;
    private final TaskRunner tasks;
    private final Clock clock;
    private final Map<String, ExecutionRun> running = new ConcurrentHashMap<>();
    private final Map<String, StateMachine> parsed = new ConcurrentHashMap<>();
    private volatile boolean closing;

    ExecutionRunner(SfnState state, TaskRunner tasks, Clock clock) {
        this.state = state;
        this.tasks = tasks;
        this.clock = clock;
    }

    /** Parses (or reuses) a definition CreateStateMachine already accepted. */
    StateMachine machine(String definition) {
        StateMachine machine = parsed.get(definition);
        if (machine == null) {
            machine = StateMachine.parse(definition);
            if (parsed.size() > 256) {
                parsed.clear();
            }
            parsed.put(definition, machine);
        }
        return machine;
    }

    /**
     * Starts {@code execution} (already saved as RUNNING); {@code keep} false runs an Express execution whose
     * history and end are not kept. The returned future completes with the outcome once it is recorded.
     */
    CompletableFuture<ExecutionOutcome> start(StoredExecution execution, boolean keep) {
        ExecutionInfo info = new ExecutionInfo(execution.arn(), execution.name(), execution.stateMachineArn(),
                execution.stateMachineName(), execution.roleArn(), execution.region(), execution.startDate(),
                parse(execution.input()));
        ExecutionRun run = machine(execution.definition()).start(info, tasks, event -> {
            if (keep && !closing) {
                state.append(execution.arn(), event);
            }
        });
        if (keep) {
            running.put(execution.arn(), run);
        }
        return run.outcome().thenApply(outcome -> {
            running.remove(execution.arn());
            if (keep && !closing) {
                record(execution, outcome);
            }
            return outcome;
        });
    }

    private void record(StoredExecution execution, ExecutionOutcome outcome) {
        state.save(execution.ended(outcome.status(), outcome.stopDate() == null ? clock.instant() : outcome.stopDate(),
                outcome.output(), outcome.error(), outcome.cause()));
        finishDeleting(execution.stateMachineArn());
        state.commit();
    }

    /** Removes a DELETING state machine once none of its executions runs. */
    void finishDeleting(String machineArn) {
        state.machine(machineArn).filter(m -> "DELETING".equals(m.status())).ifPresent(machine -> {
            boolean busy = state.executionsOf(machineArn).stream().anyMatch(StoredExecution::running);
            if (!busy) {
                state.removeMachine(machineArn);
            }
        });
    }

    /** Stops a running execution; false when it is not running here. */
    boolean stop(String executionArn, String error, String cause) {
        ExecutionRun run = running.get(executionArn);
        if (run == null) {
            return false;
        }
        run.stop(error, cause);
        return true;
    }

    /** Ends, as FAILED, the executions a previous run of the emulator left RUNNING. */
    void failInterrupted() {
        Instant now = clock.instant();
        for (StoredExecution execution : state.allExecutions()) {
            if (execution.running() && !running.containsKey(execution.arn())) {
                long last = state.lastEventId(execution.arn());
                var details = Json.object().put("error", INTERRUPTED_ERROR).put("cause", INTERRUPTED_CAUSE);
                state.append(execution.arn(), new io.labrunner.emulator.stepfunctions.asl.HistoryEvent(last + 1,
                        last, now, "ExecutionFailed", "executionFailedEventDetails", details));
                state.save(execution.ended("FAILED", now, null, INTERRUPTED_ERROR, INTERRUPTED_CAUSE));
                finishDeleting(execution.stateMachineArn());
            }
        }
        state.commit();
    }

    /** Stops every running execution without recording its end: the next start reports it interrupted. */
    @Override
    public void close() {
        closing = true;
        running.values().forEach(run -> {
            try {
                run.stop(INTERRUPTED_ERROR, INTERRUPTED_CAUSE);
            } catch (RuntimeException e) {
                // Stopping the rest matters more.
            }
        });
        running.clear();
    }

    static JsonNode parse(String json) {
        try {
            return Json.mapper().readTree(json == null ? "{}" : json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

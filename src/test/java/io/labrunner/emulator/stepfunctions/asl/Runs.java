package io.labrunner.emulator.stepfunctions.asl;

import com.fasterxml.jackson.databind.JsonNode;
import io.labrunner.emulator.Json;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** Starts executions of a definition for tests and collects what they record. */
final class Runs {
    static final String REGION = "us-east-1";
    static final String MACHINE_ARN = "arn:aws:states:us-east-1:123456789012:stateMachine:test";

    final ExecutionRun run;
    final List<HistoryEvent> events = new CopyOnWriteArrayList<>();

    private Runs(String definition, String input, TaskRunner tasks) {
        JsonNode json = read(input);
        ExecutionInfo info = new ExecutionInfo(
                "arn:aws:states:us-east-1:123456789012:execution:test:run-1", "run-1", MACHINE_ARN, "test",
                "arn:aws:iam::123456789012:role/sfn", REGION, Instant.now(), json);
        run = StateMachine.parse(definition).start(info, tasks, events::add);
    }

    static Runs start(String definition, String input, TaskRunner tasks) {
        return new Runs(definition, input, tasks);
    }

    /** Runs to the end (10 s at most). */
    static Runs finish(String definition, String input, TaskRunner tasks) {
        Runs runs = start(definition, input, tasks);
        runs.outcome();
        return runs;
    }

    ExecutionOutcome outcome() {
        try {
            return run.outcome().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the execution did not end: " + types(), e);
        }
    }

    JsonNode output() {
        return read(outcome().output());
    }

    List<String> types() {
        return events.stream().map(HistoryEvent::type).toList();
    }

    /** The events as "id<-previous Type" lines, the way AWS's histories are compared. */
    List<String> chain() {
        return events.stream().map(e -> e.id() + "<-" + e.previousEventId() + " " + e.type()).toList();
    }

    HistoryEvent first(String type) {
        return events.stream().filter(e -> e.type().equals(type)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " in " + types()));
    }

    static JsonNode read(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}

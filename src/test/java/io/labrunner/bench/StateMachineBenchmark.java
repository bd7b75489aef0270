package io.labrunner.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.labrunner.emulator.Json;
import io.labrunner.emulator.stepfunctions.asl.ExecutionInfo;
import io.labrunner.emulator.stepfunctions.asl.ExecutionOutcome;
import io.labrunner.emulator.stepfunctions.asl.StateMachine;
import io.labrunner.emulator.stepfunctions.asl.TaskRunner;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The States Language interpreter's speed: executions of a 50-state machine, 25 Pass states (Parameters with a
 * path and an intrinsic function, ResultPath) each followed by a Choice on the running count, in JSONPath and in
 * JSONata; the history of every execution is collected as the API would. Run with
 * {@code mvn -q -Pbench -DskipTests verify -Dbench=StateMachineBenchmark}. Not a test: nothing here fails.
 */
public final class StateMachineBenchmark {
    private static final int STEPS = 25;
    private static final int RUNS = 200;
    private static final TaskRunner NO_TASKS = call -> CompletableFuture.failedFuture(new IllegalStateException());

    private StateMachineBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<String[]> rows = new ArrayList<>();
        for (boolean jsonata : new boolean[] {false, true}) {
            String language = jsonata ? "JSONata" : "JSONPath";
            String definition = definition(jsonata);
            long parseStart = System.nanoTime();
            StateMachine machine = StateMachine.parse(definition);
            double parse = (System.nanoTime() - parseStart) / 1e6;
            rows.add(new String[] {"parse + validate the 50-state machine (" + language + ", first)", Benchmarks.fmt(parse) + " ms", ""});
            double first = runOnce(machine);
            rows.add(new String[] {"one execution, 50 states, 102 events (" + language + ", first)", Benchmarks.fmt(first) + " ms", ""});
            double[] times = new double[RUNS];
            for (int i = 0; i < RUNS; i++) {
                times[i] = runOnce(machine);
            }
            rows.add(new String[] {"one execution, 50 states (" + language + ", median of " + RUNS + ")",
                    Benchmarks.fmt(Benchmarks.median(times)) + " ms", "< 50 ms"});
            int concurrent = 8;
            long start = System.nanoTime();
            List<CompletableFuture<ExecutionOutcome>> outcomes = new ArrayList<>();
            for (int i = 0; i < RUNS; i++) {
                outcomes.add(start(machine, new AtomicInteger()));
                if (outcomes.size() >= concurrent) {
                    outcomes.remove(0).get(30, TimeUnit.SECONDS);
                }
            }
            for (CompletableFuture<ExecutionOutcome> outcome : outcomes) {
                outcome.get(30, TimeUnit.SECONDS);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            rows.add(new String[] {"executions/s, " + concurrent + " at a time (" + language + ")",
                    Benchmarks.fmt(RUNS / seconds), ""});
        }
        Benchmarks.print(rows);
    }

    private static double runOnce(StateMachine machine) throws Exception {
        AtomicInteger events = new AtomicInteger();
        long start = System.nanoTime();
        ExecutionOutcome outcome = start(machine, events).get(30, TimeUnit.SECONDS);
        double ms = (System.nanoTime() - start) / 1e6;
        if (!"SUCCEEDED".equals(outcome.status()) || events.get() != 2 + 2 * 50) {
            throw new IllegalStateException("unexpected outcome " + outcome + " with " + events.get() + " events");
        }
        return ms;
    }

    private static CompletableFuture<ExecutionOutcome> start(StateMachine machine, AtomicInteger events) {
        JsonNode input = Json.object().put("count", 0).put("label", "bench");
        ExecutionInfo info = new ExecutionInfo("arn:aws:states:us-east-1:123456789012:execution:bench:x", "x",
                "arn:aws:states:us-east-1:123456789012:stateMachine:bench", "bench",
                "arn:aws:iam::123456789012:role/bench", "us-east-1", Instant.now(), input);
        return machine.start(info, NO_TASKS, event -> events.incrementAndGet()).outcome();
    }

    /**
     * 50 states: Step0..Step24 (Pass) each add one to the count; Check0..Check23 (Choice) between them test it
     * and go on by Default; Done (Succeed) ends.
     */
    static String definition(boolean jsonata) {
        StringBuilder states = new StringBuilder();
        for (int i = 0; i < STEPS; i++) {
            String next = i == STEPS - 1 ? "Done" : "Check" + i;
            if (jsonata) {
                states.append("\"Step" + i + "\": {\"Type\": \"Pass\", \"Output\": {\"count\":"
                        + " \"{% $states.input.count + 1 %}\", \"label\": \"{% $states.input.label %}\"},"
                        + " \"Next\": \"" + next + "\"},\n");
            } else {
                states.append("\"Step" + i + "\": {\"Type\": \"Pass\", \"Parameters\": {\"count.$\":"
                        + " \"States.MathAdd($.count, 1)\", \"label.$\": \"$.label\"}, \"Next\": \"" + next + "\"},\n");
            }
            if (i < STEPS - 1) {
                String rule = jsonata ? "\"Condition\": \"{% $states.input.count > 1000 %}\""
                        : "\"Variable\": \"$.count\", \"NumericGreaterThan\": 1000";
                states.append("\"Check" + i + "\": {\"Type\": \"Choice\", \"Choices\": [{" + rule
                        + ", \"Next\": \"Done\"}], \"Default\": \"Step" + (i + 1) + "\"},\n");
            }
        }
        states.append("\"Done\": {\"Type\": \"Succeed\"}");
        return "{" + (jsonata ? "\"QueryLanguage\": \"JSONata\", " : "") + "\"StartAt\": \"Step0\", \"States\": {"
                + states + "}}";
    }
}

package io.labrunner.emulator.stepfunctions.asl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Choice, Wait, Parallel and Map. */
class ControlFlowTest {
    private static final String CHOICE = """
            {"StartAt": "Check", "States": {
              "Check": {"Type": "Choice", "Choices": [
                 {"Variable": "$.auc", "NumericGreaterThanEquals": 0.8, "Next": "Register"}],
               "Default": "Reject"},
              "Register": {"Type": "Pass", "Result": "registered", "End": true},
              "Reject": {"Type": "Fail", "Error": "ModelTooWeak", "Cause": "AUC below 0.8"}}}
            """;

    @Test
    void aChoiceGoesToTheFirstMatchingRule() {
        Runs runs = Runs.finish(CHOICE, "{\"auc\": 0.91}", new FakeTasks());

        assertThat(runs.types()).containsExactly("ExecutionStarted", "ChoiceStateEntered", "ChoiceStateExited",
                "PassStateEntered", "PassStateExited", "ExecutionSucceeded");
        assertThat(runs.output()).isEqualTo(Runs.read("\"registered\""));
    }

    @Test
    void aChoiceWithoutAMatchGoesToDefault() {
        Runs runs = Runs.finish(CHOICE, "{\"auc\": 0.5}", new FakeTasks());

        assertThat(runs.outcome().status()).isEqualTo("FAILED");
        assertThat(runs.outcome().error()).isEqualTo("ModelTooWeak");
        assertThat(runs.outcome().cause()).isEqualTo("AUC below 0.8");
    }

    @Test
    void aChoiceWithoutAMatchOrDefaultFailsWithNoChoiceMatched() {
        Runs runs = Runs.finish("""
                {"StartAt": "Check", "States": {
                  "Check": {"Type": "Choice", "Choices": [{"Variable": "$.x", "BooleanEquals": true, "Next": "Done"}]},
                  "Done": {"Type": "Succeed"}}}
                """, "{\"x\": false}", new FakeTasks());

        assertThat(runs.outcome().error()).isEqualTo("States.NoChoiceMatched");
    }

    @Test
    void aWaitStateWaitsItsSeconds() {
        long start = System.nanoTime();
        Runs runs = Runs.finish("""
                {"StartAt": "W", "States": {"W": {"Type": "Wait", "SecondsPath": "$.s", "End": true}}}
                """, "{\"s\": 1}", new FakeTasks());

        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(990));
        assertThat(runs.types()).containsExactly("ExecutionStarted", "WaitStateEntered", "WaitStateExited",
                "ExecutionSucceeded");
    }

    @Test
    void aWaitWithAnUnreadableTimestampFailsWithAwsMessage() {
        Runs runs = Runs.finish("""
                {"StartAt": "WaitState", "States": {"WaitState": {"Type": "Wait", "TimestampPath": "$.at", "End": true}}}
                """, "{\"at\": \"2016-12-05 21:29:29Z\"}", new FakeTasks());

        assertThat(runs.outcome().error()).isEqualTo("States.Runtime");
        assertThat(runs.outcome().cause()).endsWith("The TimestampPath parameter does not reference a valid ISO-8601"
                + " extended offset date-time format string: $.at == 2016-12-05 21:29:29Z");
    }

    @Test
    void parallelBranchesRunAtOnceAndTheirOutputsComeBackInBranchOrder() {
        FakeTasks tasks = slowEcho(new AtomicInteger(), new AtomicInteger());
        long start = System.nanoTime();
        Runs runs = Runs.finish("""
                {"StartAt": "P", "States": {"P": {"Type": "Parallel", "End": true, "Branches": [
                  {"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": "echo", "Parameters": {"b": 1}, "End": true}}},
                  {"StartAt": "B", "States": {"B": {"Type": "Task", "Resource": "echo", "Parameters": {"b": 2}, "End": true}}},
                  {"StartAt": "C", "States": {"C": {"Type": "Pass", "Result": 3, "End": true}}}]}}}
                """, "{}", tasks);

        assertThat(runs.output()).isEqualTo(Runs.read("[{\"b\":1},{\"b\":2},3]"));
        assertThat(System.nanoTime() - start).isLessThan(TimeUnit.MILLISECONDS.toNanos(380));
        assertThat(runs.types()).contains("ParallelStateStarted", "ParallelStateSucceeded", "ParallelStateExited");
    }

    @Test
    void mapRunsNoMoreIterationsAtOnceThanMaxConcurrency() {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        Runs runs = Runs.finish("""
                {"StartAt": "M", "States": {"M": {"Type": "Map", "ItemsPath": "$.items", "MaxConcurrency": 2,
                  "ItemSelector": {"value.$": "$$.Map.Item.Value", "index.$": "$$.Map.Item.Index", "tag.$": "$.tag"},
                  "ItemProcessor": {"ProcessorConfig": {"Mode": "INLINE"}, "StartAt": "T",
                    "States": {"T": {"Type": "Task", "Resource": "echo", "End": true}}},
                  "End": true}}}
                """, "{\"tag\": \"t\", \"items\": [\"a\", \"b\", \"c\", \"d\", \"e\"]}", slowEcho(running, most));

        assertThat(most.get()).isEqualTo(2);
        assertThat(runs.output()).isEqualTo(Runs.read("[{\"value\":\"a\",\"index\":0,\"tag\":\"t\"},"
                + "{\"value\":\"b\",\"index\":1,\"tag\":\"t\"},{\"value\":\"c\",\"index\":2,\"tag\":\"t\"},"
                + "{\"value\":\"d\",\"index\":3,\"tag\":\"t\"},{\"value\":\"e\",\"index\":4,\"tag\":\"t\"}]"));
        assertThat(runs.types().stream().filter("MapIterationSucceeded"::equals)).hasSize(5);
    }

    @Test
    void aMapOverSomethingThatIsNotAnArrayFailsWithStatesRuntime() {
        Runs runs = Runs.finish("""
                {"StartAt": "MapIterateState", "States": {"MapIterateState": {"Type": "Map", "End": true,
                  "ItemProcessor": {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}}}}
                """, "{\"a\": 1}", new FakeTasks());

        assertThat(runs.outcome().cause()).endsWith("Map state input must be an array but was: {\"a\":1}");
    }

    /** A task that answers its parameters after 200 ms, counting how many run at once. */
    private static FakeTasks slowEcho(AtomicInteger running, AtomicInteger most) {
        return new FakeTasks().handle("echo", call -> CompletableFuture.supplyAsync(() -> {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            running.decrementAndGet();
            return (JsonNode) call.parameters();
        }));
    }
}

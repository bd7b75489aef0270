package io.labrunner.emulator.stepfunctions.asl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Retry and Catch as the States Language specifies them. */
class ErrorHandlingTest {

    /** Fails with {@code error} the first {@code failures} calls, then answers the parameters. */
    private static FakeTasks failing(int failures, String error) {
        AtomicInteger calls = new AtomicInteger();
        return new FakeTasks().handle("flaky", call -> calls.incrementAndGet() <= failures
                ? CompletableFuture.failedFuture(new TaskFailure(error, "attempt " + calls.get()))
                : CompletableFuture.completedFuture((JsonNode) call.parameters()));
    }

    @Test
    void aRetrierRetriesWithBackoffUntilTheTaskSucceeds() {
        FakeTasks tasks = failing(2, "Custom.Error");
        long start = System.nanoTime();
        Runs runs = Runs.finish("""
                {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "flaky",
                  "Parameters": {"attempt.$": "$$.State.RetryCount"},
                  "Retry": [{"ErrorEquals": ["Other"], "MaxAttempts": 5},
                            {"ErrorEquals": ["States.ALL"], "IntervalSeconds": 1, "MaxAttempts": 2, "BackoffRate": 1.5,
                             "MaxDelaySeconds": 1}],
                  "End": true}}}
                """, "{}", tasks);

        assertThat(runs.output()).isEqualTo(Runs.read("{\"attempt\": 2}"));
        assertThat(tasks.calls).hasSize(3);
        // Two waits of IntervalSeconds 1 (the second capped by MaxDelaySeconds from 1.5 to 1).
        assertThat(System.nanoTime() - start).isBetween(TimeUnit.MILLISECONDS.toNanos(1_950), TimeUnit.MILLISECONDS.toNanos(2_900));
        assertThat(runs.types().stream().filter("TaskFailed"::equals)).hasSize(2);
        assertThat(runs.types().stream().filter("TaskStateEntered"::equals)).hasSize(1);
    }

    @Test
    void backoffGrowsByTheRateAndStopsAtMaxDelay() {
        Retrier retrier = Retrier.parse(Runs.read(
                "{\"ErrorEquals\": [\"States.ALL\"], \"IntervalSeconds\": 2, \"BackoffRate\": 3, \"MaxDelaySeconds\": 10}"));

        assertThat(List.of(retrier.delayMillis(0), retrier.delayMillis(1), retrier.delayMillis(2)))
                .containsExactly(2_000L, 6_000L, 10_000L);
        assertThat(Retrier.parse(Runs.read("{\"ErrorEquals\": [\"States.ALL\"]}")))
                .isEqualTo(new Retrier(List.of("States.ALL"), 1, 3, 2.0, null, false));
    }

    @Test
    void aRetrierWhoseAttemptsAreUsedUpLetsTheErrorReachCatch() {
        FakeTasks tasks = failing(5, "Custom.Error");
        Runs runs = Runs.finish("""
                {"StartAt": "T", "States": {
                  "T": {"Type": "Task", "Resource": "flaky",
                    "Retry": [{"ErrorEquals": ["Custom.Error"], "MaxAttempts": 0}],
                    "Catch": [{"ErrorEquals": ["Custom.Error"], "ResultPath": "$.error", "Next": "Handle"}],
                    "End": true},
                  "Handle": {"Type": "Pass", "End": true}}}
                """, "{\"order\": 7}", tasks);

        assertThat(tasks.calls).hasSize(1);
        assertThat(runs.output()).isEqualTo(Runs.read(
                "{\"order\": 7, \"error\": {\"Error\": \"Custom.Error\", \"Cause\": \"attempt 1\"}}"));
        assertThat(runs.chain()).containsExactly("1<-0 ExecutionStarted", "2<-0 TaskStateEntered", "3<-2 TaskScheduled",
                "4<-3 TaskStarted", "5<-4 TaskFailed", "6<-5 TaskStateExited", "7<-6 PassStateEntered",
                "8<-7 PassStateExited", "9<-8 ExecutionSucceeded");
    }

    @Test
    void taskFailedMatchesEveryErrorButATimeout() {
        Runs runs = Runs.finish("""
                {"StartAt": "T", "States": {
                  "T": {"Type": "Task", "Resource": "flaky",
                    "Catch": [{"ErrorEquals": ["States.TaskFailed"], "Next": "Handle"}], "End": true},
                  "Handle": {"Type": "Pass", "End": true}}}
                """, "{}", failing(1, "SageMaker.ResourceLimitExceeded"));

        assertThat(runs.output()).isEqualTo(Runs.read(
                "{\"Error\": \"SageMaker.ResourceLimitExceeded\", \"Cause\": \"attempt 1\"}"));
        assertThat(new StateFailure(StateFailure.TIMEOUT, null).matches("States.TaskFailed")).isFalse();
    }

    @Test
    void statesRuntimeIsNotCaughtByStatesAll() {
        FakeTasks tasks = new FakeTasks().answer("ok", call -> Runs.read("{}"));
        Runs runs = Runs.finish("""
                {"StartAt": "RaiseRuntime", "States": {
                  "RaiseRuntime": {"Type": "Task", "Resource": "ok", "OutputPath": "$.no.such.path",
                    "Retry": [{"ErrorEquals": ["States.ALL"]}],
                    "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Handle"}], "End": true},
                  "Handle": {"Type": "Pass", "End": true}}}
                """, "{}", tasks);

        assertThat(runs.outcome().error()).isEqualTo("States.Runtime");
        assertThat(runs.outcome().cause()).startsWith(
                "An error occurred while executing the state 'RaiseRuntime' (entered at the event id #2). Invalid path");
        assertThat(tasks.calls).hasSize(1);
        assertThat(runs.types()).doesNotContain("PassStateEntered");
    }

    @Test
    void aCaughtMapFailureRecordsMapStateFailedThenExitsWithTheErrorOutput() {
        Runs runs = Runs.finish("""
                {"StartAt": "MapState", "States": {
                  "MapState": {"Type": "Map", "End": true,
                    "ItemProcessor": {"StartAt": "HandleItemFail", "States": {"HandleItemFail": {"Type": "Fail",
                      "Error": "HandleItemFailError", "Cause": "HandleItemFailCause"}}},
                    "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "FinalCaught"}]},
                  "FinalCaught": {"Type": "Pass", "End": true}}}
                """, "[1]", new FakeTasks());

        // As AWS records it (LocalStack's test_map_state_catch snapshot).
        assertThat(runs.chain()).containsExactly("1<-0 ExecutionStarted", "2<-0 MapStateEntered", "3<-2 MapStateStarted",
                "4<-3 MapIterationStarted", "5<-4 FailStateEntered", "6<-5 MapIterationFailed", "7<-5 MapStateFailed",
                "8<-7 MapStateExited", "9<-8 PassStateEntered", "10<-9 PassStateExited", "11<-10 ExecutionSucceeded");
        assertThat(runs.output()).isEqualTo(Runs.read(
                "{\"Error\": \"HandleItemFailError\", \"Cause\": \"HandleItemFailCause\"}"));
    }
}

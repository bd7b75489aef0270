package io.labrunner.emulator.stepfunctions.asl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Task timeouts and heartbeats, the execution's timeout, StopExecution, and task tokens. */
class TimeoutsTest {
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stopTimer() {
        timer.shutdownNow();
    }

    @Test
    void aTaskThatOutlivesTimeoutSecondsFailsWithStatesTimeoutAndIsCancelled() {
        FakeTasks tasks = new FakeTasks().hang("forever");
        Runs runs = Runs.finish("""
                {"StartAt": "Start", "States": {"Start": {"Type": "Task", "Resource": "forever", "TimeoutSeconds": 1, "End": true}}}
                """, "{}", tasks);

        assertThat(runs.outcome().status()).isEqualTo("FAILED");
        assertThat(runs.outcome().error()).isEqualTo("States.Timeout");
        assertThat(runs.types()).containsSubsequence("TaskStarted", "TaskTimedOut", "ExecutionFailed");
        assertThat(runs.first("TaskTimedOut").details().get("error").asText()).isEqualTo("States.Timeout");
        assertThat(tasks.futures.get(0).isCancelled()).isTrue();
        assertThat(tasks.calls.get(0).timeoutSeconds()).isEqualTo(1);
    }

    @Test
    void aTaskThatMissesItsHeartbeatTimesOutAndCatchCanNameHeartbeatTimeout() {
        FakeTasks tasks = new FakeTasks().hang("forever");
        Runs runs = Runs.finish("""
                {"StartAt": "Start", "States": {
                  "Start": {"Type": "Task", "Resource": "forever", "TimeoutSeconds": 30, "HeartbeatSeconds": 1,
                    "Catch": [{"ErrorEquals": ["States.HeartbeatTimeout"], "Next": "Late"}], "End": true},
                  "Late": {"Type": "Pass", "End": true}}}
                """, "{}", tasks);

        assertThat(runs.output()).isEqualTo(Runs.read("{\"Error\": \"States.Timeout\"}"));
        assertThat(runs.first("TaskScheduled").details().get("heartbeatInSeconds").asLong()).isEqualTo(1);
        assertThat(tasks.futures.get(0).isCancelled()).isTrue();
    }

    @Test
    void heartbeatsKeepALongTaskAlive() {
        FakeTasks tasks = new FakeTasks().handle("beating", call -> {
            CompletableFuture<JsonNode> result = new CompletableFuture<>();
            var beats = timer.scheduleAtFixedRate(call.heartbeat(), 300, 300, TimeUnit.MILLISECONDS);
            timer.schedule(() -> {
                beats.cancel(false);
                result.complete(Runs.read("\"done\""));
            }, 1_600, TimeUnit.MILLISECONDS);
            return result;
        });
        Runs runs = Runs.finish("""
                {"StartAt": "Start", "States": {"Start": {"Type": "Task", "Resource": "beating", "HeartbeatSeconds": 1, "End": true}}}
                """, "{}", tasks);

        assertThat(runs.outcome().status()).isEqualTo("SUCCEEDED");
        assertThat(runs.output()).isEqualTo(Runs.read("\"done\""));
    }

    @Test
    void stoppingAnExecutionAbortsItAndCancelsItsRunningTask() throws Exception {
        FakeTasks tasks = new FakeTasks().hang("forever");
        Runs runs = Runs.start("""
                {"StartAt": "Train", "States": {"Train": {"Type": "Task", "Resource": "forever", "End": true}}}
                """, "{}", tasks);
        waitFor(() -> !tasks.futures.isEmpty());

        runs.run.stop("Operator", "no longer needed");

        ExecutionOutcome outcome = runs.outcome();
        assertThat(outcome.status()).isEqualTo("ABORTED");
        assertThat(outcome.error()).isEqualTo("Operator");
        assertThat(tasks.futures.get(0).isCancelled()).isTrue();
        Thread.sleep(100);
        assertThat(runs.types()).last().isEqualTo("ExecutionAborted");
        assertThat(runs.events.get(runs.events.size() - 1).details().toString())
                .isEqualTo("{\"error\":\"Operator\",\"cause\":\"no longer needed\"}");
        runs.run.stop("again", null);
        assertThat(runs.types().stream().filter("ExecutionAborted"::equals)).hasSize(1);
    }

    @Test
    void stoppingAWaitingExecutionEndsItAtOnce() {
        Runs runs = Runs.start("""
                {"StartAt": "State_1", "States": {"State_1": {"Type": "Wait", "Seconds": 60, "End": true}}}
                """, "{}", new FakeTasks());
        waitFor(() -> runs.events.size() >= 2);

        runs.run.stop(null, null);

        assertThat(runs.outcome().status()).isEqualTo("ABORTED");
        // As AWS records it (LocalStack's test_stop_execution snapshot): ExecutionAborted with previousEventId 0.
        assertThat(runs.chain()).containsExactly("1<-0 ExecutionStarted", "2<-0 WaitStateEntered", "3<-0 ExecutionAborted");
    }

    @Test
    void anExecutionThatOutlivesTheMachinesTimeoutSecondsTimesOut() {
        FakeTasks tasks = new FakeTasks().hang("forever");
        Runs runs = Runs.finish("""
                {"TimeoutSeconds": 1, "StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "forever", "End": true}}}
                """, "{}", tasks);

        assertThat(runs.outcome().status()).isEqualTo("TIMED_OUT");
        assertThat(runs.types()).last().isEqualTo("ExecutionTimedOut");
        assertThat(tasks.futures.get(0).isCancelled()).isTrue();
    }

    @Test
    void aWaitForTaskTokenTaskGetsATokenItsParametersCanCarry() {
        FakeTasks tasks = new FakeTasks().handle("arn:aws:states:::sqs:sendMessage.waitForTaskToken", call -> {
            CompletableFuture<JsonNode> result = new CompletableFuture<>();
            timer.schedule(() -> result.complete(Runs.read("{\"approved\": true}")), 50, TimeUnit.MILLISECONDS);
            return result;
        });
        Runs runs = Runs.finish("""
                {"StartAt": "Ask", "States": {"Ask": {"Type": "Task",
                  "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
                  "Parameters": {"QueueUrl": "q", "MessageBody": {"token.$": "$$.Task.Token"}}, "End": true}}}
                """, "{}", tasks);

        TaskCall call = tasks.calls.get(0);
        assertThat(call.taskToken()).hasSizeGreaterThan(100);
        assertThat(call.parameters().at("/MessageBody/token").asText()).isEqualTo(call.taskToken());
        assertThat(runs.output()).isEqualTo(Runs.read("{\"approved\": true}"));
        assertThat(runs.first("TaskScheduled").details().get("resource").asText())
                .isEqualTo("sendMessage.waitForTaskToken");
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) {
        long deadline = System.currentTimeMillis() + 5_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("timed out waiting");
            }
            Thread.onSpinWait();
        }
    }
}

package io.labrunner.emulator.stepfunctions.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.emulator.Json;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One running execution: its thread, its history, and how it ends (succeeded, failed, timed out or stopped).
 * States run on the execution's thread; Parallel branches and Map iterations on further threads of a shared pool
 * of daemon threads, which grows as executions wait and shrinks when they are idle.
 */
final class Execution implements ExecutionRun {
    private static final ExecutorService THREADS = Executors.newCachedThreadPool(daemon("sfn-execution"));
    private static final ScheduledExecutorService TIMERS =
            Executors.newSingleThreadScheduledExecutor(daemon("sfn-execution-timer"));

    private final StateMachine machine;
    private final ExecutionInfo info;
    private final TaskRunner tasks;
    private final History history;
    private final Scope scope = new Scope(null);
    private final Track track = new Track(0);
    private final Object signal = new Object();
    private final CompletableFuture<ExecutionOutcome> outcome = new CompletableFuture<>();
    private volatile ScheduledFuture<?> timeout;

    Execution(StateMachine machine, ExecutionInfo info, TaskRunner tasks, ExecutionListener listener) {
        this.machine = machine;
        this.info = info;
        this.tasks = tasks;
        this.history = new History(listener);
    }

    /** Records ExecutionStarted and runs the machine on a pool thread. */
    void start() {
        JsonNode input = info.input() == null ? Json.object() : info.input();
        ObjectNode details = Events.withInput(Json.object(), Events.text(input));
        if (info.roleArn() != null) {
            details.put("roleArn", info.roleArn());
        }
        // ExecutionStarted does not become the first state's previous event: AWS records that one with 0.
        history.recordAside(track, "ExecutionStarted", "executionStartedEventDetails", details);
        Integer seconds = machine.timeoutSeconds();
        if (seconds != null) {
            timeout = TIMERS.schedule(this::timeOut, seconds, TimeUnit.SECONDS);
        }
        THREADS.execute(() -> run(input));
    }

    private void run(JsonNode input) {
        Frame frame = new Frame(this, track, new Variables(null), scope);
        try {
            JsonNode output = new GraphRunner().run(machine.graph(), input, frame);
            String text = Events.text(output);
            ObjectNode details = Events.withOutput(Json.object(), text);
            if (history.close(track.last(), "ExecutionSucceeded", "executionSucceededEventDetails", details)) {
                finish(new ExecutionOutcome("SUCCEEDED", text, null, null, Instant.now()));
            }
        } catch (StateFailure failure) {
            fail(failure);
        } catch (Ended ended) {
            // stopped or timed out: whoever ended it recorded the closing event
        } catch (RuntimeException | Error e) {
            fail(new StateFailure(StateFailure.RUNTIME, "Internal error: " + e));
        }
    }

    private void fail(StateFailure failure) {
        ObjectNode details = Events.error(failure.error(), failure.failureCause());
        if (history.close(track.last(), "ExecutionFailed", "executionFailedEventDetails", details)) {
            finish(new ExecutionOutcome("FAILED", null, failure.error(), failure.failureCause(), Instant.now()));
        }
    }

    private void timeOut() {
        // AWS records the execution's timeout as States.Timeout, with no cause.
        if (history.close(history.lastId(), "ExecutionTimedOut", "executionTimedOutEventDetails",
                Events.error(StateFailure.TIMEOUT, null))) {
            finish(new ExecutionOutcome("TIMED_OUT", null, StateFailure.TIMEOUT, null, Instant.now()));
        }
    }

    @Override
    public void stop(String error, String cause) {
        // As AWS records StopExecution: ExecutionAborted with previousEventId 0.
        if (history.close(0, "ExecutionAborted", "executionAbortedEventDetails", Events.error(error, cause))) {
            finish(new ExecutionOutcome("ABORTED", null, error, cause, Instant.now()));
        }
    }

    @Override
    public CompletableFuture<ExecutionOutcome> outcome() {
        return outcome;
    }

    private void finish(ExecutionOutcome result) {
        ScheduledFuture<?> timer = timeout;
        if (timer != null) {
            timer.cancel(false);
        }
        scope.cancel();
        wake();
        outcome.complete(result);
    }

    ExecutionInfo info() {
        return info;
    }

    TaskRunner tasks() {
        return tasks;
    }

    History history() {
        return history;
    }

    ExecutorService threads() {
        return THREADS;
    }

    /** Throws {@link Ended} once the execution has ended or {@code scope} was cancelled. */
    void checkRunning(Scope scope) {
        if (history.isClosed() || scope.isCancelled()) {
            throw new Ended();
        }
    }

    /** Wakes every thread of this execution waiting in {@link #await}. */
    void wake() {
        synchronized (signal) {
            signal.notifyAll();
        }
    }

    /**
     * Waits until {@code done} holds or {@code deadlineMillis} (System.currentTimeMillis) passes; {@link #wake}
     * makes it look again.
     *
     * @return whether {@code done} held
     * @throws Ended when the execution ends or {@code scope} is cancelled meanwhile
     */
    boolean await(Scope scope, long deadlineMillis, java.util.function.BooleanSupplier done) {
        synchronized (signal) {
            while (true) {
                if (done.getAsBoolean()) {
                    return true;
                }
                checkRunning(scope);
                long left = deadlineMillis - System.currentTimeMillis();
                if (left <= 0) {
                    return false;
                }
                try {
                    signal.wait(Math.min(left, 1_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new Ended();
                }
            }
        }
    }

    /** Sleeps until {@code deadlineMillis}, or throws {@link Ended} when the execution ends first. */
    void sleepUntil(Scope scope, long deadlineMillis) {
        await(scope, deadlineMillis, () -> false);
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Unwinds a thread whose execution (or branch, or iteration) was ended from outside. */
    static final class Ended extends RuntimeException {
        Ended() {
            super(null, null, false, false);
        }
    }
}

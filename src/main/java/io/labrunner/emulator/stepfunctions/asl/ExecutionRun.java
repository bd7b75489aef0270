package io.labrunner.emulator.stepfunctions.asl;

import java.util.concurrent.CompletableFuture;

/** One running execution of a {@link StateMachine}. */
public interface ExecutionRun {

    /** Completes when the execution ends, however it ends. */
    CompletableFuture<ExecutionOutcome> outcome();

    /**
     * Stops the execution (StopExecution): the running task is cancelled, an ExecutionAborted event recorded and
     * the outcome completed as {@code ABORTED}. Does nothing once the execution has ended.
     */
    void stop(String error, String cause);
}

package io.labrunner.emulator.stepfunctions.asl;

/**
 * Receives an execution's history events in order, as they happen: from the execution's own threads, and the
 * closing ExecutionAborted from the thread that calls {@link ExecutionRun#stop}. Calls never overlap.
 */
@FunctionalInterface
public interface ExecutionListener {

    void onEvent(HistoryEvent event);
}

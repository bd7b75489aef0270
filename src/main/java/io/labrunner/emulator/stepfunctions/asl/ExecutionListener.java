package io.labrunner.emulator.stepfunctions.asl;

/** Receives an execution's history events in order, as they happen (from the execution's own thread). */
@FunctionalInterface
public interface ExecutionListener {

    void onEvent(HistoryEvent event);
}

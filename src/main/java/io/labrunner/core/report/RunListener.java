package io.labrunner.core.report;

import io.labrunner.core.LabInfo;

/** Live events of a run, for the console. Every method has a no-op default. */
public interface RunListener {

    default void labStarted(LabInfo lab, String runId, String target, String command) {
    }

    default void phaseStarted(String phase) {
    }

    default void stepStarted(String step) {
    }

    default void stepFinished(StepResult step) {
    }

    /** A wait inside a step began; the console shows a live line while it lasts. */
    default void waitStarted(String what) {
    }

    default void waitFinished() {
    }

    default void note(String line) {
    }

    default void phaseFinished(PhaseResult phase) {
    }

    default void checkFinished(CheckOutcome check) {
    }

    default void labFinished(LabResult result) {
    }

    RunListener NONE = new RunListener() {
    };
}

package io.labrunner.core.report;

/** How one lab ended. */
public enum Outcome {
    PASSED, FAILED, SKIPPED, ERROR
}

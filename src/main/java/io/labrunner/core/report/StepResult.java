package io.labrunner.core.report;

import java.time.Duration;

/** One step of a phase: what ran, whether it worked, how long it took, and why it failed. */
public record StepResult(String name, boolean ok, Duration duration, String error) {
}

package io.labrunner.core.report;

import java.time.Duration;
import java.util.List;

/** A lab phase (setup, solve, cleanup) with its steps; {@code error} is set when the phase failed. */
public record PhaseResult(String name, List<StepResult> steps, boolean ok, Duration duration, String error) {

    public PhaseResult {
        steps = List.copyOf(steps);
    }
}

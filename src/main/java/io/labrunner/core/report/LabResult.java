package io.labrunner.core.report;

import java.time.Duration;
import java.util.List;

/**
 * Everything one lab run produced, in the order it happened; the console, JSON and JUnit
 * reports are all views of it.
 */
public record LabResult(String labId, String title, String runId, String target, String command,
                        Outcome outcome, String message, List<PhaseResult> phases,
                        List<CheckOutcome> checks, List<String> notes, Duration duration) {

    public LabResult {
        phases = List.copyOf(phases);
        checks = List.copyOf(checks);
        notes = List.copyOf(notes);
    }

    public long checksFailed() {
        return checks.stream().filter(c -> !c.ok()).count();
    }
}

package io.labrunner.core.report;

import java.time.Duration;
import java.util.List;

/**
 * One step of a phase: what ran, whether it worked, how long it took, and why it failed.
 * {@code remark} says how a step that worked turned out when that is not the usual, e.g.
 * {@code already gone} for a delete that found nothing to delete; empty otherwise. {@code notes}
 * are the details the lab gave while the step ran or after it, before the next one: they print
 * under the step's own line.
 */
public record StepResult(String name, boolean ok, Duration duration, String error, String remark, List<String> notes) {

    public StepResult {
        notes = List.copyOf(notes);
    }

    public StepResult(String name, boolean ok, Duration duration, String error, String remark) {
        this(name, ok, duration, error, remark, List.of());
    }

    public StepResult(String name, boolean ok, Duration duration, String error) {
        this(name, ok, duration, error, "");
    }

    /** The same step with one more detail under it. */
    public StepResult withNote(String line) {
        List<String> more = new java.util.ArrayList<>(notes);
        more.add(line);
        return new StepResult(name, ok, duration, error, remark, more);
    }
}

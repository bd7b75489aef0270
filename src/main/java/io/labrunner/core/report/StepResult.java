package io.labrunner.core.report;

import java.time.Duration;

/**
 * One step of a phase: what ran, whether it worked, how long it took, and why it failed.
 * {@code remark} says how a step that worked turned out when that is not the usual, e.g.
 * {@code already gone} for a delete that found nothing to delete; empty otherwise.
 */
public record StepResult(String name, boolean ok, Duration duration, String error, String remark) {

    public StepResult(String name, boolean ok, Duration duration, String error) {
        this(name, ok, duration, error, "");
    }
}

package io.labrunner.core.report;

import java.time.Duration;
import java.util.List;

/**
 * One check as it ran.
 *
 * @param name         the check's sentence
 * @param stage        when it ran: {@code before solve} (self-test, must fail) or {@code after solve}
 * @param passed       what the check said
 * @param expectedPass what it had to say
 * @param detail       what it saw
 * @param hints        what a learner should look at when it failed, in tiers (see {@code CheckResult})
 * @param notes        details the check gave while it looked (a table of what it measured); they print under its line
 * @param skipped      why the check was not judged on this target (it needs behaviour the target does not
 *                     emulate); empty when it ran
 * @param fault        for a skipped check, what this backend is known to get wrong that the check relies on, in
 *                     one line: the backend's fault, not the learner's; empty when none is known
 */
public record CheckOutcome(String name, String stage, boolean passed, boolean expectedPass,
                           String detail, List<String> hints, Duration duration, List<String> notes,
                           String skipped, String fault) {

    public CheckOutcome {
        hints = List.copyOf(hints);
        notes = List.copyOf(notes);
    }

    public CheckOutcome(String name, String stage, boolean passed, boolean expectedPass,
                        String detail, List<String> hints, Duration duration, List<String> notes) {
        this(name, stage, passed, expectedPass, detail, hints, duration, notes, "", "");
    }

    /** A check not judged on this target, and why. */
    public static CheckOutcome skipped(String name, String stage, boolean expectedPass, String why) {
        return skipped(name, stage, expectedPass, why, "");
    }

    /** A check not judged on this target because of what the backend is known to get wrong ({@code fault}). */
    public static CheckOutcome skipped(String name, String stage, boolean expectedPass, String why, String fault) {
        return new CheckOutcome(name, stage, false, expectedPass, "", List.of(), Duration.ZERO, List.of(), why, fault);
    }

    /** Whether the check was skipped for a fault of the backend it ran on. */
    public boolean backendFault() {
        return wasSkipped() && !fault.isEmpty();
    }

    public boolean wasSkipped() {
        return !skipped.isEmpty();
    }

    public CheckOutcome(String name, String stage, boolean passed, boolean expectedPass,
                        String detail, List<String> hints, Duration duration) {
        this(name, stage, passed, expectedPass, detail, hints, duration, List.of());
    }

    /** The first tier of the hints, or empty. */
    public String hint() {
        return hints.isEmpty() ? "" : hints.get(0);
    }

    /** Whether the check behaved as required: passing after the solution, failing before it (or was skipped). */
    public boolean ok() {
        return wasSkipped() || passed == expectedPass;
    }
}

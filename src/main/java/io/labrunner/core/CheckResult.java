package io.labrunner.core;

import java.util.List;

/**
 * The verdict of one check.
 *
 * @param passed whether the check passed
 * @param detail what was seen (shown in verbose output and reports)
 * @param hints  for a failure, hints in tiers, diagnosed from what the check saw: the first
 *               nudges (what to look at), the next says more, the last shows the solution step.
 *               {@code lab check} shows the first; {@code lab hint} reveals the next.
 */
public record CheckResult(boolean passed, String detail, List<String> hints) {

    public CheckResult {
        hints = hints.stream().filter(h -> h != null && !h.isBlank()).toList();
    }

    public static CheckResult pass(String detail) {
        return new CheckResult(true, detail, List.of());
    }

    /** A failure with its hints, nudge first and the solution step last. */
    public static CheckResult fail(String detail, String... hints) {
        return new CheckResult(false, detail, List.of(hints));
    }

    /** The first tier, or empty. */
    public String hint() {
        return hints.isEmpty() ? "" : hints.get(0);
    }
}

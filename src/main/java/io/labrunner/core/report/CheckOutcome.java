package io.labrunner.core.report;

import java.time.Duration;

/**
 * One check as it ran.
 *
 * @param name         the check's sentence
 * @param stage        when it ran: {@code before solve} (self-test, must fail) or {@code after solve}
 * @param passed       what the check said
 * @param expectedPass what it had to say
 * @param detail       what it saw
 * @param hint         what a learner should look at when it failed
 */
public record CheckOutcome(String name, String stage, boolean passed, boolean expectedPass,
                           String detail, String hint, Duration duration) {

    /** Whether the check behaved as required: passing after the solution, failing before it. */
    public boolean ok() {
        return passed == expectedPass;
    }
}

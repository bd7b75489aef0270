package io.labrunner.core;

/**
 * The verdict of one check.
 *
 * @param passed whether the check passed
 * @param detail what was seen (shown in verbose output and reports)
 * @param hint   for a failure, what the learner should look at
 */
public record CheckResult(boolean passed, String detail, String hint) {

    public static CheckResult pass(String detail) {
        return new CheckResult(true, detail, "");
    }

    public static CheckResult fail(String detail, String hint) {
        return new CheckResult(false, detail, hint);
    }
}

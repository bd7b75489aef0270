package io.labrunner.testing;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Prints why a test was skipped (a disabled test, or an assumption such as "Docker is not
 * available") to the build output, where Maven's summary only counts skips.
 */
public final class SkipReasons implements TestExecutionListener {

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        print(test, reason);
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
            print(test, result.getThrowable().map(Throwable::getMessage).orElse("assumption not met"));
        }
    }

    private static void print(TestIdentifier test, String reason) {
        System.out.println("SKIPPED " + test.getDisplayName() + " — " + reason);
    }
}

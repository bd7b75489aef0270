package io.labrunner.labs.sagemakerxgboost;

import io.labrunner.core.report.LabResult;
import io.labrunner.core.report.PhaseResult;
import java.util.stream.Collectors;

/** Explains a self-test that did not pass: the failed phases and the checks that misbehaved. */
public final class LabSelfTests {
    private LabSelfTests() {
    }

    public static String explain(LabResult result) {
        String phases = result.phases().stream().filter(p -> !p.ok()).map(PhaseResult::error)
                .collect(Collectors.joining("; "));
        String checks = result.checks().stream().filter(c -> !c.ok())
                .map(c -> c.name() + " (" + c.stage() + ", passed=" + c.passed() + "): " + c.detail())
                .collect(Collectors.joining("; "));
        return result.labId() + ": " + result.message() + " | phases: " + phases + " | checks: " + checks;
    }
}

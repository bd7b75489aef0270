package io.labrunner.labs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.labrunner.core.StateDirectory;
import io.labrunner.core.report.LabResult;
import io.labrunner.core.report.Outcome;
import io.labrunner.core.report.PhaseResult;
import io.labrunner.testing.EmbeddedEmulator;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The self-test of every registered lab on the embedded target: setup → checks fail → solve →
 * checks pass → cleanup → the emulator holds nothing of the run.
 */
class AllLabsSelfTest {

    @TempDir
    Path home;

    @TestFactory
    Stream<DynamicTest> everyLabPassesItsSelfTestOnTheEmbeddedTarget() {
        assertThat(LabCatalog.builtIn().all()).as("registered labs").isNotEmpty();
        return LabCatalog.builtIn().all().stream().map(lab -> dynamicTest(lab.info().id(), () -> {
            try (EmbeddedEmulator emulator = new EmbeddedEmulator()) {
                LabResult result = emulator.runner(new StateDirectory(home)).selfTest(lab);
                Assumptions.assumeTrue(result.outcome() != Outcome.SKIPPED, () -> "skipped: " + result.message());
                assertThat(result.outcome()).as(explain(result)).isEqualTo(Outcome.PASSED);
                assertThat(result.checks()).as("checks ran before and after the solution").isNotEmpty();
            }
        }));
    }

    private static String explain(LabResult result) {
        String phases = result.phases().stream().filter(p -> !p.ok())
                .map(PhaseResult::error).collect(Collectors.joining("; "));
        String checks = result.checks().stream().filter(c -> !c.ok())
                .map(c -> c.name() + " (" + c.stage() + ", passed=" + c.passed() + "): " + c.detail())
                .collect(Collectors.joining("; "));
        return result.labId() + ": " + result.message() + " | phases: " + phases + " | checks: " + checks;
    }

}

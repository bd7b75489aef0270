package io.labrunner.labs;

import static org.assertj.core.api.Assertions.assertThat;

import io.labrunner.core.AwsClients;
import io.labrunner.core.Lab;
import io.labrunner.core.LabRunner;
import io.labrunner.core.StateDirectory;
import io.labrunner.core.report.CheckOutcome;
import io.labrunner.core.report.LabResult;
import io.labrunner.core.report.Outcome;
import io.labrunner.core.report.RunListener;
import io.labrunner.target.EmbeddedTarget;
import java.nio.file.Path;
import java.time.Clock;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lab test} for every built-in lab, on the embedded emulator: setup, every check fails,
 * solve, every check passes, cleanup leaves nothing.
 */
class AllLabsSelfTest {
    private static EmbeddedTarget target;
    private static AwsClients clients;

    @TempDir
    static Path home;

    @BeforeAll
    static void startEmulator() {
        target = EmbeddedTarget.start(null);
        clients = new AwsClients(target.endpoint(), target.region(), target.credentials());
    }

    @AfterAll
    static void stopEmulator() {
        clients.close();
        target.close();
    }

    @TestFactory
    Stream<DynamicTest> everyBuiltInLabPassesItsSelfTest() {
        return LabCatalog.builtIn().all().stream()
                .map(lab -> DynamicTest.dynamicTest(lab.info().id() + " passes its self-test", () -> selfTest(lab)));
    }

    private static void selfTest(Lab lab) {
        LabRunner runner = new LabRunner("embedded", target.capabilities(), clients,
                new StateDirectory(home.resolve(lab.info().id())), RunListener.NONE, Clock.systemUTC());
        LabResult result = runner.selfTest(lab);
        assertThat(result.outcome())
                .as("%s: %s %s", lab.info().id(), result.message(),
                        result.checks().stream().map(CheckOutcome::toString).toList())
                .isEqualTo(Outcome.PASSED);
    }
}

package io.labrunner.labs.kinesisstreams;

import static org.assertj.core.api.Assertions.assertThat;

import io.labrunner.core.LabRunner;
import io.labrunner.core.StateDirectory;
import io.labrunner.core.report.CheckOutcome;
import io.labrunner.core.report.LabResult;
import io.labrunner.core.report.Outcome;
import io.labrunner.core.report.RunListener;
import io.labrunner.target.TargetKind;
import io.labrunner.testing.EmbeddedEmulator;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lab judged with what Floci offers and what it is known to get wrong: the checks that rely on throttling or
 * on a stream's lineage through the split are skipped, those two as Floci's fault, and the rest still judge.
 */
class KnownBackendFaultsTest {

    @Test
    void onFlociTheConsumptionChecksAreSkippedAsTheBackendsFaultAndTheRestPass(@TempDir Path home) {
        try (EmbeddedEmulator emulator = new EmbeddedEmulator()) {
            LabRunner asFloci = new LabRunner("floci", TargetKind.FLOCI.knownCapabilities(), emulator.clients(),
                    new StateDirectory(home), RunListener.NONE, Clock.systemUTC())
                    .knowingFaults(TargetKind.FLOCI.knownFaults());

            LabResult result = asFloci.run(new KinesisStreamsLab(), false);

            assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.PASSED);
            assertThat(result.checks()).filteredOn(CheckOutcome::backendFault).extracting(CheckOutcome::name)
                    .containsExactlyInAnyOrder("The producer met the shards' write limit and still delivered every event",
                            "Every event was consumed exactly once",
                            "Each device's events were consumed in the order they were produced");
            assertThat(result.checks()).filteredOn(c -> c.name().startsWith("Every event was consumed"))
                    .singleElement().satisfies(c -> assertThat(c.fault()).contains("hash-key ranges"));
            assertThat(result.checks()).filteredOn(c -> !c.wasSkipped()).hasSize(3).allMatch(CheckOutcome::passed);
        }
    }
}

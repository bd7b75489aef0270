package io.labrunner.labs.modelmonitoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.labrunner.core.Capability;
import io.labrunner.core.StateDirectory;
import io.labrunner.core.report.LabResult;
import io.labrunner.core.report.Outcome;
import io.labrunner.labs.sagemakerxgboost.LabSelfTests;
import io.labrunner.testing.EmbeddedEmulator;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lab's self-test on the embedded emulator, with what went wrong spelled out when it fails. */
class ModelMonitoringLabTest {
    private final ModelMonitoringLab lab = new ModelMonitoringLab();

    @TempDir
    Path home;

    @Test
    void declaresWhatItUses() {
        assertThat(lab.info().capabilities()).containsExactlyInAnyOrder(Capability.S3, Capability.IAM,
                Capability.SAGEMAKER_TRAINING, Capability.SAGEMAKER_HOSTING, Capability.SAGEMAKER_MODEL_MONITOR,
                Capability.CLOUDWATCH_METRICS);
    }

    @Test
    void everyCheckFailsBeforeTheSolutionAndPassesAfterItAndNothingIsLeft() {
        try (EmbeddedEmulator emulator = new EmbeddedEmulator()) {
            long start = System.nanoTime();
            LabResult result = emulator.runner(new StateDirectory(home)).selfTest(lab);
            System.out.printf("%s self-test: %.1f s%n", lab.info().id(), (System.nanoTime() - start) / 1e9);
            assertThat(result.outcome()).as(LabSelfTests.explain(result)).isEqualTo(Outcome.PASSED);
            assertThat(result.checks().stream().filter(c -> c.ok()).count())
                    .as("checks that behaved (failed before, passed after)").isEqualTo(2L * lab.checks().size());
            assertThat(emulator.clients().s3().listBuckets().buckets()).as("buckets left").isEmpty();
            assertThat(emulator.clients().sageMaker().listEndpoints(l -> l.nameContains(result.runId())).endpoints())
                    .as("endpoints left").isEmpty();
            assertThat(emulator.clients().sageMaker().listEndpointConfigs(l -> l.nameContains(result.runId())).endpointConfigs())
                    .as("endpoint configs left").isEmpty();
            assertThat(emulator.clients().sageMaker().listMonitoringSchedules(l -> l.nameContains(result.runId()))
                    .monitoringScheduleSummaries()).as("monitoring schedules left").isEmpty();
            assertThat(emulator.clients().cloudWatch().describeAlarms(d -> d.alarmNamePrefix("lab-" + result.runId()))
                    .metricAlarms()).as("alarms left").isEmpty();
        }
    }
}

package io.labrunner.labs.modelmonitoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.labrunner.core.Capability;
import io.labrunner.core.RunNames;
import io.labrunner.core.StateDirectory;
import io.labrunner.core.report.CheckOutcome;
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

    private static RunNames run(LabResult result) {
        return RunNames.of(result.runId());
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
            // Before the solution each check says what is missing, and its last hint is the guide's step.
            assertThat(result.checks().stream().filter(c -> !c.expectedPass()).map(CheckOutcome::detail))
                    .containsExactly("no endpoint " + ModelMonitoringLab.endpoint(run(result)),
                            "no capture files under " + ModelMonitoringLab.s3(run(result), "capture/")
                                    + ModelMonitoringLab.endpoint(run(result)) + "/",
                            "no processing job " + ModelMonitoringLab.baselineJob(run(result)),
                            "no monitoring schedule " + ModelMonitoringLab.schedule(run(result)),
                            "no alarm " + ModelMonitoringLab.alarm(run(result)));
            assertThat(result.checks().stream().filter(c -> !c.expectedPass()))
                    .allMatch(c -> c.hints().size() >= 3 && c.hints().get(c.hints().size() - 1).contains("of the guide"));
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

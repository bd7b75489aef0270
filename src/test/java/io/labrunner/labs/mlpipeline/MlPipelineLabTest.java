package io.labrunner.labs.mlpipeline;

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
class MlPipelineLabTest {
    private final MlPipelineLab lab = new MlPipelineLab();

    @TempDir
    Path home;

    @Test
    void needsStepFunctionsEventBridgeAndS3EventsBesidesTheDataLakeAndTraining() {
        assertThat(lab.info().capabilities()).contains(Capability.STEP_FUNCTIONS, Capability.EVENTBRIDGE,
                Capability.S3_EVENTBRIDGE, Capability.GLUE_CRAWLER, Capability.ATHENA_SQL, Capability.SAGEMAKER_TRAINING);
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
            assertThat(emulator.clients().sfn().listStateMachines().stateMachines()).as("state machines left").isEmpty();
            assertThat(emulator.clients().eventBridge().listRules(r -> { }).rules()).as("rules left").isEmpty();
        }
    }
}

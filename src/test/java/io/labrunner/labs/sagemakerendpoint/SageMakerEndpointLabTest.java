package io.labrunner.labs.sagemakerendpoint;

import static org.assertj.core.api.Assertions.assertThat;

import io.labrunner.core.Capability;
import io.labrunner.core.RunNames;
import io.labrunner.core.StateDirectory;
import io.labrunner.core.report.LabResult;
import io.labrunner.core.report.Outcome;
import io.labrunner.labs.sagemakerxgboost.LabSelfTests;
import io.labrunner.testing.EmbeddedEmulator;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lab's self-test on the embedded emulator, with what went wrong spelled out when it fails. */
class SageMakerEndpointLabTest {
    private final SageMakerEndpointLab lab = new SageMakerEndpointLab();

    @TempDir
    Path home;

    @Test
    void needsHostingAndMetricsBesideTraining() {
        assertThat(lab.info().capabilities()).containsExactlyInAnyOrder(Capability.S3, Capability.IAM,
                Capability.SAGEMAKER_TRAINING, Capability.SAGEMAKER_HOSTING, Capability.CLOUDWATCH_METRICS);
    }

    @Test
    void theNamesAreTheOnesTheGuideUsesInItsOrder() {
        assertThat(lab.names(RunNames.of("abc123"))).containsExactly(
                Map.entry("BUCKET", "lab-abc123-canary"), Map.entry("ROLE", "lab-abc123-sagemaker-role"),
                Map.entry("CHAMPION_JOB", "lab-abc123-churn-v1"), Map.entry("CHALLENGER_JOB", "lab-abc123-churn-v2"),
                Map.entry("GROUP", "lab-abc123-churn-models"), Map.entry("CHAMPION_MODEL", "lab-abc123-churn-v1"),
                Map.entry("CHALLENGER_MODEL", "lab-abc123-churn-v2"), Map.entry("ENDPOINT_CONFIG", "lab-abc123-churn-canary"),
                Map.entry("ENDPOINT_NAME", "lab-abc123-churn"));
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
            var sageMaker = emulator.clients().sageMaker();
            assertThat(sageMaker.listEndpoints(l -> l.nameContains(result.runId())).endpoints()).as("endpoints left").isEmpty();
            assertThat(sageMaker.listEndpointConfigs(l -> l.nameContains(result.runId())).endpointConfigs())
                    .as("endpoint configurations left").isEmpty();
            assertThat(sageMaker.listModels(l -> l.nameContains(result.runId())).models()).as("models left").isEmpty();
            assertThat(sageMaker.listModelPackageGroups(l -> l.nameContains(result.runId())).modelPackageGroupSummaryList())
                    .as("model package groups left").isEmpty();
            assertThat(emulator.clients().s3().listBuckets().buckets()).as("buckets left").isEmpty();
        }
    }
}

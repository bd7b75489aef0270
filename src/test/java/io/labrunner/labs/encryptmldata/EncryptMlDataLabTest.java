package io.labrunner.labs.encryptmldata;

import static org.assertj.core.api.Assertions.assertThat;

import io.labrunner.core.Capability;
import io.labrunner.core.RunNames;
import io.labrunner.core.StateDirectory;
import io.labrunner.core.report.CheckOutcome;
import io.labrunner.core.report.LabResult;
import io.labrunner.core.report.Outcome;
import io.labrunner.core.report.RunListener;
import io.labrunner.core.report.StepResult;
import io.labrunner.labs.sagemakerxgboost.LabSelfTests;
import io.labrunner.testing.EmbeddedEmulator;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.kms.model.KeyState;

/** The lab's self-test on the embedded emulator, with what went wrong spelled out when it fails. */
class EncryptMlDataLabTest {
    private final EncryptMlDataLab lab = new EncryptMlDataLab();

    @TempDir
    Path home;

    @Test
    void needsKmsSecretsManagerAndAnS3ThatEnforcesBucketPolicies() {
        assertThat(lab.info().capabilities()).containsExactlyInAnyOrder(Capability.S3, Capability.STS,
                Capability.KMS, Capability.SECRETS_MANAGER, Capability.S3_ENCRYPTION, Capability.S3_BUCKET_POLICIES,
                Capability.TLS);
    }

    @Test
    void theNamesAreTheOnesTheGuideUsesInItsOrder() {
        assertThat(lab.names(RunNames.of("abc123"))).containsExactly(
                Map.entry("BUCKET", "lab-abc123-training-data"), Map.entry("KEY_ALIAS", "alias/lab-abc123-training-data"),
                Map.entry("SECRET", "lab-abc123-feature-db"));
    }

    @Test
    void everyCheckFailsBeforeTheSolutionAndPassesAfterItAndNothingIsLeft() {
        try (EmbeddedEmulator emulator = new EmbeddedEmulator()) {
            long start = System.nanoTime();
            LabResult result = emulator.runner(new StateDirectory(home), new RunListener() {
                @Override
                public void stepFinished(StepResult step) {
                    System.out.printf("%6d ms  %s%n", step.duration().toMillis(), step.name());
                    step.notes().forEach(note -> System.out.println("           " + note));
                }

                @Override
                public void checkFinished(CheckOutcome check) {
                    System.out.println((check.passed() ? "  ✔ " : "  ✘ ") + check.name() + ": " + check.detail());
                }
            }).selfTest(lab);
            System.out.printf("%s self-test: %.1f s%n", lab.info().id(), (System.nanoTime() - start) / 1e9);
            assertThat(result.outcome()).as(LabSelfTests.explain(result)).isEqualTo(Outcome.PASSED);
            assertThat(result.checks().stream().filter(c -> c.ok()).count())
                    .as("checks that behaved (failed before, passed after)").isEqualTo(2L * lab.checks().size());
            assertThat(emulator.clients().s3().listBuckets().buckets()).as("buckets left").isEmpty();
            assertThat(emulator.clients().secretsManager().listSecrets(l -> l.includePlannedDeletion(true))
                    .secretList()).as("secrets left, even scheduled for deletion").isEmpty();
            var kms = emulator.clients().kms();
            assertThat(kms.listAliases().aliases()).as("aliases left")
                    .noneMatch(a -> a.aliasName().contains(result.runId()));
            assertThat(kms.listKeys().keys()).as("keys not scheduled for deletion")
                    .allMatch(k -> kms.describeKey(d -> d.keyId(k.keyId())).keyMetadata().keyState()
                            == KeyState.PENDING_DELETION || kms.describeKey(d -> d.keyId(k.keyId())).keyMetadata()
                            .keyManagerAsString().equals("AWS"));
        }
    }
}

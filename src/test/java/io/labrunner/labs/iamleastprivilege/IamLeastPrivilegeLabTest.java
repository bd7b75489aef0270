package io.labrunner.labs.iamleastprivilege;

import static org.assertj.core.api.Assertions.assertThat;

import io.labrunner.core.Capability;
import io.labrunner.core.StateDirectory;
import io.labrunner.core.report.CheckOutcome;
import io.labrunner.core.report.LabResult;
import io.labrunner.core.report.Outcome;
import io.labrunner.labs.sagemakerxgboost.LabSelfTests;
import io.labrunner.testing.EmbeddedEmulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lab's self-test on the embedded emulator, and its guide's shape. */
class IamLeastPrivilegeLabTest {
    private final IamLeastPrivilegeLab lab = new IamLeastPrivilegeLab();

    @TempDir
    Path home;

    @Test
    void needsS3IamAndSageMakerTrainingAndOnlyTheLastCheckNeedsEnforcement() {
        assertThat(lab.info().capabilities()).containsExactlyInAnyOrder(Capability.S3, Capability.IAM,
                Capability.SAGEMAKER_TRAINING);
        assertThat(lab.checks()).extracting(c -> c.needs().contains(Capability.IAM_ENFORCEMENT))
                .containsExactly(false, false, true);
    }

    @Test
    void everyCheckFailsBeforeTheSolutionAndPassesAfterItAndNothingIsLeft() {
        try (EmbeddedEmulator emulator = new EmbeddedEmulator()) {
            long start = System.nanoTime();
            LabResult result = emulator.runner(new StateDirectory(home)).selfTest(lab);
            System.out.printf("%s self-test: %.1f s%n", lab.info().id(), (System.nanoTime() - start) / 1e9);
            assertThat(result.outcome()).as(LabSelfTests.explain(result)).isEqualTo(Outcome.PASSED);
            List<CheckOutcome> judged = result.checks().stream().filter(c -> !c.wasSkipped()).toList();
            assertThat(judged).as("checks judged before and after the solution").hasSize(4);
            assertThat(judged).allMatch(CheckOutcome::ok);
            assertThat(result.checks()).filteredOn(CheckOutcome::wasSkipped).extracting(CheckOutcome::skipped)
                    .as("the enforced training, skipped with the reason").containsOnly(
                            "needs IAM_ENFORCEMENT, which target embedded does not emulate");
            CheckOutcome before = judged.stream().filter(c -> !c.expectedPass()).findFirst().orElseThrow();
            assertThat(before.detail()).contains("by AdministratorAccess");
            assertThat(emulator.clients().s3().listBuckets().buckets()).as("buckets left").isEmpty();
            assertThat(emulator.clients().iam().listRoles().roles()).as("roles left").isEmpty();
        }
    }

    @Test
    void theGuideFitsEightyColumns() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("labs", lab.info().id(), "README.md"));
        assertThat(lines.stream().filter(l -> l.length() > 80).toList()).as("lines over 80 columns").isEmpty();
    }
}

package io.labrunner.labs.iamleastprivilege;

import static org.assertj.core.api.Assertions.assertThat;

import io.labrunner.core.AwsClients;
import io.labrunner.core.Capability;
import io.labrunner.core.Check;
import io.labrunner.core.Lab;
import io.labrunner.core.LabContext;
import io.labrunner.core.LabInfo;
import io.labrunner.core.LabRunner;
import io.labrunner.core.StateDirectory;
import io.labrunner.core.report.CheckOutcome;
import io.labrunner.core.report.LabResult;
import io.labrunner.core.report.RunListener;
import io.labrunner.emulator.Emulator;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * The last check, on an emulator that enforces IAM: it trains as the role as it is now, and refuses to
 * prove a role that is not cut down yet.
 */
class EnforcedTrainingTest {
    private static final String CHECK = "A training job run as the role";
    private static Emulator emulator;
    private static AwsClients clients;

    @TempDir
    Path home;

    @BeforeAll
    static void startEnforcingEmulator() {
        emulator = Emulator.builder().port(0).enforceIam(true).build().start();
        clients = new AwsClients(Optional.of(emulator.getEndpoint()), Region.of(emulator.getRegion()),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")));
    }

    @AfterAll
    static void stopEmulator() {
        clients.close();
        emulator.close();
    }

    @Test
    void theReferenceRoleTrainsAJobThatCompletes() {
        CheckOutcome trained = outcome(run(new Solved(false)));

        assertThat(trained.passed()).as(trained.detail() + " " + trained.hints()).isTrue();
        assertThat(trained.detail()).contains("-churn-train-check-").contains("completed as lab-")
                .contains("/models/").endsWith("/output/model.tar.gz");
    }

    @Test
    void aRoleStillAdministratorIsNotTrainedAndTheHintSaysCutItFirst() {
        CheckOutcome trained = outcome(run(new Solved(null)));

        assertThat(trained.passed()).isFalse();
        assertThat(trained.detail()).startsWith("not run: the role still allows s3:DeleteBucket on arn:aws:s3:::lab-")
                .endsWith("by AdministratorAccess");
        assertThat(trained.hint()).startsWith("Cut the role down first");
    }

    @Test
    void aRoleThatCannotWriteTheModelFailsTheJobAndTheHintNamesPutObject() {
        Assumptions.assumeTrue(trainingActsAsItsRole(), "SageMaker training here does not act as its role yet");

        CheckOutcome trained = outcome(run(new Solved(true)));

        assertThat(trained.passed()).isFalse();
        // SageMaker's reason says where the job was refused, not which action; the simulator's hint says which.
        assertThat(trained.detail()).contains("AccessDenied").contains("/output/model.tar.gz");
        assertThat(trained.hints().get(1)).startsWith("Too narrow").contains("s3:PutObject on arn:aws:s3:::");
    }

    private LabResult run(Lab lab) {
        return new LabRunner("embedded (IAM enforced)", EnumSet.of(Capability.S3, Capability.STS, Capability.IAM,
                Capability.SAGEMAKER_TRAINING, Capability.CLOUDWATCH_METRICS, Capability.IAM_ENFORCEMENT), clients,
                new StateDirectory(home), RunListener.NONE, Clock.systemUTC()).run(lab, false);
    }

    private static CheckOutcome outcome(LabResult result) {
        CheckOutcome check = result.checks().stream().filter(c -> c.name().startsWith(CHECK)).findFirst().orElseThrow();
        assertThat(check.wasSkipped()).as(check.skipped()).isFalse();
        return check;
    }

    /**
     * Whether a training job on this emulator is refused what its role does not allow: a role with no
     * policy at all must fail its job.
     */
    private boolean trainingActsAsItsRole() {
        LabResult result = run(new Solved(null) {
            @Override
            public void solve(LabContext ctx) {
                ctx.iam().detachRolePolicy(d -> d.roleName(IamLeastPrivilegeLab.role(ctx)).policyArn(TrainingRole.ADMIN));
            }
        });
        CheckOutcome nothing = outcome(result);
        return !nothing.passed() && nothing.detail().contains("as $ROLE");
    }

    /**
     * Setup, then: {@code null} leaves AdministratorAccess; {@code false} the reference policy; {@code true}
     * the reference policy without its model upload. Judged by the enforced-training check alone.
     */
    private static class Solved implements Lab {
        private static final IamLeastPrivilegeLab LAB = new IamLeastPrivilegeLab();
        private final Boolean withoutUpload;

        Solved(Boolean withoutUpload) {
            this.withoutUpload = withoutUpload;
        }

        @Override
        public LabInfo info() {
            return LAB.info();
        }

        @Override
        public void setup(LabContext ctx) throws Exception {
            LAB.setup(ctx);
        }

        @Override
        public void solve(LabContext ctx) {
            if (withoutUpload == null) {
                return;
            }
            String role = IamLeastPrivilegeLab.role(ctx);
            String policy = TrainingRole.leastPrivilege(IamLeastPrivilegeLab.bucket(ctx));
            String document = withoutUpload ? policy.replaceAll("\\{\"Sid\": \"WriteModel\"[^}]*},\\s*", "") : policy;
            ctx.iam().putRolePolicy(put -> put.roleName(role).policyName(TrainingRole.POLICY_NAME).policyDocument(document));
            ctx.iam().detachRolePolicy(detach -> detach.roleName(role).policyArn(TrainingRole.ADMIN));
        }

        @Override
        public List<Check> checks() {
            return LAB.checks().subList(2, 3);
        }
    }
}

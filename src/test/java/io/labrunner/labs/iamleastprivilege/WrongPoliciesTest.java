package io.labrunner.labs.iamleastprivilege;

import static org.assertj.core.api.Assertions.assertThat;

import io.labrunner.core.Check;
import io.labrunner.core.Lab;
import io.labrunner.core.LabContext;
import io.labrunner.core.LabInfo;
import io.labrunner.core.StateDirectory;
import io.labrunner.core.report.CheckOutcome;
import io.labrunner.core.report.LabResult;
import io.labrunner.testing.EmbeddedEmulator;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plausible wrong policies fail the check they get wrong, with a first hint that names the action and the
 * resource; a policy that is right in a way text search would miss (a wildcard action) passes.
 */
class WrongPoliciesTest {
    private static final String NEEDS = "What the training job needs";
    private static final String NEVER = "What the job never does";
    private static EmbeddedEmulator emulator;

    @TempDir
    Path home;

    @BeforeAll
    static void startEmulator() {
        emulator = new EmbeddedEmulator();
    }

    @AfterAll
    static void stopEmulator() {
        emulator.close();
    }

    @Test
    void anS3FullAccessRoleFailsTheNeverCheckNamingDeleteBucketAndTheManagedPolicyToDetach() {
        LabResult result = run(new RoleAs(bucket -> TrainingRole.leastPrivilege(bucket),
                List.of("arn:aws:iam::aws:policy/AmazonS3FullAccess")));

        CheckOutcome never = outcome(result, NEVER);
        assertThat(never.passed()).isFalse();
        assertThat(never.detail()).startsWith("s3:DeleteBucket on arn:aws:s3:::lab-").contains("-training is allowed")
                .contains("AmazonS3FullAccess");
        assertThat(never.hint()).startsWith("Too broad").contains("s3:DeleteBucket");
        assertThat(never.hints().get(never.hints().size() - 1))
                .isEqualTo("aws $ENDPOINT iam detach-role-policy --role-name $ROLE --policy-arn"
                        + " arn:aws:iam::aws:policy/AmazonS3FullAccess");
        CheckOutcome needs = outcome(result, NEEDS);
        assertThat(needs.passed()).isFalse();
        assertThat(needs.detail()).contains("-payroll is allowed too, by AmazonS3FullAccess");
    }

    @Test
    void readingTheWholeBucketFailsTheNeedsCheckNamingThePersonalDataNextDoor() {
        LabResult result = run(new RoleAs(bucket -> TrainingRole.leastPrivilege(bucket)
                .replace("/data/train/*\"", "/*\""), List.of()));

        CheckOutcome needs = outcome(result, NEEDS);
        assertThat(needs.passed()).isFalse();
        assertThat(needs.detail()).startsWith("s3:GetObject on arn:aws:s3:::").contains("/pii/customers.csv is allowed too")
                .contains(TrainingRole.POLICY_NAME);
        assertThat(needs.hint()).startsWith("Too broad").contains("only on arn:aws:s3:::").contains("/data/train/*");
        assertThat(needs.hints().get(1)).contains("Narrow the statement's Resource").contains("lines");
        assertThat(outcome(result, NEVER).passed()).as("nothing on the never list is allowed").isTrue();
    }

    @Test
    void aPolicyWithoutTheModelUploadFailsTheNeedsCheckNamingPutObjectOnTheArtifact() {
        // The statement a learner forgets: the job reads, so it only "needs read access".
        LabResult result = run(new RoleAs(bucket -> TrainingRole.leastPrivilege(bucket)
                .replaceAll("\\{\"Sid\": \"WriteModel\"[^}]*},\\s*", ""), List.of()));

        CheckOutcome needs = outcome(result, NEEDS);
        assertThat(needs.passed()).isFalse();
        assertThat(needs.detail()).matches("s3:PutObject on arn:aws:s3:::lab-\\w+-training/models/lab-\\w+-churn-train"
                + "/output/model\\.tar\\.gz is implicitDeny");
        assertThat(needs.hint()).startsWith("Too narrow").contains("uploads the model").contains("s3:PutObject on");
        assertThat(needs.hints().get(1)).contains("\"Action\": \"s3:PutObject\"").contains("/models/*");
        assertThat(needs.hints().get(2)).contains("put-role-policy");
        assertThat(outcome(result, NEVER).passed()).isTrue();
    }

    @Test
    void listBucketOnObjectArnsIsTooNarrowAndTheHintNamesTheBucketArn() {
        LabResult result = run(new RoleAs(bucket -> TrainingRole.leastPrivilege(bucket)
                .replace("\"s3:ListBucket\", \"Resource\": \"arn:aws:s3:::" + bucket + "\"",
                        "\"s3:ListBucket\", \"Resource\": \"arn:aws:s3:::" + bucket + "/*\""), List.of()));

        CheckOutcome needs = outcome(result, NEEDS);
        assertThat(needs.passed()).isFalse();
        assertThat(needs.detail()).startsWith("s3:ListBucket on arn:aws:s3:::").endsWith("(with {s3:prefix=data/train/})");
        assertThat(needs.hints().get(1)).contains("\"Resource\": \"arn:aws:s3:::lab-").doesNotContain("training/*");
    }

    @Test
    void anExplicitDenyOnTheTrainingDataFailsEvenBesideAnAllowAndNamesThePolicy() {
        LabResult result = run(new RoleAs(bucket -> TrainingRole.leastPrivilege(bucket).replace("]}", ",\n"
                + "   {\"Sid\": \"NoData\", \"Effect\": \"Deny\", \"Action\": \"s3:*\","
                + " \"Resource\": \"arn:aws:s3:::" + bucket + "/data/*\"}]}"), List.of()));

        CheckOutcome needs = outcome(result, NEEDS);
        assertThat(needs.passed()).isFalse();
        assertThat(needs.detail()).contains("s3:GetObject").endsWith("is explicitDeny, by " + TrainingRole.POLICY_NAME);
        assertThat(needs.hints().get(1)).contains("explicit Deny wins");
    }

    @Test
    void wildcardActionsScopedToTheirPrefixesPassAsOnAws() {
        LabResult result = run(new RoleAs(bucket -> TrainingRole.leastPrivilege(bucket)
                .replace("\"Action\": \"s3:GetObject\"", "\"Action\": \"s3:Get*\"")
                .replace("\"Action\": \"s3:PutObject\"", "\"Action\": \"s3:Put*\"")
                .replace("\"logs:CreateLogStream\",", "\"logs:Create*\","), List.of()));

        assertThat(outcome(result, NEEDS).passed()).as(outcome(result, NEEDS).detail()).isTrue();
        assertThat(outcome(result, NEVER).passed()).as(outcome(result, NEVER).detail()).isTrue();
    }

    private LabResult run(Lab lab) {
        return emulator.runner(new StateDirectory(home)).run(lab, false);
    }

    private static CheckOutcome outcome(LabResult result, String prefix) {
        return result.checks().stream().filter(c -> c.name().startsWith(prefix)).findFirst().orElseThrow();
    }

    /**
     * Setup, then the role cut down by hand: AdministratorAccess detached, the given inline policy put
     * and the given managed policies attached; judged by the two simulator checks.
     */
    private record RoleAs(UnaryOperator<String> inline, List<String> managed) implements Lab {
        private static final IamLeastPrivilegeLab LAB = new IamLeastPrivilegeLab();

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
            String role = IamLeastPrivilegeLab.role(ctx);
            String document = inline.apply(IamLeastPrivilegeLab.bucket(ctx));
            ctx.iam().putRolePolicy(put -> put.roleName(role).policyName(TrainingRole.POLICY_NAME).policyDocument(document));
            managed.forEach(arn -> ctx.iam().attachRolePolicy(attach -> attach.roleName(role).policyArn(arn)));
            ctx.iam().detachRolePolicy(detach -> detach.roleName(role).policyArn(TrainingRole.ADMIN));
        }

        @Override
        public List<Check> checks() {
            return LAB.checks().subList(0, 2);
        }
    }
}

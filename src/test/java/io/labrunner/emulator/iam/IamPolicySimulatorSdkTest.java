package io.labrunner.emulator.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.labrunner.emulator.Emulator;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.ContextKeyTypeEnum;
import software.amazon.awssdk.services.iam.model.DeleteConflictException;
import software.amazon.awssdk.services.iam.model.EvaluationResult;
import software.amazon.awssdk.services.iam.model.LimitExceededException;
import software.amazon.awssdk.services.iam.model.MalformedPolicyDocumentException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.PolicyEvaluationDecisionType;
import software.amazon.awssdk.services.iam.model.PolicyScopeType;
import software.amazon.awssdk.services.iam.model.PolicySourceType;

/** Managed policies and the policy simulator through the SDK, as lab checks use them. */
class IamPolicySimulatorSdkTest {
    private static final String TRUST = IamServiceTest.GLUE_TRUST;
    private static final String READ_LAKE = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"ReadLake\","
            + "\"Effect\":\"Allow\",\"Action\":\"s3:Get*\",\"Resource\":\"arn:aws:s3:::lake/*\"}]}";
    private static final String DENY_GET = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\","
            + "\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}";
    private static Emulator emulator;
    private static IamClient iam;

    @BeforeAll
    static void start() {
        emulator = Emulator.builder().port(0).build().start();
        iam = IamClient.builder().endpointOverride(emulator.getEndpoint()).region(Region.AWS_GLOBAL)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(emulator.getAccessKey(), emulator.getSecretKey()))).build();
    }

    @AfterAll
    static void stop() {
        iam.close();
        emulator.close();
    }

    private static String role(String name) {
        return iam.createRole(r -> r.roleName(name).assumeRolePolicyDocument(TRUST)).role().arn();
    }

    private static EvaluationResult simulate(String roleArn, String action, String resource) {
        return iam.simulatePrincipalPolicy(s -> s.policySourceArn(roleArn).actionNames(action).resourceArns(resource))
                .evaluationResults().get(0);
    }

    @Test
    void anInlinePolicyWithAWildcardActionAllowsAndNamesTheStatementThatDid() {
        String arn = role("sim-inline");
        iam.putRolePolicy(p -> p.roleName("sim-inline").policyName("read-lake").policyDocument(READ_LAKE));

        EvaluationResult result = simulate(arn, "s3:GetObject", "arn:aws:s3:::lake/raw/a.csv");

        assertThat(result.evalDecision()).isEqualTo(PolicyEvaluationDecisionType.ALLOWED);
        assertThat(result.evalResourceName()).isEqualTo("arn:aws:s3:::lake/raw/a.csv");
        assertThat(result.matchedStatements()).singleElement().satisfies(s -> {
            assertThat(s.sourcePolicyId()).isEqualTo("read-lake");
            assertThat(s.sourcePolicyType()).isEqualTo(PolicySourceType.ROLE);
            assertThat(s.startPosition().line()).isEqualTo(1);
            assertThat(s.startPosition().column()).isEqualTo(READ_LAKE.indexOf("{\"Sid\"") + 2);
            assertThat(s.endPosition().column()).isEqualTo(READ_LAKE.lastIndexOf('}', READ_LAKE.length() - 3) + 2);
        });
        assertThat(result.resourceSpecificResults()).singleElement()
                .satisfies(r -> assertThat(r.evalResourceDecision()).isEqualTo(PolicyEvaluationDecisionType.ALLOWED));
        assertThat(simulate(arn, "s3:GetObject", "arn:aws:s3:::other/a.csv").evalDecision())
                .isEqualTo(PolicyEvaluationDecisionType.IMPLICIT_DENY);
    }

    @Test
    void anAttachedDenyOverridesTheAwsManagedReadOnlyPolicy() {
        String arn = role("sim-deny");
        iam.attachRolePolicy(a -> a.roleName("sim-deny").policyArn("arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"));
        assertThat(simulate(arn, "s3:GetObject", "arn:aws:s3:::lake/a").matchedStatements())
                .singleElement().satisfies(s -> {
                    assertThat(s.sourcePolicyId()).isEqualTo("AmazonS3ReadOnlyAccess");
                    assertThat(s.sourcePolicyType()).isEqualTo(PolicySourceType.AWS_MANAGED);
                });
        String deny = iam.createPolicy(p -> p.policyName("no-get").policyDocument(DENY_GET)).policy().arn();
        iam.attachRolePolicy(a -> a.roleName("sim-deny").policyArn(deny));

        EvaluationResult result = simulate(arn, "s3:GetObject", "arn:aws:s3:::lake/a");

        assertThat(result.evalDecision()).isEqualTo(PolicyEvaluationDecisionType.EXPLICIT_DENY);
        assertThat(result.matchedStatements()).singleElement()
                .satisfies(s -> assertThat(s.sourcePolicyType()).isEqualTo(PolicySourceType.USER_MANAGED));
        assertThat(simulate(arn, "s3:ListBucket", "arn:aws:s3:::lake").evalDecision())
                .isEqualTo(PolicyEvaluationDecisionType.ALLOWED);
    }

    @Test
    void anAwsManagedPolicyWithoutAShippedDocumentAttachesButGrantsNothing() {
        String arn = role("sim-unshipped");
        String sageMaker = "arn:aws:iam::aws:policy/AmazonSageMakerFullAccess";
        iam.attachRolePolicy(a -> a.roleName("sim-unshipped").policyArn(sageMaker));

        assertThat(iam.listAttachedRolePolicies(l -> l.roleName("sim-unshipped")).attachedPolicies())
                .extracting(p -> p.policyArn()).containsExactly(sageMaker);
        assertThat(simulate(arn, "sagemaker:CreateTrainingJob", "*").evalDecision())
                .isEqualTo(PolicyEvaluationDecisionType.IMPLICIT_DENY);
        assertThatThrownBy(() -> iam.attachRolePolicy(a -> a.roleName("sim-unshipped")
                .policyArn("arn:aws:iam::123456789012:policy/never-created")))
                .isInstanceOf(NoSuchEntityException.class);
    }

    @Test
    void severalResourcesAnswerPerResourceUnderAnAggregate() {
        String arn = role("sim-many");
        iam.putRolePolicy(p -> p.roleName("sim-many").policyName("read-lake").policyDocument(READ_LAKE));
        EvaluationResult result = iam.simulatePrincipalPolicy(s -> s.policySourceArn(arn).actionNames("s3:GetObject")
                .resourceArns("arn:aws:s3:::lake/a", "arn:aws:s3:::other/b")).evaluationResults().get(0);
        assertThat(result.evalDecision()).isEqualTo(PolicyEvaluationDecisionType.IMPLICIT_DENY);
        assertThat(result.resourceSpecificResults()).extracting(r -> r.evalResourceDecision())
                .containsExactly(PolicyEvaluationDecisionType.ALLOWED, PolicyEvaluationDecisionType.IMPLICIT_DENY);
    }

    @Test
    void aCustomPolicyIsJudgedWithTheContextEntriesGiven() {
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"dynamodb:*\","
                + "\"Resource\":\"*\",\"Condition\":{\"DateGreaterThan\":{\"aws:CurrentTime\":\"2018-08-16T12:00:00Z\"}}}}";
        EvaluationResult later = iam.simulateCustomPolicy(s -> s.policyInputList(policy).actionNames("dynamodb:CreateBackup")
                .contextEntries(c -> c.contextKeyName("aws:CurrentTime").contextKeyValues("2019-04-25T11:00:00Z")
                        .contextKeyType(ContextKeyTypeEnum.DATE))).evaluationResults().get(0);
        assertThat(later.evalDecision()).isEqualTo(PolicyEvaluationDecisionType.ALLOWED);
        assertThat(later.evalResourceName()).isEqualTo("*");
        assertThat(later.matchedStatements()).singleElement().satisfies(s -> {
            assertThat(s.sourcePolicyId()).isEqualTo("PolicyInputList.1");
            assertThat(s.startPosition().column()).isEqualTo(38);
            assertThat(s.endPosition().column()).isEqualTo(167);
        });
        EvaluationResult missing = iam.simulateCustomPolicy(s -> s.policyInputList(policy)
                .actionNames("dynamodb:CreateBackup")).evaluationResults().get(0);
        assertThat(missing.evalDecision()).isEqualTo(PolicyEvaluationDecisionType.IMPLICIT_DENY);
        assertThat(missing.missingContextValues()).containsExactly("aws:CurrentTime");
    }

    @Test
    void aStarCannotShareTheResourceListWithArns() {
        assertThatThrownBy(() -> iam.simulateCustomPolicy(s -> s.policyInputList(READ_LAKE).actionNames("s3:GetObject")
                .resourceArns("*", "arn:aws:s3:::lake/a")))
                .hasMessageContaining("you cannot include both * and individual resources");
    }

    @Test
    void managedPolicyVersionsAreLimitedToFiveAndTheDefaultCannotBeDeleted() {
        String arn = iam.createPolicy(p -> p.policyName("versions").policyDocument(READ_LAKE).description("d"))
                .policy().arn();
        assertThat(arn).isEqualTo("arn:aws:iam::000000000000:policy/versions");
        for (int i = 2; i <= 5; i++) {
            assertThat(iam.createPolicyVersion(v -> v.policyArn(arn).policyDocument(DENY_GET)).policyVersion().versionId())
                    .isEqualTo("v" + i);
        }
        assertThatThrownBy(() -> iam.createPolicyVersion(v -> v.policyArn(arn).policyDocument(DENY_GET)))
                .isInstanceOf(LimitExceededException.class).hasMessageContaining("up to 5 versions");
        assertThatThrownBy(() -> iam.deletePolicyVersion(v -> v.policyArn(arn).versionId("v1")))
                .isInstanceOf(DeleteConflictException.class);
        iam.setDefaultPolicyVersion(v -> v.policyArn(arn).versionId("v3"));
        iam.deletePolicyVersion(v -> v.policyArn(arn).versionId("v1"));
        assertThat(iam.getPolicy(g -> g.policyArn(arn)).policy().defaultVersionId()).isEqualTo("v3");
        assertThat(iam.createPolicyVersion(v -> v.policyArn(arn).policyDocument(READ_LAKE).setAsDefault(true))
                .policyVersion().versionId()).isEqualTo("v6");
        assertThat(iam.listPolicyVersions(l -> l.policyArn(arn)).versions()).hasSize(5);
        assertThatThrownBy(() -> iam.deletePolicy(d -> d.policyArn(arn))).isInstanceOf(DeleteConflictException.class);
        for (String v : List.of("v2", "v3", "v4", "v5")) {
            iam.deletePolicyVersion(d -> d.policyArn(arn).versionId(v));
        }
        iam.deletePolicy(d -> d.policyArn(arn));
        assertThatThrownBy(() -> iam.getPolicy(g -> g.policyArn(arn))).isInstanceOf(NoSuchEntityException.class)
                .hasMessageContaining("Policy " + arn + " was not found.");
    }

    @Test
    void anAttachedPolicyCannotBeDeleted() {
        role("sim-attached");
        String arn = iam.createPolicy(p -> p.policyName("attached").policyDocument(READ_LAKE)).policy().arn();
        iam.attachRolePolicy(a -> a.roleName("sim-attached").policyArn(arn));
        assertThat(iam.getPolicy(g -> g.policyArn(arn)).policy().attachmentCount()).isEqualTo(1);
        assertThatThrownBy(() -> iam.deletePolicy(d -> d.policyArn(arn))).isInstanceOf(DeleteConflictException.class)
                .hasMessageContaining("attached to entities");
    }

    @Test
    void awsManagedPoliciesAreListedWithTheirPublishedDocuments() {
        assertThat(iam.listPolicies(l -> l.scope(PolicyScopeType.AWS)).policies()).extracting(p -> p.policyName())
                .contains("AmazonS3ReadOnlyAccess", "AWSGlueServiceRole", "AdministratorAccess", "AmazonS3FullAccess");
        String arn = "arn:aws:iam::aws:policy/service-role/AWSGlueServiceRole";
        assertThat(iam.getPolicy(g -> g.policyArn(arn)).policy().defaultVersionId()).isEqualTo("v5");
        String document = URLDecoder.decode(iam.getPolicyVersion(g -> g.policyArn(arn).versionId("v5"))
                .policyVersion().document(), StandardCharsets.UTF_8);
        assertThat(document).contains("\"glue:*\"").contains("arn:aws:s3:::*/*aws-glue-*/*");
        assertThatThrownBy(() -> iam.getPolicyVersion(g -> g.policyArn(arn).versionId("v1")))
                .isInstanceOf(NoSuchEntityException.class);
        assertThatThrownBy(() -> iam.attachRolePolicy(a -> a.roleName("x").policyArn("arn:aws:iam::aws:policy/NoSuchPolicy")))
                .isInstanceOf(NoSuchEntityException.class);
    }

    @Test
    void aMalformedPolicyIsRefusedNamingTheProblem() {
        assertThatThrownBy(() -> iam.createPolicy(p -> p.policyName("bad").policyDocument(
                "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\","
                        + "\"Resource\":\"my-bucket/*\"}}")))
                .isInstanceOf(MalformedPolicyDocumentException.class)
                .hasMessageContaining("Resource my-bucket/* must be in ARN format or \"*\".");
        assertThat(iam.listPolicies(l -> l.scope(PolicyScopeType.LOCAL)).policies()).extracting(p -> p.policyName())
                .doesNotContain("bad");
    }
}

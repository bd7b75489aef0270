package io.labrunner.emulator.sagemaker.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.labrunner.emulator.Emulator;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.CreateModelPackageRequest;
import software.amazon.awssdk.services.sagemaker.model.DescribeModelPackageResponse;
import software.amazon.awssdk.services.sagemaker.model.ModelApprovalStatus;
import software.amazon.awssdk.services.sagemaker.model.ModelPackageGroupSummary;
import software.amazon.awssdk.services.sagemaker.model.ModelPackageStatus;
import software.amazon.awssdk.services.sagemaker.model.ModelPackageSummary;
import software.amazon.awssdk.services.sagemaker.model.ModelPackageType;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;
import software.amazon.awssdk.services.sagemaker.model.SortOrder;

/** The Model Registry through the SDK v2 client: groups, versions, approval, listing and refusals. */
class ModelRegistryTest {
    private static final String IMAGE = "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1";
    private static final String ARTIFACT = "s3://data/churn/output/model.tar.gz";

    private final Emulator emulator = Emulator.builder().port(0).build().start();
    private final SageMakerClient sagemaker = client(emulator);

    private static SageMakerClient client(Emulator emulator) {
        return SageMakerClient.builder().endpointOverride(emulator.getEndpoint())
                .region(Region.of(emulator.getRegion())).credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(emulator.getAccessKey(), emulator.getSecretKey()))).build();
    }

    private static String register(SageMakerClient client, String group) {
        return client.createModelPackage(r -> r.modelPackageGroupName(group).inferenceSpecification(s -> s
                .containers(c -> c.image(IMAGE).modelDataUrl(ARTIFACT))
                .supportedContentTypes("text/csv").supportedResponseMIMETypes("text/csv"))).modelPackageArn();
    }

    @AfterEach
    void close() {
        sagemaker.close();
        emulator.close();
    }

    private String register(String group, Consumer<CreateModelPackageRequest.Builder> changes) {
        CreateModelPackageRequest.Builder request = CreateModelPackageRequest.builder().modelPackageGroupName(group)
                .inferenceSpecification(s -> s.containers(c -> c.image(IMAGE).modelDataUrl(ARTIFACT))
                        .supportedContentTypes("text/csv").supportedResponseMIMETypes("text/csv")
                        .supportedRealtimeInferenceInstanceTypesWithStrings("ml.m5.large")
                        .supportedTransformInstanceTypesWithStrings("ml.m5.large"));
        changes.accept(request);
        return sagemaker.createModelPackage(request.build()).modelPackageArn();
    }

    private static void assertRefused(Runnable call, String code, String message) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(SageMakerException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
            assertThat(e.awsErrorDetails().errorMessage()).contains(message);
        });
    }

    @Test
    void versionsAreNumberedInTheirGroupAndDescribedAsRegistered() {
        String groupArn = sagemaker.createModelPackageGroup(r -> r.modelPackageGroupName("Churn")
                .modelPackageGroupDescription("churn models").tags(t -> t.key("lab:run-id").value("r1")))
                .modelPackageGroupArn();
        assertThat(groupArn).isEqualTo("arn:aws:sagemaker:us-east-1:000000000000:model-package-group/churn");

        String first = register("Churn", r -> r.modelPackageDescription("first")
                .customerMetadataProperties(Map.of("recipe", "xgboost"))
                .modelMetrics(m -> m.modelQuality(q -> q.statistics(s -> s.contentType("application/json")
                        .s3Uri("s3://data/eval/evaluation.json")))));
        String second = register(groupArn, r -> { });

        assertThat(first).isEqualTo("arn:aws:sagemaker:us-east-1:000000000000:model-package/churn/1");
        assertThat(second).isEqualTo("arn:aws:sagemaker:us-east-1:000000000000:model-package/churn/2");
        DescribeModelPackageResponse described = sagemaker.describeModelPackage(r -> r.modelPackageName(first));
        assertThat(described.modelPackageName()).isEqualTo("Churn");
        assertThat(described.modelPackageGroupName()).isEqualTo("Churn");
        assertThat(described.modelPackageVersion()).isEqualTo(1);
        assertThat(described.modelPackageDescription()).isEqualTo("first");
        assertThat(described.modelApprovalStatus()).isEqualTo(ModelApprovalStatus.PENDING_MANUAL_APPROVAL);
        assertThat(described.modelPackageStatus()).isIn(ModelPackageStatus.PENDING, ModelPackageStatus.IN_PROGRESS);
        assertThat(described.inferenceSpecification().containers().get(0).image()).isEqualTo(IMAGE);
        assertThat(described.inferenceSpecification().containers().get(0).modelDataUrl()).isEqualTo(ARTIFACT);
        assertThat(described.inferenceSpecification().supportedContentTypes()).containsExactly("text/csv");
        assertThat(described.inferenceSpecification().supportedRealtimeInferenceInstanceTypesAsStrings())
                .containsExactly("ml.m5.large");
        assertThat(described.modelMetrics().modelQuality().statistics().s3Uri())
                .isEqualTo("s3://data/eval/evaluation.json");
        assertThat(described.customerMetadataProperties()).containsEntry("recipe", "xgboost");
        // The same version by group/version and by ARN.
        assertThat(sagemaker.describeModelPackage(r -> r.modelPackageName("churn/2")).modelPackageArn())
                .isEqualTo(second);
        assertThat(sagemaker.describeModelPackageGroup(r -> r.modelPackageGroupName("churn"))
                .modelPackageGroupDescription()).isEqualTo("churn models");
        assertThat(sagemaker.listTags(r -> r.resourceArn(groupArn)).tags()).hasSize(1);
    }

    @Test
    void aVersionGoesFromPendingToCompletedOnItsOwn() throws InterruptedException {
        sagemaker.createModelPackageGroup(r -> r.modelPackageGroupName("g"));
        String arn = register("g", r -> { });
        ModelPackageStatus status = null;
        for (int i = 0; i < 100 && status != ModelPackageStatus.COMPLETED; i++) {
            status = sagemaker.describeModelPackage(r -> r.modelPackageName(arn)).modelPackageStatus();
            Thread.sleep(50);
        }
        assertThat(status).isEqualTo(ModelPackageStatus.COMPLETED);
    }

    @Test
    void approvalMovesAVersionToApprovedOrRejectedWithItsDescription() {
        sagemaker.createModelPackageGroup(r -> r.modelPackageGroupName("churn"));
        String arn = register("churn", r -> r.customerMetadataProperties(Map.of("a", "1", "b", "2")));

        sagemaker.updateModelPackage(r -> r.modelPackageArn(arn).modelApprovalStatus(ModelApprovalStatus.APPROVED)
                .approvalDescription("AUC 0.91 beats 0.88").customerMetadataProperties(Map.of("c", "3"))
                .customerMetadataPropertiesToRemove("a"));
        DescribeModelPackageResponse approved = sagemaker.describeModelPackage(r -> r.modelPackageName(arn));
        assertThat(approved.modelApprovalStatus()).isEqualTo(ModelApprovalStatus.APPROVED);
        assertThat(approved.approvalDescription()).isEqualTo("AUC 0.91 beats 0.88");
        assertThat(approved.customerMetadataProperties()).containsOnlyKeys("b", "c");
        assertThat(approved.lastModifiedTime()).isAfterOrEqualTo(approved.creationTime());

        sagemaker.updateModelPackage(r -> r.modelPackageArn(arn).modelApprovalStatus(ModelApprovalStatus.REJECTED));
        assertThat(sagemaker.describeModelPackage(r -> r.modelPackageName(arn)).modelApprovalStatus())
                .isEqualTo(ModelApprovalStatus.REJECTED);
        assertRefused(() -> sagemaker.updateModelPackage(r -> r.modelPackageArn(arn).modelApprovalStatus("Maybe")),
                "ValidationException", "Value 'Maybe' at 'modelApprovalStatus' failed to satisfy constraint");
    }

    @Test
    void listModelPackagesFiltersByGroupAndApprovalAndPagesNewestFirst() {
        sagemaker.createModelPackageGroup(r -> r.modelPackageGroupName("churn"));
        sagemaker.createModelPackageGroup(r -> r.modelPackageGroupName("fraud"));
        for (int i = 0; i < 3; i++) {
            register("churn", r -> { });
        }
        register("churn", r -> r.modelApprovalStatus(ModelApprovalStatus.APPROVED));
        register("fraud", r -> { });

        var page = sagemaker.listModelPackages(r -> r.modelPackageGroupName("churn").maxResults(3));
        assertThat(page.modelPackageSummaryList()).extracting(ModelPackageSummary::modelPackageVersion)
                .containsExactly(4, 3, 2);
        var rest = sagemaker.listModelPackages(r -> r.modelPackageGroupName("churn").nextToken(page.nextToken()));
        assertThat(rest.modelPackageSummaryList()).extracting(ModelPackageSummary::modelPackageVersion)
                .containsExactly(1);
        assertThat(rest.nextToken()).isNull();
        assertThat(sagemaker.listModelPackages(r -> r.modelPackageGroupName("churn").sortOrder(SortOrder.ASCENDING)
                .modelApprovalStatus(ModelApprovalStatus.PENDING_MANUAL_APPROVAL)).modelPackageSummaryList())
                .extracting(ModelPackageSummary::modelPackageVersion).containsExactly(1, 2, 3);
        assertThat(sagemaker.listModelPackages(r -> r.modelPackageGroupName("churn")
                .modelApprovalStatus(ModelApprovalStatus.APPROVED)).modelPackageSummaryList())
                .singleElement().satisfies(p -> {
                    assertThat(p.modelPackageArn()).endsWith("model-package/churn/4");
                    assertThat(p.modelPackageGroupName()).isEqualTo("churn");
                });
        // Without a group, only unversioned packages unless asked for versioned ones.
        assertThat(sagemaker.listModelPackages(r -> { }).modelPackageSummaryList()).isEmpty();
        assertThat(sagemaker.listModelPackages(r -> r.modelPackageType(ModelPackageType.VERSIONED).maxResults(100))
                .modelPackageSummaryList()).hasSize(5);
        assertThat(sagemaker.listModelPackageGroups(r -> r.nameContains("FR")).modelPackageGroupSummaryList())
                .extracting(ModelPackageGroupSummary::modelPackageGroupName).containsExactly("fraud");
        assertRefused(() -> sagemaker.listModelPackages(r -> r.nextToken("not-ours")), "ValidationException",
                "Invalid pagination token");
    }

    @Test
    void aGroupIsDeletedOnlyOnceItsVersionsAreGone() {
        String groupArn = sagemaker.createModelPackageGroup(r -> r.modelPackageGroupName("churn"))
                .modelPackageGroupArn();
        String version = register("churn", r -> r.tags(t -> t.key("k").value("v")));

        assertRefused(() -> sagemaker.deleteModelPackageGroup(r -> r.modelPackageGroupName("churn")),
                "ConflictException", groupArn);
        sagemaker.deleteModelPackage(r -> r.modelPackageName(version));
        assertThat(sagemaker.listTags(r -> r.resourceArn(version)).tags()).isEmpty();
        sagemaker.deleteModelPackageGroup(r -> r.modelPackageGroupName(groupArn));

        assertThat(sagemaker.listModelPackageGroups(r -> { }).modelPackageGroupSummaryList()).isEmpty();
        assertRefused(() -> sagemaker.describeModelPackageGroup(r -> r.modelPackageGroupName("churn")),
                "ValidationException", "ModelPackageGroup " + groupArn + " does not exist.");
        assertRefused(() -> sagemaker.describeModelPackage(r -> r.modelPackageName(version)),
                "ValidationException", "ModelPackage " + version + " does not exist.");
    }

    @Test
    void badRegistrationsAreRefusedAndKeepNothing() {
        sagemaker.createModelPackageGroup(r -> r.modelPackageGroupName("churn"));
        assertRefused(() -> sagemaker.createModelPackageGroup(r -> r.modelPackageGroupName("CHURN")),
                "ValidationException", "Model Package Group already exists");
        assertRefused(() -> register("nope", r -> { }), "ValidationException",
                "model-package-group/nope does not exist.");
        assertRefused(() -> register("churn", r -> r.modelPackageName("also")), "ValidationException",
                "Both ModelPackageName and ModelPackageGroupName are provided");
        assertRefused(() -> sagemaker.createModelPackage(r -> r.modelPackageDescription("x")),
                "ValidationException", "Missing ARN.");
        assertRefused(() -> register("churn", r -> r.inferenceSpecification(s -> s.containers(c -> c
                .modelDataUrl(ARTIFACT)).supportedContentTypes("text/csv").supportedResponseMIMETypes("text/csv"))),
                "ValidationException", "Image is required");
        assertRefused(() -> sagemaker.createModelPackageGroup(r -> r.modelPackageGroupName("bad_name")),
                "ValidationException", "Value 'bad_name' at 'modelPackageGroupName' failed to satisfy constraint");

        assertThat(sagemaker.listModelPackages(r -> r.modelPackageGroupName("churn")).modelPackageSummaryList())
                .isEmpty();
        assertThat(sagemaker.listModelPackageGroups(r -> { }).modelPackageGroupSummaryList()).hasSize(1);
    }

    @Test
    void groupsVersionsAndApprovalsOutliveARestart(@TempDir Path dataDir) {
        try (Emulator first = Emulator.builder().port(0).dataDir(dataDir).build().start();
                SageMakerClient client = client(first)) {
            client.createModelPackageGroup(r -> r.modelPackageGroupName("churn"));
            CreateModelPackageRequest request = CreateModelPackageRequest.builder().modelPackageGroupName("churn")
                    .inferenceSpecification(s -> s.containers(c -> c.image(IMAGE).modelDataUrl(ARTIFACT))
                            .supportedContentTypes("text/csv").supportedResponseMIMETypes("text/csv")).build();
            String arn = client.createModelPackage(request).modelPackageArn();
            client.updateModelPackage(r -> r.modelPackageArn(arn).modelApprovalStatus(ModelApprovalStatus.APPROVED));
        }
        try (Emulator second = Emulator.builder().port(0).dataDir(dataDir).build().start();
                SageMakerClient client = client(second)) {
            assertThat(client.describeModelPackage(r -> r.modelPackageName("churn/1")).modelApprovalStatus())
                    .isEqualTo(ModelApprovalStatus.APPROVED);
            // Numbering goes on after the versions already registered.
            assertThat(register(client, "churn")).endsWith("model-package/churn/2");
        }
    }

    @Test
    void anUnversionedPackageHasItsOwnNameAndNoApproval() {
        String arn = sagemaker.createModelPackage(r -> r.modelPackageName("Standalone")
                .inferenceSpecification(s -> s.containers(c -> c.image(IMAGE).modelDataUrl(ARTIFACT))
                        .supportedContentTypes("text/csv").supportedResponseMIMETypes("text/csv")))
                .modelPackageArn();

        assertThat(arn).isEqualTo("arn:aws:sagemaker:us-east-1:000000000000:model-package/standalone");
        DescribeModelPackageResponse described = sagemaker.describeModelPackage(r -> r.modelPackageName("standalone"));
        assertThat(described.modelPackageName()).isEqualTo("Standalone");
        assertThat(described.modelPackageVersion()).isNull();
        assertThat(described.modelApprovalStatus()).isNull();
        assertThat(sagemaker.listModelPackages(r -> { }).modelPackageSummaryList())
                .extracting(ModelPackageSummary::modelPackageArn).isEqualTo(List.of(arn));
        assertRefused(() -> sagemaker.updateModelPackage(r -> r.modelPackageArn(arn)
                .modelApprovalStatus(ModelApprovalStatus.APPROVED)), "ValidationException", "unversioned");
    }
}

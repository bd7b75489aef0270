package io.labrunner.emulator.sagemaker.transform;

import static io.labrunner.emulator.sagemaker.transform.TransformFixture.BUCKET;
import static io.labrunner.emulator.sagemaker.transform.TransformFixture.ROLE;
import static io.labrunner.emulator.sagemaker.transform.TransformFixture.SUM_IMAGE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.services.sagemaker.model.DescribeModelResponse;
import software.amazon.awssdk.services.sagemaker.model.DescribeTransformJobRequest;
import software.amazon.awssdk.services.sagemaker.model.ModelApprovalStatus;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;
import software.amazon.awssdk.services.sagemaker.model.TransformJobStatus;

/** CreateModel from a registered model package, and Batch Transform serving that model. */
class ModelFromPackageTest {
    private static final WaiterOverrideConfiguration FAST = WaiterOverrideConfiguration.builder()
            .backoffStrategy(attempt -> Duration.ofMillis(50)).maxAttempts(400).build();

    private final TransformFixture fixture = new TransformFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    /** Registers version 1 of group {@code churn}: the stand-in algorithm on an artifact predicting 3 × the sum. */
    private String registerVersion() {
        String url = fixture.uploadModel("registered/model.tar.gz", 3);
        fixture.sagemaker.createModelPackageGroup(r -> r.modelPackageGroupName("churn"));
        return fixture.sagemaker.createModelPackage(r -> r.modelPackageGroupName("churn")
                .inferenceSpecification(s -> s.containers(c -> c.image(SUM_IMAGE).modelDataUrl(url)
                                .environment(Map.of("FROM_PACKAGE", "1", "SHARED", "package")))
                        .supportedContentTypes("text/csv").supportedResponseMIMETypes("text/csv")))
                .modelPackageArn();
    }

    private void approve(String arn) {
        fixture.sagemaker.updateModelPackage(r -> r.modelPackageArn(arn)
                .modelApprovalStatus(ModelApprovalStatus.APPROVED));
    }

    @Test
    void anApprovedVersionDeploysAsAModelThatBatchTransformRuns() {
        String arn = registerVersion();
        approve(arn);

        fixture.sagemaker.createModel(r -> r.modelName("m").executionRoleArn(ROLE)
                .primaryContainer(c -> c.modelPackageName(arn).environment(Map.of("SHARED", "model"))));

        DescribeModelResponse model = fixture.sagemaker.describeModel(r -> r.modelName("m"));
        assertThat(model.primaryContainer().modelPackageName()).isEqualTo(arn);
        assertThat(model.primaryContainer().environment()).containsExactly(Map.entry("SHARED", "model"));
        fixture.put("in/a.csv", "1,2,3\n");
        fixture.sagemaker.createTransformJob(r -> r.transformJobName("from-package").modelName("m")
                .transformInput(i -> i.contentType("text/csv").splitType("Line")
                        .dataSource(d -> d.s3DataSource(s -> s.s3DataType("S3Prefix").s3Uri("s3://data/in/"))))
                .transformOutput(o -> o.s3OutputPath("s3://data/out"))
                .transformResources(t -> t.instanceType("ml.m5.large").instanceCount(1)));
        var job = fixture.sagemaker.waiter().waitUntilTransformJobCompletedOrStopped(DescribeTransformJobRequest
                .builder().transformJobName("from-package").build(), FAST).matched().response().orElseThrow();

        assertThat(job.transformJobStatus()).isEqualTo(TransformJobStatus.COMPLETED);
        assertThat(fixture.s3.text(BUCKET, "out/a.csv.out")).isEqualTo("18");
    }

    @Test
    void aVersionNamedByGroupAndVersionDeploysToo() {
        approve(registerVersion());

        fixture.sagemaker.createModel(r -> r.modelName("m").executionRoleArn(ROLE)
                .containers(c -> c.modelPackageName("churn/1")));

        assertThat(fixture.sagemaker.describeModel(r -> r.modelName("m")).containers().get(0).modelPackageName())
                .isEqualTo("churn/1");
    }

    @Test
    void aVersionNotApprovedOrNotRegisteredIsNotDeployed() {
        String arn = registerVersion();

        assertThatThrownBy(() -> fixture.sagemaker.createModel(r -> r.modelName("m").executionRoleArn(ROLE)
                .primaryContainer(c -> c.modelPackageName(arn))))
                .isInstanceOfSatisfying(SageMakerException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
                    assertThat(e.awsErrorDetails().errorMessage()).contains("PendingManualApproval");
                });
        fixture.sagemaker.updateModelPackage(r -> r.modelPackageArn(arn)
                .modelApprovalStatus(ModelApprovalStatus.REJECTED));
        assertThatThrownBy(() -> fixture.sagemaker.createModel(r -> r.modelName("m").executionRoleArn(ROLE)
                .primaryContainer(c -> c.modelPackageName(arn))))
                .isInstanceOfSatisfying(SageMakerException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage()).contains("Rejected"));
        assertThatThrownBy(() -> fixture.sagemaker.createModel(r -> r.modelName("m").executionRoleArn(ROLE)
                .primaryContainer(c -> c.modelPackageName("churn/7"))))
                .isInstanceOfSatisfying(SageMakerException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("ModelPackage arn:aws:sagemaker:us-east-1:000000000000:model-package/churn/7 "
                                + "does not exist."));

        assertThat(fixture.sagemaker.listModels(r -> { }).models()).isEmpty();
    }

    @Test
    void aPackageWhoseArtifactIsGoneIsRefusedLikeAnyModelData() {
        String arn = registerVersion();
        approve(arn);
        fixture.s3Client.deleteObject(r -> r.bucket(BUCKET).key("registered/model.tar.gz"));

        assertThatThrownBy(() -> fixture.sagemaker.createModel(r -> r.modelName("m").executionRoleArn(ROLE)
                .primaryContainer(c -> c.modelPackageName(arn))))
                .isInstanceOfSatisfying(SageMakerException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("Could not find model data at s3://data/registered/model.tar.gz."));
    }
}

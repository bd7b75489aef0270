package io.labrunner.emulator.sagemaker;

import static io.labrunner.emulator.sagemaker.TrainingJobTest.job;
import static org.assertj.core.api.Assertions.assertThat;

import io.labrunner.emulator.Emulator;
import io.labrunner.emulator.sagemaker.training.TrainingTimings;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.DescribeTrainingJobResponse;
import software.amazon.awssdk.services.sagemaker.model.TrainingJobStatus;

/** With IAM enforced, a training job reads its channels and writes its model with its execution role's permissions. */
class TrainingJobActsAsItsRoleTest {
    private static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"sagemaker.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
    private static final String LIST = "{\"Effect\":\"Allow\",\"Action\":\"s3:ListBucket\",\"Resource\":\"arn:aws:s3:::lab\"}";
    private static final String GET = "{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::lab/data/*\"}";
    private static final String PUT = "{\"Effect\":\"Allow\",\"Action\":\"s3:PutObject\",\"Resource\":\"arn:aws:s3:::lab/output/*\"}";

    private Emulator emulator;
    private SageMakerClient sagemaker;
    private S3Client s3;
    private IamClient iam;

    @BeforeEach
    void start() {
        emulator = Emulator.builder().port(0).enforceIam(true).algorithms(new FakeAlgorithm("sagemaker-xgboost"))
                .trainingTimings(new TrainingTimings(Duration.ofMillis(50), Duration.ofMillis(10), Duration.ofMillis(10),
                        Duration.ofMillis(10), 2))
                .build().start();
        sagemaker = TrainingJobTest.sageMaker(emulator);
        s3 = TrainingJobTest.s3(emulator);
        iam = IamClient.builder().endpointOverride(emulator.getEndpoint()).region(Region.AWS_GLOBAL)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(emulator.getAccessKey(), emulator.getSecretKey()))).build();
        s3.createBucket(b -> b.bucket("lab"));
        s3.putObject(p -> p.bucket("lab").key("data/train/a.csv"), RequestBody.fromString("1,2\n3,4\n"));
        iam.createRole(r -> r.roleName("SageMakerRole").assumeRolePolicyDocument(TRUST));
    }

    @AfterEach
    void stop() {
        iam.close();
        sagemaker.close();
        s3.close();
        emulator.close();
    }

    @Test
    void aRoleThatMayListGetAndPutTrainsAndWritesItsModel() {
        DescribeTrainingJobResponse done = train("allowed", LIST + "," + GET + "," + PUT);

        assertThat(done.trainingJobStatus()).isEqualTo(TrainingJobStatus.COMPLETED);
        assertThat(done.modelArtifacts().s3ModelArtifacts()).isEqualTo("s3://lab/output/allowed/output/model.tar.gz");
    }

    @Test
    void aRoleThatMayNotGetTheChannelsObjectsFailsWithSageMakersDataDownloadReason() {
        DescribeTrainingJobResponse done = train("no-get", LIST + "," + PUT);

        assertThat(done.trainingJobStatus()).isEqualTo(TrainingJobStatus.FAILED);
        assertThat(done.failureReason()).isEqualTo("ClientError: Data download failed:Unable to download object "
                + "s3://lab/data/train/a.csv (AccessDenied: Access Denied)");
        assertThat(s3.listObjectsV2(l -> l.bucket("lab").prefix("output/")).contents()).isEmpty();
    }

    @Test
    void aRoleThatMayNotListTheChannelsPrefixFailsBeforeDownloading() {
        DescribeTrainingJobResponse done = train("no-list", GET + "," + PUT);

        assertThat(done.trainingJobStatus()).isEqualTo(TrainingJobStatus.FAILED);
        assertThat(done.failureReason()).isEqualTo("ClientError: Data download failed:Unable to list objects under "
                + "s3://lab/data/train/ (AccessDenied: Access Denied)");
    }

    @Test
    void aRoleThatMayNotPutTheModelFailsTheUploadAndLeavesNothingInS3() {
        DescribeTrainingJobResponse done = train("no-put", LIST + "," + GET);

        assertThat(done.trainingJobStatus()).isEqualTo(TrainingJobStatus.FAILED);
        assertThat(done.failureReason()).isEqualTo("ClientError: Artifact upload failed:Unable to upload object "
                + "s3://lab/output/no-put/output/model.tar.gz (AccessDenied: Access Denied)");
        assertThat(s3.listObjectsV2(l -> l.bucket("lab").prefix("output/")).contents()).isEmpty();
    }

    @Test
    void aChangedPolicyCountsForTheNextJobAtOnce() {
        assertThat(train("before", LIST + "," + PUT).trainingJobStatus()).isEqualTo(TrainingJobStatus.FAILED);

        assertThat(train("after", LIST + "," + GET + "," + PUT).trainingJobStatus())
                .isEqualTo(TrainingJobStatus.COMPLETED);
    }

    private DescribeTrainingJobResponse train(String name, String statements) {
        iam.putRolePolicy(r -> r.roleName("SageMakerRole").policyName("s3")
                .policyDocument("{\"Version\":\"2012-10-17\",\"Statement\":[" + statements + "]}"));
        sagemaker.createTrainingJob(job(name));
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(60);
        while (java.time.Instant.now().isBefore(deadline)) {
            DescribeTrainingJobResponse job = sagemaker.describeTrainingJob(d -> d.trainingJobName(name));
            if (job.trainingJobStatus() != TrainingJobStatus.IN_PROGRESS
                    && job.trainingJobStatus() != TrainingJobStatus.STOPPING) {
                return job;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("Training job " + name + " did not end");
    }
}

package io.labrunner.emulator.sagemaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.labrunner.emulator.Emulator;
import io.labrunner.emulator.sagemaker.training.TrainingTimings;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.internal.waiters.ResponseOrException;
import software.amazon.awssdk.core.retry.backoff.FixedDelayBackoffStrategy;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.waiters.WaiterResponse;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogStream;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.CreateTrainingJobRequest;
import software.amazon.awssdk.services.sagemaker.model.DescribeTrainingJobResponse;
import software.amazon.awssdk.services.sagemaker.model.ResourceInUseException;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;
import software.amazon.awssdk.services.sagemaker.model.SecondaryStatusTransition;
import software.amazon.awssdk.services.sagemaker.model.TrainingJobStatus;
import software.amazon.awssdk.services.sagemaker.waiters.SageMakerWaiter;

/** Training jobs end to end through the SDK against a started emulator, with a fake built-in algorithm. */
class TrainingJobTest {
    static final String XGBOOST = "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1";
    static final String ROLE = "arn:aws:iam::000000000000:role/SageMakerRole";

    private Emulator emulator;
    private SageMakerClient sagemaker;
    private S3Client s3;

    @BeforeEach
    void start() {
        emulator = Emulator.builder().port(0).algorithms(new FakeAlgorithm("sagemaker-xgboost"))
                .trainingTimings(new TrainingTimings(Duration.ofMillis(100), Duration.ofMillis(20), Duration.ofMillis(20),
                        Duration.ofMillis(20), 2))
                .build().start();
        sagemaker = sageMaker(emulator);
        s3 = s3(emulator);
        s3.createBucket(b -> b.bucket("lab"));
        s3.putObject(p -> p.bucket("lab").key("data/train/a.csv"), RequestBody.fromString("1,2\n3,4\n"));
        s3.putObject(p -> p.bucket("lab").key("data/train/b.csv"), RequestBody.fromString("5,6\n"));
    }

    @AfterEach
    void stop() {
        sagemaker.close();
        s3.close();
        emulator.close();
    }

    static SageMakerClient sageMaker(Emulator emulator) {
        return SageMakerClient.builder().endpointOverride(emulator.getEndpoint()).region(Region.of(emulator.getRegion()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        emulator.getAccessKey(), emulator.getSecretKey())))
                .build();
    }

    static S3Client s3(Emulator emulator) {
        return S3Client.builder().endpointOverride(emulator.getEndpoint()).region(Region.of(emulator.getRegion()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        emulator.getAccessKey(), emulator.getSecretKey())))
                .forcePathStyle(true).build();
    }

    static CreateTrainingJobRequest job(String name, Map<String, String> hyperParameters,
            Consumer<CreateTrainingJobRequest.Builder> changes) {
        CreateTrainingJobRequest.Builder builder = CreateTrainingJobRequest.builder()
                .trainingJobName(name)
                .roleArn(ROLE)
                .algorithmSpecification(a -> a.trainingImage(XGBOOST).trainingInputMode("File"))
                .hyperParameters(hyperParameters)
                .inputDataConfig(c -> c.channelName("train").contentType("text/csv")
                        .dataSource(d -> d.s3DataSource(s -> s.s3DataType("S3Prefix").s3Uri("s3://lab/data/train/"))))
                .outputDataConfig(o -> o.s3OutputPath("s3://lab/output"))
                .resourceConfig(r -> r.instanceType("ml.m5.xlarge").instanceCount(1).volumeSizeInGB(10))
                .stoppingCondition(s -> s.maxRuntimeInSeconds(3600));
        changes.accept(builder);
        return builder.build();
    }

    static CreateTrainingJobRequest job(String name) {
        return job(name, Map.of("rounds", "2"), b -> { });
    }

    static DescribeTrainingJobResponse waitForEnd(SageMakerClient sagemaker, String name) {
        try (SageMakerWaiter waiter = SageMakerWaiter.builder().client(sagemaker)
                .overrideConfiguration(o -> o.backoffStrategy(FixedDelayBackoffStrategy.create(Duration.ofMillis(50)))
                        .maxAttempts(400))
                .build()) {
            WaiterResponse<DescribeTrainingJobResponse> response =
                    waiter.waitUntilTrainingJobCompletedOrStopped(r -> r.trainingJobName(name));
            ResponseOrException<DescribeTrainingJobResponse> outcome = response.matched();
            return outcome.response().orElseThrow();
        }
    }

    @Test
    void aJobStartsInProgressAndTheWaiterSeesItComplete() throws IOException {
        String arn = sagemaker.createTrainingJob(job("churn-1")).trainingJobArn();
        assertThat(arn).isEqualTo("arn:aws:sagemaker:us-east-1:000000000000:training-job/churn-1");

        DescribeTrainingJobResponse early = sagemaker.describeTrainingJob(r -> r.trainingJobName("churn-1"));
        assertThat(early.trainingJobStatus()).isEqualTo(TrainingJobStatus.IN_PROGRESS);
        assertThat(early.secondaryStatusAsString()).isEqualTo("Starting");
        assertThat(early.modelArtifacts()).isNull();

        DescribeTrainingJobResponse done = waitForEnd(sagemaker, "churn-1");
        assertThat(done.trainingJobStatus()).isEqualTo(TrainingJobStatus.COMPLETED);
        assertThat(done.secondaryStatusAsString()).isEqualTo("Completed");
        assertThat(done.secondaryStatusTransitions()).extracting(SecondaryStatusTransition::statusAsString)
                .containsExactly("Starting", "Downloading", "Training", "Uploading", "Completed");
        assertThat(done.secondaryStatusTransitions()).extracting(SecondaryStatusTransition::statusMessage)
                .containsExactly("Preparing the instances for training", "Downloading input data",
                        "Training image download completed. Training in progress.",
                        "Uploading generated training model", "Training job completed");
        assertThat(done.secondaryStatusTransitions()).allSatisfy(t -> assertThat(t.endTime()).isNotNull());
        assertThat(done.trainingStartTime()).isAfterOrEqualTo(done.creationTime());
        assertThat(done.trainingEndTime()).isAfter(done.trainingStartTime());
        assertThat(done.trainingTimeInSeconds()).isGreaterThanOrEqualTo(1);
        assertThat(done.billableTimeInSeconds()).isEqualTo(done.trainingTimeInSeconds());
        assertThat(done.finalMetricDataList()).singleElement().satisfies(m -> {
            assertThat(m.metricName()).isEqualTo("train:lines");
            assertThat(m.value()).isEqualTo(3.0f);
        });
        assertThat(done.hyperParameters()).containsEntry("rounds", "2");
        assertThat(done.resourceConfig().instanceTypeAsString()).isEqualTo("ml.m5.xlarge");
        assertThat(done.modelArtifacts().s3ModelArtifacts()).isEqualTo("s3://lab/output/churn-1/output/model.tar.gz");

        byte[] artifact = s3.getObjectAsBytes(g -> g.bucket("lab").key("output/churn-1/output/model.tar.gz"))
                .asByteArray();
        Map<String, String> files = untar(artifact);
        assertThat(files).containsOnlyKeys("fake-model", "files.txt");
        assertThat(files.get("fake-model")).isEqualTo("1,2\n3,4\n5,6\n");
        assertThat(files.get("files.txt")).isEqualTo("2");
    }

    @Test
    void theContainersOutputIsReadBackFromCloudWatchLogs() {
        sagemaker.createTrainingJob(job("logged", Map.of("rounds", "2"), b -> { }));
        waitForEnd(sagemaker, "logged");
        try (CloudWatchLogsClient logs = CloudWatchLogsClient.builder().endpointOverride(emulator.getEndpoint())
                .region(Region.of(emulator.getRegion())).credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(emulator.getAccessKey(), emulator.getSecretKey()))).build()) {
            List<LogStream> streams = logs.describeLogStreams(r -> r.logGroupName("/aws/sagemaker/TrainingJobs")
                    .logStreamNamePrefix("logged/")).logStreams();
            assertThat(streams).singleElement().satisfies(s -> assertThat(s.logStreamName())
                    .matches("logged/algo-1-\\d{10}"));
            assertThat(logs.getLogEvents(r -> r.logGroupName("/aws/sagemaker/TrainingJobs")
                    .logStreamName(streams.get(0).logStreamName()).startFromHead(true)).events())
                    .extracting(OutputLogEvent::message)
                    .containsExactly("Arguments: train", "[0]#011train-lines:3", "[1]#011train-lines:3");
        }
    }

    @Test
    void withoutCompressionTheModelsFilesAreWrittenOneByOneUnderOutputModel() {
        sagemaker.createTrainingJob(job("plain", Map.of(), b -> b.outputDataConfig(o -> o.s3OutputPath("s3://lab/out/")
                .compressionType("NONE"))));
        DescribeTrainingJobResponse done = waitForEnd(sagemaker, "plain");
        assertThat(done.modelArtifacts().s3ModelArtifacts()).isEqualTo("s3://lab/out/plain/output/model/");
        assertThat(s3.listObjectsV2(l -> l.bucket("lab").prefix("out/")).contents())
                .extracting(o -> o.key()).containsExactly("out/plain/output/model/fake-model",
                        "out/plain/output/model/files.txt");
        assertThat(s3.getObjectAsBytes(g -> g.bucket("lab").key("out/plain/output/model/fake-model")).asUtf8String())
                .isEqualTo("1,2\n3,4\n5,6\n");
    }

    @Test
    void aSecondJobWithTheSameNameIsRefusedWhateverItsCase() {
        sagemaker.createTrainingJob(job("same-name"));
        assertThatThrownBy(() -> sagemaker.createTrainingJob(job("Same-Name")))
                .isInstanceOf(ResourceInUseException.class)
                .hasMessageStartingWith("Training job names must be unique within an AWS account and region, and a "
                        + "training job with this name already exists "
                        + "(arn:aws:sagemaker:us-east-1:000000000000:training-job/same-name)");
    }

    @Test
    void describingAnUnknownJobIsAValidationErrorAsOnAws() {
        assertThatThrownBy(() -> sagemaker.describeTrainingJob(r -> r.trainingJobName("nope")))
                .isInstanceOf(SageMakerException.class)
                .satisfies(e -> assertThat(((SageMakerException) e).awsErrorDetails().errorCode())
                        .isEqualTo("ValidationException"))
                .hasMessageStartingWith("Requested resource not found.");
    }

    static Map<String, String> untar(byte[] tarGz) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(
                new ByteArrayInputStream(tarGz)))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                files.put(entry.getName(), new String(tar.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }
}

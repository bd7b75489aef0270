package io.labrunner.emulator.sagemaker;

import static io.labrunner.emulator.sagemaker.TrainingJobTest.job;
import static io.labrunner.emulator.sagemaker.TrainingJobTest.waitForEnd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.labrunner.emulator.Emulator;
import io.labrunner.emulator.sagemaker.training.TrainingTimings;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.retry.backoff.FixedDelayBackoffStrategy;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.DescribeTrainingJobResponse;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;
import software.amazon.awssdk.services.sagemaker.model.SecondaryStatusTransition;
import software.amazon.awssdk.services.sagemaker.model.TrainingJobStatus;
import software.amazon.awssdk.services.sagemaker.waiters.SageMakerWaiter;

/** How training jobs end other than by completing: stopped, failed by the algorithm, or on an image that cannot run. */
class TrainingJobOutcomesTest {
    private Emulator emulator;
    private SageMakerClient sagemaker;
    private S3Client s3;

    @BeforeEach
    void start() {
        // One job at a time, so that a second job is seen waiting for its instance.
        emulator = Emulator.builder().port(0).algorithms(new FakeAlgorithm("sagemaker-xgboost"))
                .trainingTimings(new TrainingTimings(Duration.ofMillis(50), Duration.ZERO, Duration.ZERO, Duration.ZERO, 1))
                .build().start();
        sagemaker = TrainingJobTest.sageMaker(emulator);
        s3 = TrainingJobTest.s3(emulator);
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

    private DescribeTrainingJobResponse describe(String name) {
        return sagemaker.describeTrainingJob(r -> r.trainingJobName(name));
    }

    private DescribeTrainingJobResponse awaitState(String name, Predicate<DescribeTrainingJobResponse> state)
            throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(20);
        while (Instant.now().isBefore(deadline)) {
            DescribeTrainingJobResponse job = describe(name);
            if (state.test(job)) {
                return job;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("Job " + name + " never reached the expected state; it is " + describe(name));
    }

    private static boolean training(DescribeTrainingJobResponse job) {
        return "Training".equals(job.secondaryStatusAsString()) && job.secondaryStatusTransitions()
                .get(job.secondaryStatusTransitions().size() - 1).statusMessage().startsWith("Training image download");
    }

    @Test
    void aJobStoppedMidTrainingEndsStoppedAndWritesNoArtifact() throws InterruptedException {
        sagemaker.createTrainingJob(job("long-one", Map.of("rounds", "400", "round_ms", "50"), b -> { }));
        awaitState("long-one", TrainingJobOutcomesTest::training);

        sagemaker.stopTrainingJob(r -> r.trainingJobName("long-one"));
        DescribeTrainingJobResponse stopping = describe("long-one");
        assertThat(stopping.trainingJobStatus()).isIn(TrainingJobStatus.STOPPING, TrainingJobStatus.STOPPED);

        DescribeTrainingJobResponse stopped = waitForEnd(sagemaker, "long-one");
        assertThat(stopped.trainingJobStatus()).isEqualTo(TrainingJobStatus.STOPPED);
        assertThat(stopped.secondaryStatusAsString()).isEqualTo("Stopped");
        assertThat(stopped.secondaryStatusTransitions()).extracting(SecondaryStatusTransition::statusAsString)
                .containsExactly("Starting", "Downloading", "Training", "Stopping", "Stopped");
        assertThat(stopped.failureReason()).isNull();
        assertThat(stopped.modelArtifacts()).isNull();
        assertThat(stopped.trainingEndTime()).isNotNull();
        assertThat(s3.listObjectsV2(l -> l.bucket("lab").prefix("output/")).contents()).isEmpty();

        assertThatThrownBy(() -> sagemaker.stopTrainingJob(r -> r.trainingJobName("long-one")))
                .isInstanceOf(SageMakerException.class)
                .hasMessageStartingWith("The request was rejected because the training job is in status Stopped.");
    }

    @Test
    void aJobWaitsInStartingWhileEveryInstanceSlotIsTaken() throws InterruptedException {
        sagemaker.createTrainingJob(job("first", Map.of("rounds", "400", "round_ms", "50"), b -> { }));
        awaitState("first", TrainingJobOutcomesTest::training);
        sagemaker.createTrainingJob(job("second"));
        Thread.sleep(300);
        DescribeTrainingJobResponse waiting = describe("second");
        assertThat(waiting.secondaryStatusAsString()).isEqualTo("Starting");
        assertThat(waiting.secondaryStatusTransitions()).singleElement()
                .satisfies(t -> assertThat(t.statusMessage()).isEqualTo("Starting the training job"));

        sagemaker.createTrainingJob(job("third"));
        sagemaker.stopTrainingJob(r -> r.trainingJobName("third"));
        DescribeTrainingJobResponse stoppedWhileWaiting = describe("third");
        assertThat(stoppedWhileWaiting.trainingJobStatus()).isEqualTo(TrainingJobStatus.STOPPED);
        assertThat(stoppedWhileWaiting.secondaryStatusTransitions()).extracting(SecondaryStatusTransition::statusAsString)
                .containsExactly("Starting", "Stopping", "Stopped");
        assertThat(stoppedWhileWaiting.trainingStartTime()).isNull();

        sagemaker.stopTrainingJob(r -> r.trainingJobName("first"));
        assertThat(waitForEnd(sagemaker, "second").trainingJobStatus()).isEqualTo(TrainingJobStatus.COMPLETED);
        assertThat(describe("third").trainingJobStatus()).isEqualTo(TrainingJobStatus.STOPPED);
    }

    @Test
    void aJobThatRunsPastMaxRuntimeEndsStoppedAsMaxRuntimeExceeded() {
        sagemaker.createTrainingJob(job("too-long", Map.of("rounds", "400", "round_ms", "50"),
                b -> b.stoppingCondition(s -> s.maxRuntimeInSeconds(1))));
        DescribeTrainingJobResponse ended = waitForEnd(sagemaker, "too-long");
        assertThat(ended.trainingJobStatus()).isEqualTo(TrainingJobStatus.STOPPED);
        assertThat(ended.secondaryStatusAsString()).isEqualTo("MaxRuntimeExceeded");
        assertThat(ended.secondaryStatusTransitions()).extracting(SecondaryStatusTransition::statusAsString)
                .containsExactly("Starting", "Downloading", "Training", "MaxRuntimeExceeded");
        assertThat(ended.modelArtifacts()).isNull();
    }

    @Test
    void anAlgorithmsClientErrorFailsTheJobWithItsReasonAndTheWaiterReportsIt() {
        sagemaker.createTrainingJob(job("bad-params", Map.of("fail", "client"), b -> { }));
        try (SageMakerWaiter waiter = SageMakerWaiter.builder().client(sagemaker)
                .overrideConfiguration(o -> o.backoffStrategy(FixedDelayBackoffStrategy.create(Duration.ofMillis(50)))
                        .maxAttempts(400))
                .build()) {
            assertThatThrownBy(() -> waiter.waitUntilTrainingJobCompletedOrStopped(r -> r.trainingJobName("bad-params")))
                    .isInstanceOf(SdkClientException.class);
        }
        DescribeTrainingJobResponse failed = describe("bad-params");
        assertThat(failed.trainingJobStatus()).isEqualTo(TrainingJobStatus.FAILED);
        assertThat(failed.secondaryStatusAsString()).isEqualTo("Failed");
        assertThat(failed.failureReason()).isEqualTo("ClientError: Hyperparameter 'fail' is set, so training fails.");
        assertThat(failed.modelArtifacts()).isNull();
        assertThat(s3.listObjectsV2(l -> l.bucket("lab").prefix("output/")).contents()).isEmpty();
    }

    @Test
    void anImageTheEmulatorCannotRunFailsTheJobSayingWhatRuns() throws InterruptedException {
        String image = "123456789012.dkr.ecr.us-east-1.amazonaws.com/my-own-trainer:latest";
        sagemaker.createTrainingJob(job("own-image", Map.of(), b -> b.algorithmSpecification(
                a -> a.trainingImage(image).trainingInputMode("File"))));
        DescribeTrainingJobResponse failed = awaitState("own-image", j -> j.trainingJobStatus() == TrainingJobStatus.FAILED);
        assertThat(failed.failureReason()).contains(image).contains("sagemaker-xgboost").contains("--target aws");
    }

    @Test
    void builtInImagesAreRecognisedInAnyRegionsRegistryAndTag() {
        sagemaker.createTrainingJob(job("china", Map.of(), b -> b.algorithmSpecification(a -> a.trainingImage(
                "390948362332.dkr.ecr.cn-north-1.amazonaws.com.cn/sagemaker-xgboost:1.5-1").trainingInputMode("File"))));
        sagemaker.createTrainingJob(job("frankfurt", Map.of(), b -> b.algorithmSpecification(a -> a.trainingImage(
                "492215442770.dkr.ecr.eu-central-1.amazonaws.com/sagemaker-xgboost:latest").trainingInputMode("File"))));
        assertThat(waitForEnd(sagemaker, "china").trainingJobStatus()).isEqualTo(TrainingJobStatus.COMPLETED);
        assertThat(waitForEnd(sagemaker, "frankfurt").trainingJobStatus()).isEqualTo(TrainingJobStatus.COMPLETED);
    }

    @Test
    void aManifestChannelTrainsOnTheObjectsItListsInItsOrder() throws IOException {
        s3.putObject(p -> p.bucket("lab").key("manifests/train.manifest"), RequestBody.fromString(
                "[{\"prefix\": \"s3://lab/data/\"}, \"train/b.csv\", \"train/a.csv\"]"));
        sagemaker.createTrainingJob(job("from-manifest", Map.of(), b -> b.inputDataConfig(c -> c.channelName("train")
                .dataSource(d -> d.s3DataSource(s -> s.s3DataType("ManifestFile")
                        .s3Uri("s3://lab/manifests/train.manifest"))))));
        DescribeTrainingJobResponse done = waitForEnd(sagemaker, "from-manifest");
        assertThat(done.trainingJobStatus()).isEqualTo(TrainingJobStatus.COMPLETED);
        byte[] artifact = s3.getObjectAsBytes(g -> g.bucket("lab").key("output/from-manifest/output/model.tar.gz"))
                .asByteArray();
        assertThat(TrainingJobTest.untar(artifact)).containsEntry("fake-model", "5,6\n1,2\n3,4\n");
    }

    @Test
    void aManifestListingAMissingObjectFailsTheJob() throws InterruptedException {
        s3.putObject(p -> p.bucket("lab").key("manifests/bad.manifest"), RequestBody.fromString(
                "[{\"prefix\": \"s3://lab/data/\"}, \"train/missing.csv\"]"));
        sagemaker.createTrainingJob(job("bad-manifest", Map.of(), b -> b.inputDataConfig(c -> c.channelName("train")
                .dataSource(d -> d.s3DataSource(s -> s.s3DataType("ManifestFile")
                        .s3Uri("s3://lab/manifests/bad.manifest"))))));
        DescribeTrainingJobResponse failed = awaitState("bad-manifest",
                j -> j.trainingJobStatus() == TrainingJobStatus.FAILED);
        assertThat(failed.failureReason()).startsWith("ClientError: ").contains("s3://lab/data/train/missing.csv");
    }
}

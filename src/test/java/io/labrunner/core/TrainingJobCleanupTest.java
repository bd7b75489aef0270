package io.labrunner.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.labrunner.emulator.Emulator;
import io.labrunner.emulator.sagemaker.FakeAlgorithm;
import io.labrunner.emulator.sagemaker.training.TrainingTimings;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sagemaker.model.Tag;

/**
 * Training jobs in the runner's cleanup: a running one is stopped (AWS cannot delete them), an ended one
 * "had already ended", an unknown one is gone, the tagger tags it, and Leftovers reports it only while it runs.
 */
class TrainingJobCleanupTest {
    private static Emulator emulator;
    private static AwsClients clients;

    @BeforeAll
    static void start() {
        emulator = Emulator.builder().port(0).algorithms(new FakeAlgorithm("sagemaker-xgboost"))
                .trainingTimings(TrainingTimings.instant(2)).build().start();
        clients = new AwsClients(Optional.of(URI.create(emulator.getEndpoint().toString())),
                Region.of(emulator.getRegion()), StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(emulator.getAccessKey(), emulator.getSecretKey())));
        clients.s3().createBucket(b -> b.bucket("lab-data"));
        clients.s3().putObject(p -> p.bucket("lab-data").key("train/a.csv"), RequestBody.fromString("1,2\n"));
    }

    @AfterAll
    static void stop() {
        clients.close();
        emulator.close();
    }

    private static void startJob(String name, int rounds) {
        clients.sageMaker().createTrainingJob(r -> r.trainingJobName(name)
                .roleArn("arn:aws:iam::000000000000:role/SageMakerRole")
                .algorithmSpecification(a -> a.trainingImage(
                        "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1").trainingInputMode("File"))
                .hyperParameters(Map.of("rounds", String.valueOf(rounds), "round_ms", "50"))
                .inputDataConfig(c -> c.channelName("train").dataSource(d -> d.s3DataSource(
                        s -> s.s3DataType("S3Prefix").s3Uri("s3://lab-data/train/"))))
                .outputDataConfig(o -> o.s3OutputPath("s3://lab-data/output"))
                .resourceConfig(c -> c.instanceType("ml.m5.large").instanceCount(1).volumeSizeInGB(5))
                .stoppingCondition(s -> s.maxRuntimeInSeconds(600)));
    }

    private static String status(String name) {
        return clients.sageMaker().describeTrainingJob(r -> r.trainingJobName(name)).trainingJobStatusAsString();
    }

    @Test
    void aRunningJobIsStoppedAndThenCountsAsEnded() throws InterruptedException {
        String runId = RunIds.next();
        String name = RunIds.resourceName(runId, "train");
        startJob(name, 2000);
        Leftovers leftovers = new Leftovers(clients, Set.of(Capability.S3, Capability.SAGEMAKER_TRAINING));
        assertThat(leftovers.find(runId)).singleElement().asString().startsWith("SageMaker training job " + name);

        ResourceDeleter deleter = new ResourceDeleter(clients);
        assertThat(deleter.delete(Resource.trainingJob(name))).isEqualTo(ResourceDeleter.Deletion.DELETED);
        assertThat(status(name)).isEqualTo("Stopped");
        assertThat(leftovers.find(runId)).isEmpty();
        assertThat(deleter.delete(Resource.trainingJob(name))).isEqualTo(ResourceDeleter.Deletion.ALREADY_ENDED);
    }

    @Test
    void anUnknownJobCountsAsGone() throws InterruptedException {
        assertThat(new ResourceDeleter(clients).delete(Resource.trainingJob("lab-zzzzzz-none")))
                .isEqualTo(ResourceDeleter.Deletion.ALREADY_GONE);
    }

    @Test
    void theTaggerPutsTheRunsTagsOnTheJobsArn() {
        String name = RunIds.resourceName(RunIds.next(), "Tagged");
        startJob(name, 1);
        new AwsResourceTagger(clients).tag(Resource.trainingJob(name), Map.of("lab:run-id", "abc"));
        String arn = clients.sageMaker().describeTrainingJob(r -> r.trainingJobName(name)).trainingJobArn();
        assertThat(clients.sageMaker().listTags(r -> r.resourceArn(arn)).tags())
                .containsExactly(Tag.builder().key("lab:run-id").value("abc").build());
    }
}

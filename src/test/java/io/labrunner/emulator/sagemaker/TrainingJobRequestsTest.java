package io.labrunner.emulator.sagemaker;

import static io.labrunner.emulator.sagemaker.TrainingJobTest.job;
import static io.labrunner.emulator.sagemaker.TrainingJobTest.waitForEnd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.labrunner.emulator.Emulator;
import io.labrunner.emulator.sagemaker.training.TrainingTimings;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.ListTrainingJobsResponse;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;
import software.amazon.awssdk.services.sagemaker.model.Tag;
import software.amazon.awssdk.services.sagemaker.model.TrainingJobSummary;

/**
 * What CreateTrainingJob refuses and how (code and wording, nothing created), ListTrainingJobs' filters,
 * order and pages, and tags on a job's ARN.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrainingJobRequestsTest {
    private Emulator emulator;
    private SageMakerClient sagemaker;
    private S3Client s3;
    private Instant beforeListed;
    private Instant afterFirstTwo;

    @BeforeAll
    void start() throws InterruptedException {
        emulator = Emulator.builder().port(0).algorithms(new FakeAlgorithm("sagemaker-xgboost"))
                .trainingTimings(TrainingTimings.instant(2)).build().start();
        sagemaker = TrainingJobTest.sageMaker(emulator);
        s3 = TrainingJobTest.s3(emulator);
        s3.createBucket(b -> b.bucket("lab"));
        s3.putObject(p -> p.bucket("lab").key("data/train/a.csv"), RequestBody.fromString("1,2\n"));
        beforeListed = Instant.now().minusMillis(5);
        sagemaker.createTrainingJob(job("list-b-alpha"));
        Thread.sleep(20);
        sagemaker.createTrainingJob(job("list-a-beta", Map.of("fail", "client"), b -> { }));
        Thread.sleep(20);
        afterFirstTwo = Instant.now();
        Thread.sleep(20);
        sagemaker.createTrainingJob(job("list-c-ALPHA"));
        for (String name : List.of("list-b-alpha", "list-c-ALPHA")) {
            waitForEnd(sagemaker, name);
        }
        while (!sagemaker.describeTrainingJob(r -> r.trainingJobName("list-a-beta")).trainingJobStatusAsString()
                .equals("Failed")) {
            Thread.sleep(20);
        }
    }

    @AfterAll
    void stop() {
        sagemaker.close();
        s3.close();
        emulator.close();
    }

    private List<String> names(ListTrainingJobsResponse response) {
        return response.trainingJobSummaries().stream().map(TrainingJobSummary::trainingJobName).toList();
    }

    @Test
    void listingFiltersByNameRegardlessOfCaseAndByStatus() {
        assertThat(names(sagemaker.listTrainingJobs(l -> l.nameContains("alpha"))))
                .containsExactly("list-b-alpha", "list-c-ALPHA");
        assertThat(names(sagemaker.listTrainingJobs(l -> l.nameContains("list").statusEquals("Failed"))))
                .containsExactly("list-a-beta");
        TrainingJobSummary summary = sagemaker.listTrainingJobs(l -> l.nameContains("b-alpha")).trainingJobSummaries()
                .get(0);
        assertThat(summary.trainingJobStatusAsString()).isEqualTo("Completed");
        assertThat(summary.secondaryStatusAsString()).isEqualTo("Completed");
        assertThat(summary.trainingJobArn()).endsWith(":training-job/list-b-alpha");
        assertThat(summary.trainingEndTime()).isNotNull();
    }

    @Test
    void listingFiltersByCreationTime() {
        assertThat(names(sagemaker.listTrainingJobs(l -> l.nameContains("list").creationTimeAfter(afterFirstTwo))))
                .containsExactly("list-c-ALPHA");
        assertThat(names(sagemaker.listTrainingJobs(l -> l.nameContains("list").creationTimeBefore(afterFirstTwo)
                .creationTimeAfter(beforeListed))))
                .containsExactly("list-b-alpha", "list-a-beta");
    }

    @Test
    void listingSortsByCreationTimeAscendingUnlessAskedOtherwise() {
        assertThat(names(sagemaker.listTrainingJobs(l -> l.nameContains("list"))))
                .containsExactly("list-b-alpha", "list-a-beta", "list-c-ALPHA");
        assertThat(names(sagemaker.listTrainingJobs(l -> l.nameContains("list").sortBy("Name").sortOrder("Descending"))))
                .containsExactly("list-c-ALPHA", "list-b-alpha", "list-a-beta");
        assertThat(names(sagemaker.listTrainingJobs(l -> l.nameContains("list").sortBy("Status"))))
                .containsExactly("list-b-alpha", "list-c-ALPHA", "list-a-beta");
    }

    @Test
    void listingPagesWithNextTokenAndThePaginatorWalksThemAll() {
        ListTrainingJobsResponse first = sagemaker.listTrainingJobs(l -> l.nameContains("list").maxResults(2));
        assertThat(names(first)).containsExactly("list-b-alpha", "list-a-beta");
        assertThat(first.nextToken()).isNotBlank();
        ListTrainingJobsResponse second = sagemaker.listTrainingJobs(l -> l.nameContains("list").maxResults(2)
                .nextToken(first.nextToken()));
        assertThat(names(second)).containsExactly("list-c-ALPHA");
        assertThat(second.nextToken()).isNull();
        assertThat(sagemaker.listTrainingJobsPaginator(l -> l.nameContains("list").maxResults(1))
                .trainingJobSummaries().stream().map(TrainingJobSummary::trainingJobName))
                .containsExactly("list-b-alpha", "list-a-beta", "list-c-ALPHA");
        assertThatThrownBy(() -> sagemaker.listTrainingJobs(l -> l.nextToken("not-a-token")))
                .isInstanceOf(SageMakerException.class)
                .satisfies(e -> assertThat(((SageMakerException) e).statusCode()).isEqualTo(400));
    }

    private void assertRefused(String name, String messageStart, software.amazon.awssdk.services.sagemaker.model
            .CreateTrainingJobRequest request) {
        assertThatThrownBy(() -> sagemaker.createTrainingJob(request))
                .isInstanceOf(SageMakerException.class)
                .hasMessageStartingWith(messageStart)
                .satisfies(e -> {
                    assertThat(((SageMakerException) e).awsErrorDetails().errorCode()).isEqualTo("ValidationException");
                    assertThat(((SageMakerException) e).statusCode()).isEqualTo(400);
                });
        assertThat(sagemaker.listTrainingJobs(l -> l.nameContains(name)).trainingJobSummaries()).isEmpty();
    }

    @Test
    void aRoleArnOfTheWrongShapeIsRefusedByTheModelsPattern() {
        assertRefused("bad-role", "1 validation error detected: Value 'arn:aws:iam::000000000000:user/someone' at "
                + "'roleArn' failed to satisfy constraint: Member must satisfy regular expression pattern",
                job("bad-role", Map.of(), b -> b.roleArn("arn:aws:iam::000000000000:user/someone")));
    }

    @Test
    void anUnknownInstanceTypeIsRefusedByTheModelsEnum() {
        assertRefused("bad-type", "1 validation error detected: Value 'ml.huge' at 'resourceConfig.instanceType'",
                job("bad-type", Map.of(), b -> b.resourceConfig(r -> r.instanceType("ml.huge").instanceCount(1)
                        .volumeSizeInGB(10))));
    }

    @Test
    void aBadJobNameOrChannelNameIsRefusedByTheModelsPattern() {
        assertRefused("under", "1 validation error detected: Value 'under_score' at 'trainingJobName'",
                job("under_score"));
        assertRefused("bad-channel", "1 validation error detected: Value 'train data' at "
                + "'inputDataConfig.1.member.channelName'",
                job("bad-channel", Map.of(), b -> b.inputDataConfig(c -> c.channelName("train data")
                        .dataSource(d -> d.s3DataSource(s -> s.s3DataType("S3Prefix").s3Uri("s3://lab/data/"))))));
    }

    @Test
    void aZeroInstanceCountIsRefused() {
        assertRefused("no-instances", "1 validation error detected: Value '0' at 'resourceConfig.instanceCount' failed "
                + "to satisfy constraint: Member must have value greater than or equal to 1",
                job("no-instances", Map.of(), b -> b.resourceConfig(r -> r.instanceType("ml.m5.large").instanceCount(0)
                        .volumeSizeInGB(10))));
    }

    @Test
    void anEmptyS3PrefixIsRefusedWithAwsWording() {
        assertRefused("empty-prefix", "No S3 objects found under S3 URL \"s3://lab/nothing/\" given in input data "
                + "source. Please ensure that the bucket exists in the selected region (us-east-1), that objects "
                + "exist under that S3 prefix, and that the role \"" + TrainingJobTest.ROLE + "\" has \"s3:ListBucket\" "
                + "permissions on bucket \"lab\".",
                job("empty-prefix", Map.of(), b -> b.inputDataConfig(c -> c.channelName("train")
                        .dataSource(d -> d.s3DataSource(s -> s.s3DataType("S3Prefix").s3Uri("s3://lab/nothing/"))))));
    }

    @Test
    void twoChannelsWithOneNameAreRefused() {
        assertRefused("twice", "Channel names must be unique",
                job("twice", Map.of(), b -> b.inputDataConfig(
                        c -> c.channelName("train").dataSource(d -> d.s3DataSource(
                                s -> s.s3DataType("S3Prefix").s3Uri("s3://lab/data/"))),
                        c -> c.channelName("train").dataSource(d -> d.s3DataSource(
                                s -> s.s3DataType("S3Prefix").s3Uri("s3://lab/data/"))))));
    }

    @Test
    void tagsGivenAtCreationAndAddedLaterAreListedAndDeleted() {
        String arn = sagemaker.createTrainingJob(job("tagged", Map.of(), b -> b.tags(
                Tag.builder().key("lab:run-id").value("r1").build()))).trainingJobArn();
        sagemaker.addTags(r -> r.resourceArn(arn).tags(Tag.builder().key("team").value("ml").build()));
        assertThat(sagemaker.listTags(r -> r.resourceArn(arn)).tags()).extracting(Tag::key, Tag::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("lab:run-id", "r1"),
                        org.assertj.core.groups.Tuple.tuple("team", "ml"));
        sagemaker.deleteTags(r -> r.resourceArn(arn).tagKeys("team"));
        assertThat(sagemaker.listTags(r -> r.resourceArn(arn)).tags()).extracting(Tag::key).containsExactly("lab:run-id");
    }
}

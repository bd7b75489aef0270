package io.labrunner.emulator.sagemaker.transform;

import static io.labrunner.emulator.sagemaker.transform.TransformFixture.BUCKET;
import static io.labrunner.emulator.sagemaker.transform.TransformFixture.SLOW_IMAGE;
import static io.labrunner.emulator.sagemaker.transform.TransformFixture.SUM_IMAGE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.core.waiters.WaiterResponse;
import software.amazon.awssdk.services.sagemaker.model.CreateTransformJobRequest;
import software.amazon.awssdk.services.sagemaker.model.DescribeTransformJobResponse;
import software.amazon.awssdk.services.sagemaker.model.ResourceInUseException;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;
import software.amazon.awssdk.services.sagemaker.model.TransformJobStatus;
import software.amazon.awssdk.services.sagemaker.model.TransformJobSummary;

/** Batch Transform through the SDK v2 client: what a job reads, what it writes, how it ends. */
class BatchTransformTest {
    private static final WaiterOverrideConfiguration FAST = WaiterOverrideConfiguration.builder()
            .backoffStrategy(attempt -> Duration.ofMillis(50)).maxAttempts(400).build();

    private final TransformFixture fixture = new TransformFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    /** Starts a job on model {@code m} reading s3://data/in/ as CSV and writing to s3://data/out/; returns its name. */
    private String start(String name, Consumer<CreateTransformJobRequest.Builder> changes) {
        CreateTransformJobRequest.Builder request = CreateTransformJobRequest.builder()
                .transformJobName(name).modelName("m")
                .transformInput(i -> i.contentType("text/csv").splitType("Line")
                        .dataSource(d -> d.s3DataSource(s -> s.s3DataType("S3Prefix").s3Uri("s3://data/in/"))))
                .transformOutput(o -> o.s3OutputPath("s3://data/out"))
                .transformResources(r -> r.instanceType("ml.m5.large").instanceCount(1));
        changes.accept(request);
        String arn = fixture.sagemaker.createTransformJob(request.build()).transformJobArn();
        assertThat(arn).isEqualTo("arn:aws:sagemaker:us-east-1:000000000000:transform-job/" + name.toLowerCase());
        return name;
    }

    private DescribeTransformJobResponse await(String name) {
        WaiterResponse<DescribeTransformJobResponse> done = fixture.sagemaker.waiter()
                .waitUntilTransformJobCompletedOrStopped(
                        software.amazon.awssdk.services.sagemaker.model.DescribeTransformJobRequest.builder()
                                .transformJobName(name).build(), FAST);
        return done.matched().response().orElseThrow();
    }

    private DescribeTransformJobResponse awaitEnd(String name) throws InterruptedException {
        for (int i = 0; i < 400; i++) {
            DescribeTransformJobResponse job = fixture.sagemaker.describeTransformJob(r -> r.transformJobName(name));
            if (job.transformJobStatus() != TransformJobStatus.IN_PROGRESS
                    && job.transformJobStatus() != TransformJobStatus.STOPPING) {
                return job;
            }
            Thread.sleep(25);
        }
        throw new AssertionError("job " + name + " did not end");
    }

    @Test
    void eachInputObjectGetsAnOutObjectWithOnePredictionPerLine() {
        fixture.createModel("m", SUM_IMAGE, 2);
        fixture.put("in/a.csv", "1,2,3\n4,5,6\n");
        fixture.put("in/nested/b.csv", "10,0,0\r\n0,0,1");

        start("churn-batch", r -> { });
        DescribeTransformJobResponse running = fixture.sagemaker.describeTransformJob(r -> r.transformJobName("churn-batch"));
        assertThat(running.transformJobStatus()).isEqualTo(TransformJobStatus.IN_PROGRESS);
        DescribeTransformJobResponse job = await("churn-batch");

        assertThat(job.transformJobArn()).isEqualTo("arn:aws:sagemaker:us-east-1:000000000000:transform-job/churn-batch");
        assertThat(job.transformJobStatus()).isEqualTo(TransformJobStatus.COMPLETED);
        assertThat(job.failureReason()).isNull();
        assertThat(job.modelName()).isEqualTo("m");
        assertThat(job.transformInput().splitType().toString()).isEqualTo("Line");
        assertThat(job.transformResources().instanceTypeAsString()).isEqualTo("ml.m5.large");
        assertThat(job.transformStartTime()).isAfterOrEqualTo(job.creationTime());
        assertThat(job.transformEndTime()).isAfterOrEqualTo(job.transformStartTime());
        assertThat(fixture.s3.keys(BUCKET, "out/")).containsExactly("out/a.csv.out", "out/nested/b.csv.out");
        assertThat(fixture.s3.text(BUCKET, "out/a.csv.out")).isEqualTo("12\n30");
        assertThat(fixture.s3.text(BUCKET, "out/nested/b.csv.out")).isEqualTo("20\n2");
    }

    @Test
    void assembleWithLineEndsEveryRecordWithANewline() {
        fixture.createModel("m", SUM_IMAGE, 1);
        fixture.put("in/a.csv", "1,1\n2,2\n3,3\n");

        await(start("lines", r -> r.batchStrategy("SingleRecord")
                .transformOutput(o -> o.s3OutputPath("s3://data/out/").assembleWith("Line"))));

        assertThat(fixture.s3.text(BUCKET, "out/a.csv.out")).isEqualTo("2\n4\n6\n");
    }

    @Test
    void singleRecordBatchesWithoutAssemblyRunTogetherAsOnAws() {
        fixture.createModel("m", SUM_IMAGE, 1);
        fixture.put("in/a.csv", "1,1\n2,2\n3,3\n");

        await(start("no-assembly", r -> r.batchStrategy("SingleRecord")));

        // Each record is its own request and AssembleWith None adds nothing between the responses.
        assertThat(fixture.s3.text(BUCKET, "out/a.csv.out")).isEqualTo("246");
    }

    @Test
    void splitTypeNoneSendsEachObjectWhole() {
        fixture.createModel("m", SUM_IMAGE, 1);
        fixture.put("in/a.csv", "1,1\n2,2\n");
        fixture.put("in/b.csv", "5,5\n");

        await(start("whole", r -> r.transformInput(i -> i.contentType("text/csv").splitType("None")
                .dataSource(d -> d.s3DataSource(s -> s.s3DataType("S3Prefix").s3Uri("s3://data/in/"))))));

        assertThat(fixture.s3.text(BUCKET, "out/a.csv.out")).isEqualTo("2\n4");
        assertThat(fixture.s3.text(BUCKET, "out/b.csv.out")).isEqualTo("10");
    }

    @Test
    void anIdColumnIsLeftOutOfTheInputAndJoinedBackToThePrediction() {
        fixture.createModel("m", SUM_IMAGE, 1);
        fixture.put("in/a.csv", "id-1,1,2\nid-2,3,4\n");

        await(start("join-csv", r -> r.dataProcessing(p -> p.inputFilter("$[1:]").joinSource("Input")
                .outputFilter("$[0,-1]")).transformOutput(o -> o.s3OutputPath("s3://data/out").assembleWith("Line"))));

        assertThat(fixture.s3.text(BUCKET, "out/a.csv.out")).isEqualTo("id-1,3\nid-2,7\n");
    }

    @Test
    void joiningCsvKeepsEveryInputColumnThenTheOutput() {
        fixture.createModel("m", SUM_IMAGE, 1);
        fixture.put("in/a.csv", "1,2\n");

        await(start("join-all", r -> r.dataProcessing(p -> p.joinSource("Input"))));

        assertThat(fixture.s3.text(BUCKET, "out/a.csv.out")).isEqualTo("1,2,3");
    }

    @Test
    void jsonRecordsGetThePredictionUnderSageMakerOutput() {
        fixture.createModel("m", SUM_IMAGE, 1);
        fixture.put("in/a.jsonl", "{\"id\":\"a\",\"features\":[1,2],\"note\":\"x\"}\n{\"id\":\"b\",\"features\":[3,4]}\n");

        await(start("join-json", r -> r
                .transformInput(i -> i.contentType("application/jsonlines").splitType("Line")
                        .dataSource(d -> d.s3DataSource(s -> s.s3DataType("S3Prefix").s3Uri("s3://data/in/"))))
                .transformOutput(o -> o.s3OutputPath("s3://data/out").accept("application/jsonlines")
                        .assembleWith("Line"))
                .dataProcessing(p -> p.inputFilter("$.features").joinSource("Input")
                        .outputFilter("$['id','SageMakerOutput']"))));

        assertThat(fixture.s3.text(BUCKET, "out/a.jsonl.out"))
                .isEqualTo("{\"id\":\"a\",\"SageMakerOutput\":3}\n{\"id\":\"b\",\"SageMakerOutput\":7}\n");
    }

    @Test
    void gzipInputIsDecompressedAndTheOutputIsNot() {
        fixture.createModel("m", SUM_IMAGE, 1);
        fixture.s3.put(BUCKET, "in/a.csv.gz", TransformFixture.gzip("1,2\n3,4\n"));

        await(start("gzip", r -> r.transformInput(i -> i.contentType("text/csv").splitType("Line")
                .compressionType("Gzip")
                .dataSource(d -> d.s3DataSource(s -> s.s3DataType("S3Prefix").s3Uri("s3://data/in/"))))));

        assertThat(fixture.s3.text(BUCKET, "out/a.csv.gz.out")).isEqualTo("3\n7");
    }

    @Test
    void aManifestNamesTheObjectsToTransform() {
        fixture.createModel("m", SUM_IMAGE, 1);
        fixture.put("in/a.csv", "1,1\n");
        fixture.put("in/skip.csv", "9,9\n");
        fixture.put("in/sub/b.csv", "2,2\n");
        fixture.put("manifest.json", "[{\"prefix\": \"s3://data/in/\"}, \"a.csv\", \"sub/b.csv\"]");

        await(start("manifest", r -> r.transformInput(i -> i.contentType("text/csv").splitType("Line")
                .dataSource(d -> d.s3DataSource(s -> s.s3DataType("ManifestFile").s3Uri("s3://data/manifest.json"))))));

        assertThat(fixture.s3.keys(BUCKET, "out/")).containsExactly("out/a.csv.out", "out/sub/b.csv.out");
    }

    @Test
    void aPrefixThatIsPartOfANameSelectsTheObjectsThatStartWithIt() {
        fixture.createModel("m", SUM_IMAGE, 1);
        fixture.put("in/test-1.csv", "1,1\n");
        fixture.put("in/test-2.csv", "2,2\n");
        fixture.put("in/train.csv", "3,3\n");

        await(start("partial", r -> r.transformInput(i -> i.contentType("text/csv").splitType("Line")
                .dataSource(d -> d.s3DataSource(s -> s.s3DataType("S3Prefix").s3Uri("s3://data/in/test"))))));

        assertThat(fixture.s3.keys(BUCKET, "out/")).containsExactly("out/test-1.csv.out", "out/test-2.csv.out");
    }

    @Test
    void aStoppedJobLeavesNoOutputBehind() throws InterruptedException {
        fixture.createModel("m", SLOW_IMAGE, 1);
        for (int i = 0; i < 3; i++) {
            fixture.put("in/part-" + i + ".csv", "1,1\n2,2\n3,3\n");
        }
        start("slow", r -> r.batchStrategy("SingleRecord").modelName("m"));
        while (fixture.s3.keys(BUCKET, "out/").isEmpty()) {
            Thread.sleep(20);
        }

        fixture.sagemaker.stopTransformJob(r -> r.transformJobName("slow"));
        TransformJobStatus right = fixture.sagemaker.describeTransformJob(r -> r.transformJobName("slow"))
                .transformJobStatus();
        DescribeTransformJobResponse job = await("slow");

        assertThat(right).isIn(TransformJobStatus.STOPPING, TransformJobStatus.STOPPED);
        assertThat(job.transformJobStatus()).isEqualTo(TransformJobStatus.STOPPED);
        assertThat(job.transformEndTime()).isNotNull();
        assertThat(fixture.s3.keys(BUCKET, "out/")).isEmpty();
        assertThatThrownBy(() -> fixture.sagemaker.stopTransformJob(r -> r.transformJobName("slow")))
                .isInstanceOfSatisfying(SageMakerException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("The request was rejected because the transform job is in status Stopped."));
    }

    @Test
    void aBadRecordFailsTheJobButOnlyItsOwnObjectGoesWithoutOutput() throws InterruptedException {
        fixture.createModel("m", SUM_IMAGE, 1);
        fixture.put("in/a.csv", "1,2\n");
        fixture.put("in/b.csv", "1,2\nnot,a,number\n");

        start("bad-record", r -> { });
        DescribeTransformJobResponse job = awaitEnd("bad-record");

        assertThat(job.transformJobStatus()).isEqualTo(TransformJobStatus.FAILED);
        assertThat(job.failureReason()).isEqualTo("ClientError: See job logs for more information");
        assertThat(fixture.s3.keys(BUCKET, "out/")).containsExactly("out/a.csv.out");
        var logs = fixture.transformLogs();
        assertThat(logs).anySatisfy(event -> {
            assertThat(event.stream()).matches("bad-record/i-[0-9a-f]{17}-\\d+/data-log");
            assertThat(event.message()).endsWith(":[sagemaker logs]: data/in/b.csv: ClientError: 400");
        });
        assertThat(logs).anySatisfy(event -> {
            assertThat(event.stream()).matches("bad-record/i-[0-9a-f]{17}-\\d+");
            assertThat(event.message()).contains("Unable to parse the record 'not,a,number'");
        });
    }

    @Test
    void theWaiterFailsOnAFailedJob() {
        fixture.createModel("m", SUM_IMAGE, 1);
        fixture.put("in/a.csv", "x\n");
        start("fails", r -> { });

        assertThatThrownBy(() -> await("fails")).isInstanceOf(SdkClientException.class)
                .hasMessageContaining("failure");
    }

    @Test
    void aModelArtifactDeletedSinceCreateModelFailsTheJob() throws InterruptedException {
        fixture.createModel("m", SUM_IMAGE, 1);
        fixture.put("in/a.csv", "1\n");
        fixture.s3.delete(BUCKET, "models/m/model.tar.gz");

        start("no-artifact", r -> { });

        DescribeTransformJobResponse job = awaitEnd("no-artifact");
        assertThat(job.transformJobStatus()).isEqualTo(TransformJobStatus.FAILED);
        assertThat(job.failureReason()).isEqualTo("Could not find model data at s3://data/models/m/model.tar.gz.");
        assertThat(fixture.s3.keys(BUCKET, "out/")).isEmpty();
    }

    @Test
    void anImageTheEmulatorCannotRunFailsTheJobNamingWhatRunsLocally() throws InterruptedException {
        String url = fixture.uploadModel("models/custom.tar.gz", 1);
        fixture.sagemaker.createModel(r -> r.modelName("m").executionRoleArn(TransformFixture.ROLE)
                .primaryContainer(c -> c.image("123456789012.dkr.ecr.us-east-1.amazonaws.com/my-own:latest")
                        .modelDataUrl(url)));
        fixture.put("in/a.csv", "1\n");

        start("custom", r -> { });

        DescribeTransformJobResponse job = awaitEnd("custom");
        assertThat(job.transformJobStatus()).isEqualTo(TransformJobStatus.FAILED);
        assertThat(job.failureReason()).contains("my-own:latest", "sagemaker-xgboost", "sum-algo", "--target aws");
    }

    @Test
    void inputThatIsNotThereFailsTheJobWithAwsReason() throws InterruptedException {
        fixture.createModel("m", SUM_IMAGE, 1);

        start("empty", r -> { });

        DescribeTransformJobResponse job = awaitEnd("empty");
        assertThat(job.transformJobStatus()).isEqualTo(TransformJobStatus.FAILED);
        assertThat(job.failureReason()).startsWith(
                "ClientError: No S3 objects found under S3 URL \"s3://data/in/\" given in input data source.");
    }

    @Test
    void createTransformJobRefusesWhatAwsRefusesAndKeepsNothing() {
        assertThatThrownBy(() -> start("j", r -> r.modelName("nope")))
                .isInstanceOfSatisfying(SageMakerException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(
                            "Could not find model \"arn:aws:sagemaker:us-east-1:000000000000:model/nope\".");
                });
        fixture.createModel("m", SUM_IMAGE, 1);
        assertThatThrownBy(() -> start("j", r -> r.transformResources(t -> t.instanceType("ml.t2.nano")
                .instanceCount(1)))).isInstanceOfSatisfying(SageMakerException.class, e -> assertThat(
                        e.awsErrorDetails().errorMessage()).contains("transformResources.instanceType"));
        assertThatThrownBy(() -> start("j", r -> r.maxPayloadInMB(101)))
                .isInstanceOfSatisfying(SageMakerException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage()).contains("MaxPayloadInMB"));
        assertThatThrownBy(() -> start("j", r -> r.maxPayloadInMB(30).maxConcurrentTransforms(4)))
                .isInstanceOf(SageMakerException.class);
        assertThatThrownBy(() -> start("j", r -> r.dataProcessing(p -> p.inputFilter("features"))))
                .isInstanceOfSatisfying(SageMakerException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage()).contains("InputFilter"));
        assertThatThrownBy(() -> start("j", r -> r.transformOutput(o -> o.s3OutputPath("https://example.com/out"))))
                .isInstanceOf(SageMakerException.class);
        assertThat(fixture.sagemaker.listTransformJobs(r -> { }).transformJobSummaries()).isEmpty();

        fixture.put("in/a.csv", "1\n");
        start("j", r -> { });
        assertThatThrownBy(() -> start("J", r -> { }))
                .isInstanceOfSatisfying(ResourceInUseException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("Job name must be unique within an AWS account and region, and a job with this "
                                + "name already exists (arn:aws:sagemaker:us-east-1:000000000000:transform-job/j)"));
    }

    @Test
    void anUnknownJobCannotBeDescribedOrStopped() {
        assertThatThrownBy(() -> fixture.sagemaker.describeTransformJob(r -> r.transformJobName("nope")))
                .isInstanceOfSatisfying(SageMakerException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Could not find requested job with name nope");
                });
        assertThatThrownBy(() -> fixture.sagemaker.stopTransformJob(r -> r.transformJobName("nope")))
                .isInstanceOf(SageMakerException.class);
    }

    @Test
    void listTransformJobsFiltersByStatusAndNameAndPages() throws InterruptedException {
        fixture.createModel("m", SUM_IMAGE, 1);
        fixture.put("in/a.csv", "1\n");
        start("score-1", r -> { });
        start("score-2", r -> { });
        start("other", r -> r.transformInput(i -> i.contentType("text/csv")
                .dataSource(d -> d.s3DataSource(s -> s.s3DataType("S3Prefix").s3Uri("s3://data/missing/")))));
        awaitEnd("score-1");
        awaitEnd("score-2");
        awaitEnd("other");

        assertThat(fixture.sagemaker.listTransformJobs(r -> r.statusEquals(TransformJobStatus.COMPLETED)
                .sortBy("Name").sortOrder("Ascending")).transformJobSummaries())
                .extracting(TransformJobSummary::transformJobName).containsExactly("score-1", "score-2");
        assertThat(fixture.sagemaker.listTransformJobs(r -> r.statusEquals(TransformJobStatus.FAILED))
                .transformJobSummaries()).singleElement().satisfies(summary -> {
                    assertThat(summary.transformJobName()).isEqualTo("other");
                    assertThat(summary.failureReason()).startsWith("ClientError: No S3 objects found");
                    assertThat(summary.transformEndTime()).isNotNull();
                    assertThat(summary.lastModifiedTime()).isNotNull();
                });
        assertThat(fixture.sagemaker.listTransformJobs(r -> r.nameContains("SCORE")).transformJobSummaries())
                .extracting(TransformJobSummary::transformJobName).containsExactly("score-2", "score-1");
        assertThat(fixture.sagemaker.listTransformJobsPaginator(r -> r.maxResults(1)).transformJobSummaries())
                .hasSize(3);
    }
}

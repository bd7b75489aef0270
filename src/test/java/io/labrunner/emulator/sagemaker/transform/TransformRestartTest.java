package io.labrunner.emulator.sagemaker.transform;

import static io.labrunner.emulator.sagemaker.transform.TransformFixture.BUCKET;
import static io.labrunner.emulator.sagemaker.transform.TransformFixture.SLOW_IMAGE;
import static io.labrunner.emulator.sagemaker.transform.TransformFixture.SUM_IMAGE;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sagemaker.model.CreateTransformJobRequest;
import software.amazon.awssdk.services.sagemaker.model.DescribeTransformJobResponse;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.TransformJobStatus;

/** Models and transform jobs survive an emulator restart on the same data folder. */
class TransformRestartTest {

    private static void start(SageMakerClient sagemaker, String name, String model) {
        sagemaker.createTransformJob(CreateTransformJobRequest.builder()
                .transformJobName(name).modelName(model).batchStrategy("SingleRecord")
                .transformInput(i -> i.contentType("text/csv").splitType("Line")
                        .dataSource(d -> d.s3DataSource(s -> s.s3DataType("S3Prefix").s3Uri("s3://data/in/"))))
                .transformOutput(o -> o.s3OutputPath("s3://data/out-" + name))
                .transformResources(r -> r.instanceType("ml.m5.large").instanceCount(1))
                .build());
    }

    private static DescribeTransformJobResponse awaitEnd(SageMakerClient sagemaker, String name)
            throws InterruptedException {
        for (int i = 0; i < 400; i++) {
            DescribeTransformJobResponse job = sagemaker.describeTransformJob(r -> r.transformJobName(name));
            if (job.transformJobStatus() == TransformJobStatus.COMPLETED
                    || job.transformJobStatus() == TransformJobStatus.FAILED
                    || job.transformJobStatus() == TransformJobStatus.STOPPED) {
                return job;
            }
            Thread.sleep(25);
        }
        throw new AssertionError("job " + name + " did not end");
    }

    @Test
    void modelsAndJobsAreThereAfterARestartAndARunningJobFinishes(@TempDir Path data) throws InterruptedException {
        DescribeTransformJobResponse before;
        try (TransformFixture first = new TransformFixture(data)) {
            first.s3Client.createBucket(r -> r.bucket(BUCKET));
            first.createModel("fast", SUM_IMAGE, 1);
            first.createModel("slow", SLOW_IMAGE, 1);
            first.put("in/a.csv", "1,1\n2,2\n3,3\n4,4\n5,5\n6,6\n");
            start(first.sagemaker, "done", "fast");
            before = awaitEnd(first.sagemaker, "done");
            start(first.sagemaker, "running", "slow");
        }

        try (TransformFixture second = new TransformFixture(data)) {
            assertThat(second.sagemaker.describeModel(r -> r.modelName("fast")).primaryContainer().image())
                    .isEqualTo(SUM_IMAGE);
            DescribeTransformJobResponse after = second.sagemaker.describeTransformJob(r -> r.transformJobName("done"));
            assertThat(after.transformJobStatus()).isEqualTo(TransformJobStatus.COMPLETED);
            assertThat(after.creationTime()).isEqualTo(before.creationTime());
            assertThat(after.transformEndTime()).isEqualTo(before.transformEndTime());

            DescribeTransformJobResponse resumed = awaitEnd(second.sagemaker, "running");
            assertThat(resumed.transformJobStatus()).isEqualTo(TransformJobStatus.COMPLETED);
            assertThat(second.s3.text(BUCKET, "out-running/a.csv.out")).isEqualTo("24681012");
        }
    }
}

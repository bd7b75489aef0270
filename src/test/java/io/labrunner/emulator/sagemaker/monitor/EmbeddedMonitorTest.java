package io.labrunner.emulator.sagemaker.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.labrunner.emulator.Emulator;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.ExecutionStatus;
import software.amazon.awssdk.services.sagemaker.model.MonitoringExecutionSummary;

/**
 * Model Monitor as the emulator serves it out of the box, beside the other SageMaker operations: baselines
 * run, and an endpoint that captures nothing gives executions that fail saying so.
 */
class EmbeddedMonitorTest {

    @Test
    void theEmulatorBaselinesAndSaysWhenAnEndpointCapturesNothing() throws Exception {
        try (Emulator emulator = Emulator.builder().port(0).build().start()) {
            var credentials = StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(emulator.getAccessKey(), emulator.getSecretKey()));
            Region region = Region.of(emulator.getRegion());
            try (SageMakerClient sagemaker = SageMakerClient.builder().endpointOverride(emulator.getEndpoint())
                    .region(region).credentialsProvider(credentials).build();
                    S3Client s3 = S3Client.builder().endpointOverride(emulator.getEndpoint()).region(region)
                            .credentialsProvider(credentials).forcePathStyle(true).build()) {
                s3.createBucket(r -> r.bucket("data"));
                s3.putObject(r -> r.bucket("data").key("t.csv"), RequestBody.fromString("x,y\n1,a\n2,b\n"));
                sagemaker.createProcessingJob(r -> r.processingJobName("embedded-baseline")
                        .roleArn(MonitorFixture.ROLE).appSpecification(a -> a.imageUri(MonitorFixture.ANALYZER))
                        .processingResources(p -> p.clusterConfig(c -> c.instanceCount(1).instanceType("ml.m5.xlarge")
                                .volumeSizeInGB(20)))
                        .environment(java.util.Map.of("dataset_format", "{\"csv\": {\"header\": true}}",
                                "dataset_source", "/opt/ml/processing/input/d", "output_path", "/opt/ml/processing/o"))
                        .processingInputs(i -> i.inputName("d").s3Input(s -> s.s3Uri("s3://data/t.csv")
                                .localPath("/opt/ml/processing/input/d").s3DataType("S3Prefix").s3InputMode("File")))
                        .processingOutputConfig(o -> o.outputs(out -> out.outputName("o").s3Output(s -> s
                                .s3Uri("s3://data/mon/baseline").localPath("/opt/ml/processing/o")
                                .s3UploadMode("EndOfJob")))));
                // Code that does not wait sees the job still running.
                assertThat(sagemaker.describeProcessingJob(r -> r.processingJobName("embedded-baseline"))
                        .processingJobStatusAsString()).isEqualTo("InProgress");
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (sagemaker.describeProcessingJob(r -> r.processingJobName("embedded-baseline"))
                        .processingJobStatusAsString().equals("InProgress") && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                assertThat(s3.listObjectsV2(r -> r.bucket("data").prefix("mon/baseline/")).contents())
                        .extracting(o -> o.key())
                        .containsExactlyInAnyOrder("mon/baseline/statistics.json", "mon/baseline/constraints.json");

                sagemaker.createMonitoringSchedule(MonitoringScheduleTest.schedule("embedded-now", "no-capture", "NOW")
                        .build());
                MonitoringExecutionSummary execution = sagemaker.listMonitoringExecutions(r -> r
                        .monitoringScheduleName("embedded-now")).monitoringExecutionSummaries().get(0);
                assertThat(execution.monitoringExecutionStatus()).isEqualTo(ExecutionStatus.FAILED);
                assertThat(execution.failureReason()).contains("no-capture").contains("no data capture");

                sagemaker.updateMonitoringSchedule(r -> r.monitoringScheduleName("embedded-now")
                        .monitoringScheduleConfig(MonitoringScheduleTest.schedule("embedded-now", "no-capture",
                                "cron(0 12 ? * * *)").build().monitoringScheduleConfig()));
                assertThat(sagemaker.describeMonitoringSchedule(r -> r.monitoringScheduleName("embedded-now"))
                        .monitoringScheduleConfig().scheduleConfig().scheduleExpression())
                        .isEqualTo("cron(0 12 ? * * *)");
                sagemaker.stopMonitoringSchedule(r -> r.monitoringScheduleName("embedded-now"));
                sagemaker.startMonitoringSchedule(r -> r.monitoringScheduleName("embedded-now"));
                assertThat(sagemaker.describeMonitoringSchedule(r -> r.monitoringScheduleName("embedded-now"))
                        .monitoringScheduleStatusAsString()).isEqualTo("Scheduled");
            }
        }
    }
}

package io.labrunner.emulator.sagemaker.linearlearner;

import static org.assertj.core.api.Assertions.assertThat;

import io.labrunner.emulator.Emulator;
import io.labrunner.emulator.sagemaker.training.TrainingTimings;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.backoff.FixedDelayBackoffStrategy;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.DescribeTrainingJobResponse;
import software.amazon.awssdk.services.sagemaker.model.MetricData;
import software.amazon.awssdk.services.sagemaker.model.TrainingJobStatus;
import software.amazon.awssdk.services.sagemaker.waiters.SageMakerWaiter;

/**
 * A linear-learner training job through the SDK, as a lab runs one: data in S3, CreateTrainingJob on
 * the linear-learner image, the waiter, FinalMetricDataList, the artifact in S3, the log in CloudWatch Logs.
 */
class LinearLearnerJobTest {
    private static final String IMAGE = "382416733822.dkr.ecr.us-east-1.amazonaws.com/linear-learner:1";

    @Test
    void aLinearLearnerJobTrainsReportsItsMetricsAndLogsToCloudWatch() throws Exception {
        try (Emulator emulator = Emulator.builder().port(0)
                .trainingTimings(new TrainingTimings(Duration.ofMillis(50), Duration.ofMillis(10), Duration.ofMillis(10),
                        Duration.ofMillis(10), 2))
                .build().start();
             S3Client s3 = configure(S3Client.builder().forcePathStyle(true), emulator).build();
             SageMakerClient sagemaker = configure(SageMakerClient.builder(), emulator).build();
             CloudWatchLogsClient logs = configure(CloudWatchLogsClient.builder(), emulator).build()) {
            s3.createBucket(b -> b.bucket("lab"));
            s3.putObject(p -> p.bucket("lab").key("ll/train/part-0.csv"),
                    RequestBody.fromString(SyntheticData.binary(3000, 21)));
            s3.putObject(p -> p.bucket("lab").key("ll/validation/part-0.csv"),
                    RequestBody.fromString(SyntheticData.binary(600, 22)));

            sagemaker.createTrainingJob(r -> r.trainingJobName("ll-1").roleArn("arn:aws:iam::000000000000:role/sm")
                    .algorithmSpecification(a -> a.trainingImage(IMAGE).trainingInputMode("File"))
                    .hyperParameters(Map.of("predictor_type", "binary_classifier", "mini_batch_size", "200"))
                    .inputDataConfig(List.of(channel("train"), channel("validation")))
                    .outputDataConfig(o -> o.s3OutputPath("s3://lab/ll/output"))
                    .resourceConfig(c -> c.instanceType("ml.m5.large").instanceCount(1).volumeSizeInGB(10))
                    .stoppingCondition(c -> c.maxRuntimeInSeconds(600)));
            DescribeTrainingJobResponse done;
            try (SageMakerWaiter waiter = SageMakerWaiter.builder().client(sagemaker)
                    .overrideConfiguration(o -> o.backoffStrategy(FixedDelayBackoffStrategy.create(Duration.ofMillis(100)))
                            .maxAttempts(600)).build()) {
                done = waiter.waitUntilTrainingJobCompletedOrStopped(r -> r.trainingJobName("ll-1")).matched()
                        .response().orElseThrow();
            }

            assertThat(done.trainingJobStatus()).as(done.failureReason()).isEqualTo(TrainingJobStatus.COMPLETED);
            Map<String, Double> metrics = new HashMap<>();
            for (MetricData m : done.finalMetricDataList()) {
                metrics.put(m.metricName(), m.value().doubleValue());
            }
            assertThat(metrics.get("validation:binary_classification_accuracy")).isGreaterThan(0.93);
            assertThat(metrics).containsKeys("train:objective_loss", "validation:objective_loss",
                    "validation:roc_auc_score");
            byte[] tarGz = s3.getObjectAsBytes(g -> g.bucket("lab").key("ll/output/ll-1/output/model.tar.gz"))
                    .asByteArray();
            assertThat(entries(tarGz)).containsEntry("model_algo-1", true);

            List<String> quality = logs.filterLogEventsPaginator(f -> f.logGroupName("/aws/sagemaker/TrainingJobs")
                    .logStreamNamePrefix("ll-1/").filterPattern("\"#quality_metric: host=algo-1, validation\""))
                    .events().stream().map(FilteredLogEvent::message).toList();
            assertThat(quality).anyMatch(l -> l.contains("validation binary_classification_accuracy <score>="));
        }
    }

    private static software.amazon.awssdk.services.sagemaker.model.Channel channel(String name) {
        return software.amazon.awssdk.services.sagemaker.model.Channel.builder().channelName(name).contentType("text/csv")
                .dataSource(d -> d.s3DataSource(s -> s.s3DataType("S3Prefix").s3Uri("s3://lab/ll/" + name + "/")))
                .build();
    }

    private static Map<String, Boolean> entries(byte[] tarGz) throws Exception {
        Map<String, Boolean> names = new HashMap<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(
                new ByteArrayInputStream(tarGz)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                String text = new String(tar.readAllBytes(), StandardCharsets.UTF_8);
                names.put(entry.getName(), text.contains("labrunner-linear-learner-1"));
            }
        }
        return names;
    }

    private static <B extends software.amazon.awssdk.awscore.client.builder.AwsClientBuilder<B, ?>> B configure(
            B builder, Emulator emulator) {
        return builder.endpointOverride(emulator.getEndpoint()).region(Region.of(emulator.getRegion()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        emulator.getAccessKey(), emulator.getSecretKey())));
    }
}

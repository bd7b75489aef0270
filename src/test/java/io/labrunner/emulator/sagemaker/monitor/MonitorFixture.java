package io.labrunner.emulator.sagemaker.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.labrunner.emulator.Emulator;
import io.labrunner.emulator.sagemaker.OperationGroup;
import io.labrunner.emulator.sagemaker.ResourceTags;
import io.labrunner.emulator.sagemaker.SageMakerService;
import io.labrunner.emulator.sagemaker.TagOperations;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.DescribeProcessingJobResponse;
import software.amazon.awssdk.services.sagemaker.model.ProcessingJobStatus;

/**
 * An emulator whose SageMaker serves Model Monitor with endpoints that capture into
 * {@code s3://capture/datacapture}, on a clock the test moves; SDK clients for SageMaker, S3 and CloudWatch;
 * the buckets {@code data} and {@code capture}.
 */
final class MonitorFixture implements AutoCloseable {
    static final String ROLE = "arn:aws:iam::000000000000:role/SageMakerRole";
    static final String ANALYZER = "156813124566.dkr.ecr.us-east-1.amazonaws.com/sagemaker-model-monitor-analyzer";
    static final String BUCKET = "data";
    static final String CAPTURE = "s3://capture/datacapture";
    static final ObjectMapper JSON = new ObjectMapper();

    final HandClock clock;
    final Map<String, String> destinations = new ConcurrentHashMap<>();
    final Emulator emulator;
    final SageMakerClient sagemaker;
    final S3Client s3;
    final CloudWatchClient cloudwatch;
    /** The schedules group, to run due cron schedules without waiting for its ticker. */
    volatile MonitoringSchedules schedules;

    MonitorFixture(Path dataDir, Instant now) {
        this.clock = new HandClock(now);
        this.emulator = Emulator.builder().port(0).dataDir(dataDir).service(emulator -> {
            ResourceTags tags = new ResourceTags(emulator.stateStore());
            List<OperationGroup> groups = new ArrayList<>(ModelMonitor.groups(new ModelMonitor.Settings(
                    emulator.s3Objects(), tags, emulator.logWriter(), emulator.metricSink(),
                    (region, endpoint) -> Optional.ofNullable(destinations.get(endpoint)), emulator.stateStore(),
                    emulator.getDataDir().resolve("sagemaker-work"), clock, Duration.ZERO, Duration.ofHours(1))));
            schedules = (MonitoringSchedules) groups.get(0);
            groups.add(new TagOperations(tags));
            return new SageMakerService(groups);
        }).build().start();
        var credentials = StaticCredentialsProvider.create(
                AwsBasicCredentials.create(emulator.getAccessKey(), emulator.getSecretKey()));
        Region region = Region.of(emulator.getRegion());
        this.sagemaker = SageMakerClient.builder().endpointOverride(emulator.getEndpoint()).region(region)
                .credentialsProvider(credentials).build();
        this.s3 = S3Client.builder().endpointOverride(emulator.getEndpoint()).region(region)
                .credentialsProvider(credentials).forcePathStyle(true).build();
        this.cloudwatch = CloudWatchClient.builder().endpointOverride(emulator.getEndpoint()).region(region)
                .credentialsProvider(credentials).build();
        for (String bucket : new String[] {BUCKET, "capture"}) {
            if (!s3.listBuckets().buckets().stream().anyMatch(b -> b.name().equals(bucket))) {
                s3.createBucket(r -> r.bucket(bucket));
            }
        }
    }

    void put(String bucket, String key, String content) {
        s3.putObject(r -> r.bucket(bucket).key(key), RequestBody.fromString(content));
    }

    JsonNode json(String s3Uri) {
        String rest = s3Uri.substring("s3://".length());
        String bucket = rest.substring(0, rest.indexOf('/'));
        String key = rest.substring(rest.indexOf('/') + 1);
        try {
            return JSON.readTree(s3.getObjectAsBytes(r -> r.bucket(bucket).key(key)).asByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the job has ended. */
    DescribeProcessingJobResponse awaitJob(String name) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            DescribeProcessingJobResponse job = sagemaker.describeProcessingJob(r -> r.processingJobName(name));
            ProcessingJobStatus status = job.processingJobStatus();
            if (status != ProcessingJobStatus.IN_PROGRESS && status != ProcessingJobStatus.STOPPING) {
                return job;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("job " + name + " still " + status);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** Starts a baseline job the way DefaultModelMonitor.suggest_baseline does, and waits for it. */
    DescribeProcessingJobResponse suggestBaseline(String jobName, String datasetUri, String datasetFormat,
            String outputUri) {
        sagemaker.createProcessingJob(r -> r.processingJobName(jobName).roleArn(ROLE)
                .appSpecification(a -> a.imageUri(ANALYZER))
                .processingResources(p -> p.clusterConfig(c -> c.instanceCount(1).instanceType("ml.m5.xlarge")
                        .volumeSizeInGB(20)))
                .stoppingCondition(s -> s.maxRuntimeInSeconds(3600))
                .environment(Map.of("dataset_format", datasetFormat,
                        "dataset_source", "/opt/ml/processing/input/baseline_dataset_input",
                        "output_path", "/opt/ml/processing/output",
                        "publish_cloudwatch_metrics", "Disabled"))
                .processingInputs(i -> i.inputName("baseline_dataset_input").s3Input(s -> s.s3Uri(datasetUri)
                        .localPath("/opt/ml/processing/input/baseline_dataset_input").s3DataType("S3Prefix")
                        .s3InputMode("File")))
                .processingOutputConfig(o -> o.outputs(out -> out.outputName("monitoring_output")
                        .s3Output(s -> s.s3Uri(outputUri).localPath("/opt/ml/processing/output")
                                .s3UploadMode("EndOfJob")))));
        return awaitJob(jobName);
    }

    @Override
    public void close() {
        sagemaker.close();
        s3.close();
        cloudwatch.close();
        emulator.close();
    }
}

package io.labrunner.bench;

import io.labrunner.emulator.Emulator;
import io.labrunner.emulator.sagemaker.OperationGroup;
import io.labrunner.emulator.sagemaker.ResourceTags;
import io.labrunner.emulator.sagemaker.SageMakerService;
import io.labrunner.emulator.sagemaker.monitor.ModelMonitor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.ExecutionStatus;
import software.amazon.awssdk.services.sagemaker.model.MonitoringExecutionSummary;

/**
 * What one Model Monitor execution costs: a NOW schedule over 100,000 captured records (10 JSON Lines files
 * in the current hour; a prediction and 9 features, one of them categorical) against a baseline of 10,000
 * rows, wall time from CreateMonitoringSchedule until ListMonitoringExecutions shows it finished, and the
 * processing job's own start-to-end time. Target: under 10 s. Medians of a few runs. Not a test.
 * Run with {@code mvn -q -Pbench -DskipTests verify -Dbench=MonitorBenchmark}.
 */
public final class MonitorBenchmark {
    private static final String ANALYZER = "156813124566.dkr.ecr.us-east-1.amazonaws.com/"
            + "sagemaker-model-monitor-analyzer";
    private static final String ROLE = "arn:aws:iam::000000000000:role/SageMakerRole";
    private static final int RECORDS = 100_000;
    private static final int FILES = 10;
    private static final int RUNS = 3;

    private MonitorBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Emulator.ServiceFactory monitorOnly = emulator -> {
            ResourceTags tags = new ResourceTags(emulator.stateStore());
            List<OperationGroup> groups = new ArrayList<>(ModelMonitor.groups(new ModelMonitor.Settings(
                    emulator.s3Objects(), tags, emulator.logWriter(), emulator.metricSink(),
                    (region, endpoint) -> Optional.of("s3://bench/capture"), emulator.stateStore(),
                    emulator.getDataDir().resolve("sagemaker-work"), Clock.systemUTC(), Duration.ZERO,
                    Duration.ofHours(1))));
            return new SageMakerService(groups);
        };
        try (Emulator emulator = Emulator.builder().port(0).service(monitorOnly).build().start()) {
            var credentials = StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(emulator.getAccessKey(), emulator.getSecretKey()));
            Region region = Region.of(emulator.getRegion());
            try (SageMakerClient sagemaker = SageMakerClient.builder().endpointOverride(emulator.getEndpoint())
                    .region(region).credentialsProvider(credentials).build();
                    S3Client s3 = S3Client.builder().endpointOverride(emulator.getEndpoint()).region(region)
                            .credentialsProvider(credentials).forcePathStyle(true).build()) {
                run(sagemaker, s3);
            }
        }
    }

    private static void run(SageMakerClient sagemaker, S3Client s3) throws Exception {
        s3.createBucket(r -> r.bucket("bench"));
        Random random = new Random(1);
        StringBuilder train = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            train.append(random.nextInt(2)).append(',').append(features(random, 0)).append('\n');
        }
        s3.putObject(r -> r.bucket("bench").key("baseline/train.csv"), RequestBody.fromString(train.toString()));
        sagemaker.createProcessingJob(r -> r.processingJobName("bench-baseline").roleArn(ROLE)
                .appSpecification(a -> a.imageUri(ANALYZER))
                .processingResources(p -> p.clusterConfig(c -> c.instanceCount(1).instanceType("ml.m5.xlarge")
                        .volumeSizeInGB(20)))
                .environment(Map.of("dataset_format", "{\"csv\": {\"header\": false}}",
                        "dataset_source", "/opt/ml/processing/input/baseline_dataset_input",
                        "output_path", "/opt/ml/processing/output", "publish_cloudwatch_metrics", "Disabled"))
                .processingInputs(i -> i.inputName("baseline_dataset_input").s3Input(s -> s
                        .s3Uri("s3://bench/baseline/train.csv")
                        .localPath("/opt/ml/processing/input/baseline_dataset_input").s3DataType("S3Prefix")
                        .s3InputMode("File")))
                .processingOutputConfig(o -> o.outputs(out -> out.outputName("monitoring_output")
                        .s3Output(s -> s.s3Uri("s3://bench/baseline/out").localPath("/opt/ml/processing/output")
                                .s3UploadMode("EndOfJob")))));
        while (sagemaker.describeProcessingJob(r -> r.processingJobName("bench-baseline")).processingJobStatusAsString()
                .equals("InProgress")) {
            Thread.sleep(20);
        }
        long bytes = 0;
        String hour = DateTimeFormatter.ofPattern("yyyy/MM/dd/HH").withZone(ZoneOffset.UTC).format(Instant.now());
        for (int f = 0; f < FILES; f++) {
            StringBuilder jsonl = new StringBuilder();
            for (int i = 0; i < RECORDS / FILES; i++) {
                jsonl.append("{\"captureData\":{\"endpointInput\":{\"observedContentType\":\"text/csv\",\"mode\":"
                        + "\"INPUT\",\"data\":\"").append(features(random, 0.3)).append("\",\"encoding\":\"CSV\"},"
                        + "\"endpointOutput\":{\"observedContentType\":\"text/csv; charset=utf-8\",\"mode\":\"OUTPUT\","
                        + "\"data\":\"").append(random.nextInt(2)).append("\",\"encoding\":\"CSV\"}},\"eventMetadata\":"
                        + "{\"eventId\":\"e").append(f).append('-').append(i).append("\",\"inferenceTime\":\"")
                        .append(Instant.now()).append("\"},\"eventVersion\":\"0\"}\n");
            }
            bytes += jsonl.length();
            int file = f;
            s3.putObject(r -> r.bucket("bench").key("capture/ep/AllTraffic/" + hour + "/part-" + file + ".jsonl"),
                    RequestBody.fromString(jsonl.toString()));
        }
        double[] wall = new double[RUNS];
        double[] job = new double[RUNS];
        int violations = 0;
        for (int run = 0; run < RUNS; run++) {
            String name = "bench-" + run;
            long start = System.nanoTime();
            sagemaker.createMonitoringSchedule(r -> r.monitoringScheduleName(name)
                    .monitoringScheduleConfig(c -> c
                            .scheduleConfig(s -> s.scheduleExpression("NOW").dataAnalysisStartTime("-PT1H")
                                    .dataAnalysisEndTime("-PT0H"))
                            .monitoringJobDefinition(d -> d
                                    .baselineConfig(b -> b
                                            .constraintsResource(x -> x.s3Uri("s3://bench/baseline/out/constraints.json"))
                                            .statisticsResource(x -> x.s3Uri("s3://bench/baseline/out/statistics.json")))
                                    .monitoringInputs(i -> i.endpointInput(e -> e.endpointName("ep")
                                            .localPath("/opt/ml/processing/input/endpoint")))
                                    .monitoringOutputConfig(o -> o.monitoringOutputs(out -> out.s3Output(s -> s
                                            .s3Uri("s3://bench/reports").localPath("/opt/ml/processing/output"))))
                                    .monitoringResources(x -> x.clusterConfig(cc -> cc.instanceCount(1)
                                            .instanceType("ml.m5.xlarge").volumeSizeInGB(20)))
                                    .monitoringAppSpecification(a -> a.imageUri(ANALYZER))
                                    .roleArn(ROLE))));
            MonitoringExecutionSummary done;
            while (true) {
                done = sagemaker.listMonitoringExecutions(r -> r.monitoringScheduleName(name))
                        .monitoringExecutionSummaries().get(0);
                if (done.monitoringExecutionStatus() != ExecutionStatus.IN_PROGRESS
                        && done.monitoringExecutionStatus() != ExecutionStatus.PENDING) {
                    break;
                }
                Thread.sleep(10);
            }
            wall[run] = (System.nanoTime() - start) / 1e9;
            String arn = done.processingJobArn();
            var described = sagemaker.describeProcessingJob(r -> r.processingJobName(arn.substring(arn.lastIndexOf('/')
                    + 1)));
            job[run] = Duration.between(described.processingStartTime(), described.processingEndTime()).toMillis() / 1e3;
            if (!done.monitoringExecutionStatusAsString().startsWith("Completed")) {
                throw new IllegalStateException("execution " + done.monitoringExecutionStatusAsString() + ": "
                        + done.failureReason());
            }
            violations = described.exitMessage() == null ? 0 : 1;
        }
        Arrays.sort(wall);
        Arrays.sort(job);
        System.out.printf(Locale.ROOT, "Model Monitor execution over %,d captured records (%d files, %.1f MB), "
                + "10 columns; baseline 10,000 rows%n", RECORDS, FILES, bytes / 1e6);
        System.out.printf(Locale.ROOT, "  create schedule -> execution finished: median %.2f s (runs %s)%n",
                wall[RUNS / 2], Arrays.toString(wall));
        System.out.printf(Locale.ROOT, "  processing job start -> end:           median %.2f s (runs %s)%n",
                job[RUNS / 2], Arrays.toString(job));
        System.out.printf(Locale.ROOT, "  target < 10 s: %s; drift reported: %s%n", wall[RUNS / 2] < 10 ? "met"
                : "MISSED", violations > 0 ? "yes" : "no");
    }

    /** 9 features: 8 numeric (drifted by {@code shift} standard deviations) and a category. */
    private static String features(Random random, double shift) {
        StringBuilder row = new StringBuilder();
        for (int f = 0; f < 8; f++) {
            row.append(f % 2 == 0 ? Integer.toString(20 + random.nextInt(40) + (int) (shift * 12))
                    : String.format(Locale.ROOT, "%.4f", random.nextGaussian() + shift)).append(',');
        }
        return row.append("abcd".charAt(random.nextInt(4))).toString();
    }
}

package io.labrunner.bench;

import io.labrunner.emulator.Emulator;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.DescribeTrainingJobRequest;
import software.amazon.awssdk.services.sagemaker.model.DescribeTransformJobRequest;

/**
 * What Batch Transform costs over the booster itself: a transform job scoring 100,000 rows × 20 features
 * (one CSV object, SplitType Line, MultiRecord within 6 MB) with the built-in XGBoost, wall time from
 * CreateTransformJob until the waiter sees Completed, next to parsing the same CSV and predicting with
 * xgboost4j directly in the same JVM. Medians of a few runs. Not a test: nothing here fails.
 * Run with {@code mvn -q -Pbench -DskipTests verify -Dbench=BatchTransformBenchmark}.
 */
public final class BatchTransformBenchmark {
    private static final String IMAGE = "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1";
    private static final int ROWS = 100_000;
    private static final int FEATURES = 20;
    private static final int RUNS = 3;
    private static final WaiterOverrideConfiguration POLL = WaiterOverrideConfiguration.builder()
            .backoffStrategy(attempt -> Duration.ofMillis(20)).maxAttempts(100_000).build();

    private BatchTransformBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        try (Emulator emulator = Emulator.builder().port(0).build().start()) {
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
        s3.putObject(r -> r.bucket("bench").key("train/train.csv"), RequestBody.fromString(csv(10_000, 1, true)));
        String test = csv(ROWS, 2, false);
        s3.putObject(r -> r.bucket("bench").key("test/test.csv"), RequestBody.fromString(test));
        sagemaker.createTrainingJob(r -> r.trainingJobName("bench-train")
                .roleArn("arn:aws:iam::000000000000:role/SageMakerRole")
                .algorithmSpecification(a -> a.trainingImage(IMAGE).trainingInputMode("File"))
                .hyperParameters(Map.of("objective", "binary:logistic", "num_round", "100", "max_depth", "6"))
                .inputDataConfig(c -> c.channelName("train").contentType("text/csv")
                        .dataSource(d -> d.s3DataSource(s -> s.s3DataType("S3Prefix").s3Uri("s3://bench/train/"))))
                .outputDataConfig(o -> o.s3OutputPath("s3://bench/output"))
                .resourceConfig(c -> c.instanceType("ml.m5.large").instanceCount(1).volumeSizeInGB(5))
                .stoppingCondition(s -> s.maxRuntimeInSeconds(3600)));
        String artifact = sagemaker.waiter().waitUntilTrainingJobCompletedOrStopped(
                DescribeTrainingJobRequest.builder().trainingJobName("bench-train").build(), POLL)
                .matched().response().orElseThrow().modelArtifacts().s3ModelArtifacts();
        sagemaker.createModel(r -> r.modelName("bench").executionRoleArn("arn:aws:iam::000000000000:role/SageMakerRole")
                .primaryContainer(c -> c.image(IMAGE).modelDataUrl(artifact)));
        byte[] modelFile = modelFile(s3.getObjectAsBytes(r -> r.bucket("bench")
                .key(artifact.substring("s3://bench/".length()))).asByteArray());

        double[] transform = new double[RUNS];
        double[] direct = new double[RUNS];
        for (int run = 0; run < RUNS; run++) {
            String name = "bench-score-" + run;
            long start = System.nanoTime();
            sagemaker.createTransformJob(r -> r.transformJobName(name).modelName("bench")
                    .transformInput(i -> i.contentType("text/csv").splitType("Line")
                            .dataSource(d -> d.s3DataSource(s -> s.s3DataType("S3Prefix").s3Uri("s3://bench/test/"))))
                    .transformOutput(o -> o.s3OutputPath("s3://bench/scores-" + name).assembleWith("Line"))
                    .transformResources(t -> t.instanceType("ml.m5.large").instanceCount(1)));
            sagemaker.waiter().waitUntilTransformJobCompletedOrStopped(
                    DescribeTransformJobRequest.builder().transformJobName(name).build(), POLL);
            transform[run] = (System.nanoTime() - start) / 1e9;

            start = System.nanoTime();
            predictDirectly(modelFile, test);
            direct[run] = (System.nanoTime() - start) / 1e9;
        }
        double t = median(transform);
        double d = median(direct);
        System.out.printf(Locale.ROOT, "%-70s %10s%n", "Batch Transform, " + ROWS + " rows × " + FEATURES
                + " features (create → Completed, incl. 0.3 s start-up)", String.format(Locale.ROOT, "%.2f s", t));
        System.out.printf(Locale.ROOT, "%-70s %10s%n", "xgboost4j directly: parse the CSV, predict, format",
                String.format(Locale.ROOT, "%.2f s", d));
        System.out.printf(Locale.ROOT, "%-70s %10s%n", "ratio", String.format(Locale.ROOT, "%.2f", t / d));
    }

    private static void predictDirectly(byte[] modelFile, String csv) throws Exception {
        Booster booster = XGBoost.loadModel(modelFile);
        String[] lines = csv.split("\n");
        float[] values = new float[lines.length * FEATURES];
        int at = 0;
        for (String line : lines) {
            for (String column : line.split(",")) {
                values[at++] = Float.parseFloat(column);
            }
        }
        DMatrix matrix = new DMatrix(values, lines.length, FEATURES, Float.NaN);
        float[][] predictions = booster.predict(matrix);
        matrix.dispose();
        StringBuilder out = new StringBuilder();
        for (float[] p : predictions) {
            out.append(p[0]).append('\n');
        }
        if (out.length() == 0) {
            throw new IllegalStateException("no predictions");
        }
    }

    private static byte[] modelFile(byte[] modelTarGz) throws Exception {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(
                new GzipCompressorInputStream(new ByteArrayInputStream(modelTarGz)))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                if (entry.getName().endsWith("xgboost-model")) {
                    return tar.readAllBytes();
                }
            }
        }
        throw new IllegalStateException("no xgboost-model in the artifact");
    }

    /** Rows of 20 features; the label (first, when asked) is 1 when the first two features sum above 1. */
    private static String csv(int rows, long seed, boolean withLabel) {
        Random random = new Random(seed);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < rows; i++) {
            List<String> columns = new ArrayList<>();
            double[] x = new double[FEATURES];
            for (int f = 0; f < FEATURES; f++) {
                x[f] = random.nextDouble();
            }
            if (withLabel) {
                columns.add(x[0] + x[1] > 1 ? "1" : "0");
            }
            for (double v : x) {
                columns.add(String.format(Locale.ROOT, "%.5f", v));
            }
            out.append(String.join(",", columns)).append('\n');
        }
        return out.toString();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}

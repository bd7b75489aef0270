package io.labrunner.emulator.sagemaker.transform;

import static org.assertj.core.api.Assertions.assertThat;

import io.labrunner.emulator.Emulator;
import io.labrunner.emulator.sagemaker.xgboost.PythonXgboost;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.DescribeTrainingJobRequest;
import software.amazon.awssdk.services.sagemaker.model.DescribeTransformJobRequest;
import software.amazon.awssdk.services.sagemaker.model.TransformJobStatus;

/**
 * The whole path a lab takes, on the emulator's real built-in XGBoost: train, make a model from the
 * training job's artifact, score a held-out file with Batch Transform. The predictions are the booster's:
 * they separate the classes, and open-source Python xgboost loading the same artifact predicts the same.
 */
class XgboostBatchTransformTest {
    private static final String IMAGE = "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1";
    private static final WaiterOverrideConfiguration FAST = WaiterOverrideConfiguration.builder()
            .backoffStrategy(attempt -> Duration.ofMillis(100)).maxAttempts(600).build();

    private final Emulator emulator = Emulator.builder().port(0).build().start();
    private final StaticCredentialsProvider credentials = StaticCredentialsProvider.create(
            AwsBasicCredentials.create(emulator.getAccessKey(), emulator.getSecretKey()));
    private final SageMakerClient sagemaker = SageMakerClient.builder().endpointOverride(emulator.getEndpoint())
            .region(Region.of(emulator.getRegion())).credentialsProvider(credentials).build();
    private final S3Client s3 = S3Client.builder().endpointOverride(emulator.getEndpoint())
            .region(Region.of(emulator.getRegion())).credentialsProvider(credentials).forcePathStyle(true).build();

    @AfterEach
    void close() {
        sagemaker.close();
        s3.close();
        emulator.close();
    }

    /** Rows {@code label,x0,x1,x2} with label 1 exactly when x0 + x1 > 1. */
    private static List<double[]> rows(int count, long seed) {
        Random random = new Random(seed);
        List<double[]> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            double x0 = random.nextDouble();
            double x1 = random.nextDouble();
            rows.add(new double[] {x0 + x1 > 1 ? 1 : 0, x0, x1, random.nextDouble()});
        }
        return rows;
    }

    private static String csv(List<double[]> rows, boolean withLabel) {
        StringBuilder out = new StringBuilder();
        for (double[] row : rows) {
            for (int c = withLabel ? 0 : 1; c < row.length; c++) {
                out.append(String.format(Locale.ROOT, "%.6f", row[c])).append(c < row.length - 1 ? "," : "\n");
            }
        }
        return out.toString();
    }

    @Test
    void aTrainedBoostersPredictionsComeBackThroughBatchTransform(@TempDir Path dir) throws Exception {
        s3.createBucket(r -> r.bucket("mlbucket"));
        s3.putObject(r -> r.bucket("mlbucket").key("train/train.csv"), RequestBody.fromString(csv(rows(800, 1), true)));
        List<double[]> test = rows(200, 2);
        s3.putObject(r -> r.bucket("mlbucket").key("test/test.csv"), RequestBody.fromString(csv(test, false)));

        sagemaker.createTrainingJob(r -> r.trainingJobName("churn-train").roleArn(TransformFixture.ROLE)
                .algorithmSpecification(a -> a.trainingImage(IMAGE).trainingInputMode("File"))
                .hyperParameters(java.util.Map.of("objective", "binary:logistic", "num_round", "30", "max_depth", "3"))
                .inputDataConfig(c -> c.channelName("train").contentType("text/csv")
                        .dataSource(d -> d.s3DataSource(s -> s.s3DataType("S3Prefix").s3Uri("s3://mlbucket/train/"))))
                .outputDataConfig(o -> o.s3OutputPath("s3://mlbucket/output"))
                .resourceConfig(c -> c.instanceType("ml.m5.large").instanceCount(1).volumeSizeInGB(5))
                .stoppingCondition(s -> s.maxRuntimeInSeconds(600)));
        String artifact = sagemaker.waiter().waitUntilTrainingJobCompletedOrStopped(
                DescribeTrainingJobRequest.builder().trainingJobName("churn-train").build(), FAST)
                .matched().response().orElseThrow().modelArtifacts().s3ModelArtifacts();

        sagemaker.createModel(r -> r.modelName("churn").executionRoleArn(TransformFixture.ROLE)
                .primaryContainer(c -> c.image(IMAGE).modelDataUrl(artifact)));
        sagemaker.createTransformJob(r -> r.transformJobName("churn-score").modelName("churn")
                .transformInput(i -> i.contentType("text/csv").splitType("Line")
                        .dataSource(d -> d.s3DataSource(s -> s.s3DataType("S3Prefix").s3Uri("s3://mlbucket/test/"))))
                .transformOutput(o -> o.s3OutputPath("s3://mlbucket/scores").assembleWith("Line"))
                .transformResources(t -> t.instanceType("ml.m5.large").instanceCount(1)));
        var job = sagemaker.waiter().waitUntilTransformJobCompletedOrStopped(
                DescribeTransformJobRequest.builder().transformJobName("churn-score").build(), FAST)
                .matched().response().orElseThrow();

        assertThat(job.transformJobStatus()).isEqualTo(TransformJobStatus.COMPLETED);
        List<String> scores = s3.getObjectAsBytes(r -> r.bucket("mlbucket").key("scores/test.csv.out")).asUtf8String()
                .lines().toList();
        assertThat(scores).hasSize(test.size());
        int right = 0;
        for (int i = 0; i < test.size(); i++) {
            double p = Double.parseDouble(scores.get(i));
            assertThat(p).isBetween(0.0, 1.0);
            right += (p > 0.5 ? 1 : 0) == (int) test.get(i)[0] ? 1 : 0;
        }
        assertThat(right).as("correct of %d", test.size()).isGreaterThan(180);

        byte[] model = s3.getObjectAsBytes(r -> r.bucket("mlbucket").key(artifact.substring("s3://mlbucket/".length())))
                .asByteArray();
        List<Double> python = pythonPredictions(dir, model, csv(test, false));
        for (int i = 0; i < test.size(); i++) {
            assertThat(Double.parseDouble(scores.get(i))).isCloseTo(python.get(i), org.assertj.core.api.Assertions.within(1e-5));
        }
    }

    /** What open-source xgboost predicts from the artifact, as a learner would load it; skips without Python xgboost. */
    private static List<Double> pythonPredictions(Path dir, byte[] modelTarGz, String csv) throws IOException,
            InterruptedException {
        Path tar = Files.write(dir.resolve("model.tar.gz"), modelTarGz);
        Path data = Files.writeString(dir.resolve("test.csv"), csv);
        PythonXgboost python = PythonXgboost.find();
        Assumptions.assumeTrue(python != null,
                "no Python with xgboost among LAB_TEST_PYTHON, python3 and /usr/bin/python3 (apt-get install python3-xgboost)");
        String script = String.join("\n",
                "import tarfile, numpy, xgboost",
                "tarfile.open(" + literal(tar) + ").extractall(" + literal(dir.resolve("model")) + ")",
                "booster = xgboost.Booster()",
                "booster.load_model(" + literal(dir.resolve("model").resolve("xgboost-model")) + ")",
                "rows = numpy.loadtxt(" + literal(data) + ", delimiter=',', ndmin=2)",
                "for p in booster.predict(xgboost.DMatrix(rows)): print(repr(float(p)))");
        String out = python.exec(script);
        return out.lines().map(Double::parseDouble).toList();
    }

    /** A path as a Python string literal (JSON's quoting is valid Python). */
    private static String literal(Path path) {
        return com.fasterxml.jackson.databind.node.TextNode.valueOf(path.toString()).toString();
    }
}

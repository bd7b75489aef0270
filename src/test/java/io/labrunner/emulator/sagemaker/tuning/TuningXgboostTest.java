package io.labrunner.emulator.sagemaker.tuning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.labrunner.emulator.Emulator;
import io.labrunner.emulator.sagemaker.training.TrainingTimings;
import java.time.Instant;
import java.util.Locale;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.CreateHyperParameterTuningJobRequest;
import software.amazon.awssdk.services.sagemaker.model.DescribeHyperParameterTuningJobResponse;
import software.amazon.awssdk.services.sagemaker.model.DescribeTrainingJobResponse;
import software.amazon.awssdk.services.sagemaker.model.HyperParameterTuningJobConfig;
import software.amazon.awssdk.services.sagemaker.model.HyperParameterTuningJobStatus;
import software.amazon.awssdk.services.sagemaker.model.MetricData;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;

/**
 * Tuning as the emulator serves it: its own SageMaker service, whose trials are training jobs that
 * train built-in XGBoost for real on data in the emulator's S3.
 */
class TuningXgboostTest {
    private static final String IMAGE = "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1";

    private Emulator emulator;
    private SageMakerClient sagemaker;

    @BeforeEach
    void start() {
        emulator = Emulator.builder().port(0).trainingTimings(TrainingTimings.instant(4)).build().start();
        StaticCredentialsProvider credentials = StaticCredentialsProvider.create(
                AwsBasicCredentials.create(emulator.getAccessKey(), emulator.getSecretKey()));
        sagemaker = SageMakerClient.builder().endpointOverride(emulator.getEndpoint())
                .region(Region.of(emulator.getRegion())).credentialsProvider(credentials).build();
        try (S3Client s3 = S3Client.builder().endpointOverride(emulator.getEndpoint()).forcePathStyle(true)
                .region(Region.of(emulator.getRegion())).credentialsProvider(credentials).build()) {
            s3.createBucket(b -> b.bucket("tuning"));
            s3.putObject(p -> p.bucket("tuning").key("train/train.csv"), RequestBody.fromString(rows(1500, 1)));
            s3.putObject(p -> p.bucket("tuning").key("validation/validation.csv"), RequestBody.fromString(rows(500, 2)));
        }
    }

    @AfterEach
    void stop() {
        sagemaker.close();
        emulator.close();
    }

    /** A regression with a real, non-linear signal: label first, no header, as the built-in algorithm reads CSV. */
    private static String rows(int count, long seed) {
        Random random = new Random(seed);
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < count; i++) {
            double a = random.nextDouble() * 4 - 2;
            double b = random.nextDouble() * 4 - 2;
            double c = random.nextDouble();
            double label = Math.sin(2 * a) + b * b / 2 + (a > 0 ? c : 0) + 0.1 * random.nextGaussian();
            csv.append(String.format(Locale.ROOT, "%.5f,%.5f,%.5f,%.5f%n", label, a, b, c));
        }
        return csv.toString();
    }

    private static CreateHyperParameterTuningJobRequest request(String name, String strategy, int jobs, int parallel,
            Consumer<HyperParameterTuningJobConfig.Builder> change) {
        HyperParameterTuningJobConfig.Builder config = HyperParameterTuningJobConfig.builder().strategy(strategy)
                .hyperParameterTuningJobObjective(o -> o.type("Minimize").metricName("validation:rmse"))
                .resourceLimits(l -> l.maxNumberOfTrainingJobs(jobs).maxParallelTrainingJobs(parallel))
                .parameterRanges(p -> p
                        .continuousParameterRanges(c -> c.name("eta").minValue("0.02").maxValue("0.5")
                                .scalingType("Logarithmic"), c -> c.name("subsample").minValue("0.5").maxValue("1"))
                        .integerParameterRanges(i -> i.name("max_depth").minValue("1").maxValue("8")))
                .randomSeed(3);
        change.accept(config);
        return CreateHyperParameterTuningJobRequest.builder().hyperParameterTuningJobName(name)
                .hyperParameterTuningJobConfig(config.build())
                .trainingJobDefinition(d -> d
                        .staticHyperParameters(java.util.Map.of("num_round", "30", "objective", "reg:squarederror"))
                        .algorithmSpecification(a -> a.trainingImage(IMAGE).trainingInputMode("File"))
                        .roleArn("arn:aws:iam::000000000000:role/SageMakerRole")
                        .inputDataConfig(
                                c -> c.channelName("train").contentType("text/csv").dataSource(s -> s.s3DataSource(
                                        s3 -> s3.s3DataType("S3Prefix").s3Uri("s3://tuning/train/"))),
                                c -> c.channelName("validation").contentType("text/csv").dataSource(s -> s.s3DataSource(
                                        s3 -> s3.s3DataType("S3Prefix").s3Uri("s3://tuning/validation/"))))
                        .outputDataConfig(o -> o.s3OutputPath("s3://tuning/output"))
                        .resourceConfig(r -> r.instanceType("ml.m5.large").instanceCount(1).volumeSizeInGB(10))
                        .stoppingCondition(s -> s.maxRuntimeInSeconds(3600)))
                .build();
    }

    private DescribeHyperParameterTuningJobResponse awaitEnd(String name) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(120);
        while (true) {
            DescribeHyperParameterTuningJobResponse job = sagemaker.describeHyperParameterTuningJob(
                    r -> r.hyperParameterTuningJobName(name));
            if (job.hyperParameterTuningJobStatus() != HyperParameterTuningJobStatus.IN_PROGRESS) {
                return job;
            }
            assertThat(Instant.now()).as("tuning job still running").isBefore(deadline);
            Thread.sleep(50);
        }
    }

    @Test
    void trialsTrainXgboostAndTheBestOneIsTheTrainingJobWithTheLowestValidationRmse() throws Exception {
        long start = System.nanoTime();
        sagemaker.createHyperParameterTuningJob(request("xgb-tune", "Bayesian", 8, 2, c -> { }));
        DescribeHyperParameterTuningJobResponse done = awaitEnd("xgb-tune");
        System.out.printf(Locale.ROOT, "8 real XGBoost trials, 2 in parallel: %.1f s%n", (System.nanoTime() - start) / 1e9);
        assertThat(done.hyperParameterTuningJobStatus()).isEqualTo(HyperParameterTuningJobStatus.COMPLETED);
        assertThat(done.trainingJobStatusCounters().completed()).isEqualTo(8);
        assertThat(done.objectiveStatusCounters().succeeded()).isEqualTo(8);

        String best = done.bestTrainingJob().trainingJobName();
        DescribeTrainingJobResponse trained = sagemaker.describeTrainingJob(r -> r.trainingJobName(best));
        assertThat(trained.tuningJobArn()).isEqualTo(
                "arn:aws:sagemaker:us-east-1:000000000000:hyper-parameter-tuning-job/xgb-tune");
        assertThat(trained.hyperParameters()).containsEntry("_tuning_objective_metric", "validation:rmse")
                .containsEntry("num_round", "30").containsEntry("eta", done.bestTrainingJob().tunedHyperParameters().get("eta"));
        float rmse = trained.finalMetricDataList().stream().filter(m -> m.metricName().equals("validation:rmse"))
                .map(MetricData::value).findFirst().orElseThrow();
        assertThat(done.bestTrainingJob().finalHyperParameterTuningJobObjectiveMetric().value()).isEqualTo(rmse);
        // The signal is learnable: the best trial beats predicting the mean (the labels' spread is about 1.0).
        assertThat(rmse).isLessThan(0.5f);
        assertThat(sagemaker.listTrainingJobsForHyperParameterTuningJob(r -> r.hyperParameterTuningJobName("xgb-tune")
                .sortBy("FinalObjectiveMetricValue").maxResults(1)).trainingJobSummaries().get(0).trainingJobName())
                .isEqualTo(best);
    }

    @Test
    void anObjectiveTheBuiltInAlgorithmDoesNotEmitIsRefused() {
        assertThatThrownBy(() -> sagemaker.createHyperParameterTuningJob(request("bad", "Random", 2, 1,
                c -> c.hyperParameterTuningJobObjective(o -> o.type("Maximize").metricName("test:rmse")))))
                .isInstanceOf(SageMakerException.class)
                .hasMessageContaining("The objective metric for the hyperparameter tuning job, [test:rmse], "
                        + "isn't valid for the [" + IMAGE + "] algorithm. Choose a valid objective metric.");
        assertThat(sagemaker.listHyperParameterTuningJobs(r -> { }).hyperParameterTuningJobSummaries()).isEmpty();
    }
}

package io.labrunner.emulator.sagemaker.tuning;

import static org.assertj.core.api.Assertions.assertThat;

import io.labrunner.emulator.Emulator;
import io.labrunner.emulator.sagemaker.training.TrainingTimings;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.DescribeHyperParameterTuningJobResponse;
import software.amazon.awssdk.services.sagemaker.model.DescribeTrainingJobResponse;
import software.amazon.awssdk.services.sagemaker.model.HyperParameterTrainingJobSummary;
import software.amazon.awssdk.services.sagemaker.model.HyperParameterTuningJobStatus;
import software.amazon.awssdk.services.sagemaker.model.MetricData;
import software.amazon.awssdk.services.sagemaker.model.TrainingJobStatus;

/**
 * Early stopping (TrainingJobEarlyStoppingType Auto) on the emulator's own wiring: trials train built-in
 * XGBoost for real, the tuning job follows each trial's validation:logloss as it is parsed from the round
 * lines, and stops the trials that fall behind the median of the earlier ones.
 */
class EarlyStoppingXgboostTest {
    private static final String IMAGE = "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1";
    private static final int TRIALS = 10;

    private Emulator emulator;
    private SageMakerClient sagemaker;

    @BeforeEach
    void start() {
        emulator = Emulator.builder().port(0).trainingTimings(TrainingTimings.instant(2))
                .tuningPoll(Duration.ofMillis(10)).build().start();
        StaticCredentialsProvider credentials = StaticCredentialsProvider.create(
                AwsBasicCredentials.create(emulator.getAccessKey(), emulator.getSecretKey()));
        sagemaker = SageMakerClient.builder().endpointOverride(emulator.getEndpoint())
                .region(Region.of(emulator.getRegion())).credentialsProvider(credentials).build();
        try (S3Client s3 = S3Client.builder().endpointOverride(emulator.getEndpoint()).forcePathStyle(true)
                .region(Region.of(emulator.getRegion())).credentialsProvider(credentials).build()) {
            s3.createBucket(b -> b.bucket("early"));
            s3.putObject(p -> p.bucket("early").key("train/train.csv"), RequestBody.fromString(rows(400, 1)));
            s3.putObject(p -> p.bucket("early").key("validation/validation.csv"), RequestBody.fromString(rows(200, 2)));
        }
    }

    @AfterEach
    void stop() {
        sagemaker.close();
        emulator.close();
    }

    /** A binary label with a clear signal in the first two features; label first, no header. */
    private static String rows(int count, long seed) {
        Random random = new Random(seed);
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < count; i++) {
            double a = random.nextGaussian();
            double b = random.nextGaussian();
            double c = random.nextGaussian();
            int label = a + b / 2 + 0.3 * random.nextGaussian() > 0 ? 1 : 0;
            csv.append(String.format(Locale.ROOT, "%d,%.5f,%.5f,%.5f%n", label, a, b, c));
        }
        return csv.toString();
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
    void trialsWhoseLoglossLagsTheMedianAreStoppedAndCountedWithTheirLastValue() throws Exception {
        long started = System.nanoTime();
        // eta from 1e-5 (the log loss hardly moves from 0.693 in all its rounds) to 0.5 (it drops within a few).
        sagemaker.createHyperParameterTuningJob(r -> r.hyperParameterTuningJobName("early")
                .hyperParameterTuningJobConfig(c -> c.strategy("Random").randomSeed(11)
                        .trainingJobEarlyStoppingType("Auto")
                        .hyperParameterTuningJobObjective(o -> o.type("Minimize").metricName("validation:logloss"))
                        .resourceLimits(l -> l.maxNumberOfTrainingJobs(TRIALS).maxParallelTrainingJobs(2))
                        .parameterRanges(p -> p.continuousParameterRanges(e -> e.name("eta").minValue("0.00001")
                                .maxValue("0.5").scalingType("Logarithmic"))))
                .trainingJobDefinition(d -> d
                        .staticHyperParameters(Map.of("num_round", "600", "objective", "binary:logistic",
                                "eval_metric", "logloss", "max_depth", "3"))
                        .algorithmSpecification(a -> a.trainingImage(IMAGE).trainingInputMode("File"))
                        .roleArn("arn:aws:iam::000000000000:role/SageMakerRole")
                        .inputDataConfig(
                                ch -> ch.channelName("train").contentType("text/csv").dataSource(s -> s.s3DataSource(
                                        s3 -> s3.s3DataType("S3Prefix").s3Uri("s3://early/train/"))),
                                ch -> ch.channelName("validation").contentType("text/csv").dataSource(s -> s.s3DataSource(
                                        s3 -> s3.s3DataType("S3Prefix").s3Uri("s3://early/validation/"))))
                        .outputDataConfig(o -> o.s3OutputPath("s3://early/output"))
                        .resourceConfig(rc -> rc.instanceType("ml.m5.large").instanceCount(1).volumeSizeInGB(10))
                        .stoppingCondition(s -> s.maxRuntimeInSeconds(3600))));
        DescribeHyperParameterTuningJobResponse done = awaitEnd("early");
        System.out.printf(Locale.ROOT, "%d real XGBoost trials with early stopping: %.1f s, %d stopped%n", TRIALS,
                (System.nanoTime() - started) / 1e9, done.trainingJobStatusCounters().stopped());

        assertThat(done.hyperParameterTuningJobStatus()).isEqualTo(HyperParameterTuningJobStatus.COMPLETED);
        assertThat(done.trainingJobStatusCounters().stopped()).isPositive();
        assertThat(done.trainingJobStatusCounters().completed() + done.trainingJobStatusCounters().stopped())
                .isEqualTo(TRIALS);
        // An early-stopped trial still reported its objective: it counts as Succeeded, with its last value.
        assertThat(done.objectiveStatusCounters().succeeded()).isEqualTo(TRIALS);
        assertThat(done.bestTrainingJob().trainingJobStatus()).isEqualTo(TrainingJobStatus.COMPLETED);

        List<HyperParameterTrainingJobSummary> trials = sagemaker.listTrainingJobsForHyperParameterTuningJobPaginator(
                r -> r.hyperParameterTuningJobName("early")).trainingJobSummaries().stream().toList();
        List<HyperParameterTrainingJobSummary> stopped = trials.stream()
                .filter(t -> t.trainingJobStatus() == TrainingJobStatus.STOPPED).toList();
        assertThat(stopped).hasSize(done.trainingJobStatusCounters().stopped());
        double best = done.bestTrainingJob().finalHyperParameterTuningJobObjectiveMetric().value();
        for (HyperParameterTrainingJobSummary trial : stopped) {
            DescribeTrainingJobResponse job = sagemaker.describeTrainingJob(r -> r.trainingJobName(trial.trainingJobName()));
            assertThat(job.secondaryStatusAsString()).isEqualTo("Stopped");
            assertThat(job.modelArtifacts()).isNull();
            float last = job.finalMetricDataList().stream().filter(m -> m.metricName().equals("validation:logloss"))
                    .map(MetricData::value).findFirst().orElseThrow();
            assertThat(trial.finalHyperParameterTuningJobObjectiveMetric().value()).isEqualTo(last);
            assertThat((double) last).isGreaterThan(best);
        }
        // The built-in algorithm's metric regexes are on each trial, as AWS shows them.
        DescribeTrainingJobResponse bestJob = sagemaker.describeTrainingJob(
                r -> r.trainingJobName(done.bestTrainingJob().trainingJobName()));
        assertThat(bestJob.algorithmSpecification().metricDefinitions()).anySatisfy(m -> {
            assertThat(m.name()).isEqualTo("validation:logloss");
            assertThat(m.regex()).isEqualTo(
                    ".*\\[[0-9]+\\].*#011validation-logloss:([-+]?[0-9]*\\.?[0-9]+(?:[eE][-+]?[0-9]+)?).*");
        });
    }
}

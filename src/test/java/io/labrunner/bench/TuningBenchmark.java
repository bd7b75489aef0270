package io.labrunner.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.emulator.AwsRequest;
import io.labrunner.emulator.AwsResponse;
import io.labrunner.emulator.AwsService;
import io.labrunner.emulator.Emulator;
import io.labrunner.emulator.Protocol;
import io.labrunner.emulator.protocol.JsonProtocolService;
import io.labrunner.emulator.sagemaker.ResourceTags;
import io.labrunner.emulator.sagemaker.TrainingJobs;
import io.labrunner.emulator.sagemaker.tuning.TuningOperations;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.HyperParameterTuningJobStatus;

/**
 * What the tuner itself costs: a 20-job tuning run with 4 in parallel (issue 11's benchmark shape) over
 * training jobs that take a fixed time and report a smooth objective, through the SDK. With trials of
 * 0 ms the wall time is the tuner's own (polling, the Gaussian process, the API); with trials of 250 ms
 * the ideal is 5 rounds × 0.25 s. Last, the same run tuning real built-in XGBoost on the emulator as a lab
 * gets it (its default training timings, which train two jobs at once). Run with {@code mvn -q -Pbench -DskipTests verify -Dbench=TuningBenchmark}.
 * Not a test: nothing here fails.
 */
public final class TuningBenchmark {
    private TuningBenchmark() {
    }

    public static void main(String[] args) {
        System.out.println("| run | wall time | target |");
        System.out.println("|---|---|---|");
        for (String strategy : List.of("Random", "Bayesian")) {
            for (long trialMillis : new long[] {0, 250}) {
                double seconds = run(strategy, Duration.ofMillis(trialMillis));
                System.out.printf(Locale.ROOT, "| %s, 20 jobs, 4 parallel, trials of %d ms | %.2f s | %s |%n", strategy,
                        trialMillis, seconds, trialMillis == 0 ? "" : "ideal 1.25 s");
            }
        }
        System.out.printf(Locale.ROOT, "| Bayesian, 20 jobs, 4 parallel, real XGBoost (2,000 rows x 3, 50 rounds), "
                + "default timings | %.2f s | < 60 s |%n", realXgboost());
    }

    /** The emulator as a lab gets it (default training timings), tuning built-in XGBoost on data in its S3. */
    private static double realXgboost() {
        try (Emulator emulator = Emulator.builder().port(0).build().start()) {
            StaticCredentialsProvider credentials = StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(emulator.getAccessKey(), emulator.getSecretKey()));
            try (S3Client s3 = S3Client.builder().endpointOverride(emulator.getEndpoint()).forcePathStyle(true)
                    .region(Region.of(emulator.getRegion())).credentialsProvider(credentials).build();
                    SageMakerClient sagemaker = SageMakerClient.builder().endpointOverride(emulator.getEndpoint())
                            .region(Region.of(emulator.getRegion())).credentialsProvider(credentials).build()) {
                s3.createBucket(b -> b.bucket("bench"));
                s3.putObject(p -> p.bucket("bench").key("train/train.csv"), RequestBody.fromString(rows(2000, 1)));
                s3.putObject(p -> p.bucket("bench").key("validation/validation.csv"), RequestBody.fromString(rows(500, 2)));
                long start = System.nanoTime();
                sagemaker.createHyperParameterTuningJob(r -> r.hyperParameterTuningJobName("bench")
                        .hyperParameterTuningJobConfig(c -> c.strategy("Bayesian")
                                .hyperParameterTuningJobObjective(o -> o.type("Minimize").metricName("validation:rmse"))
                                .resourceLimits(l -> l.maxNumberOfTrainingJobs(20).maxParallelTrainingJobs(4))
                                .parameterRanges(p -> p
                                        .continuousParameterRanges(
                                                c1 -> c1.name("eta").minValue("0.02").maxValue("0.5").scalingType("Logarithmic"),
                                                c2 -> c2.name("subsample").minValue("0.5").maxValue("1"),
                                                c3 -> c3.name("min_child_weight").minValue("1").maxValue("10"))
                                        .integerParameterRanges(i -> i.name("max_depth").minValue("2").maxValue("8"))))
                        .trainingJobDefinition(d -> d.staticHyperParameters(Map.of("num_round", "50"))
                                .algorithmSpecification(a -> a.trainingInputMode("File").trainingImage(
                                        "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1"))
                                .roleArn("arn:aws:iam::000000000000:role/Bench")
                                .inputDataConfig(
                                        c -> c.channelName("train").contentType("text/csv").dataSource(ds -> ds
                                                .s3DataSource(x -> x.s3DataType("S3Prefix").s3Uri("s3://bench/train/"))),
                                        c -> c.channelName("validation").contentType("text/csv").dataSource(ds -> ds
                                                .s3DataSource(x -> x.s3DataType("S3Prefix").s3Uri("s3://bench/validation/"))))
                                .outputDataConfig(o -> o.s3OutputPath("s3://bench/out"))
                                .resourceConfig(rc -> rc.instanceType("ml.m5.large").instanceCount(1).volumeSizeInGB(10))
                                .stoppingCondition(x -> x.maxRuntimeInSeconds(3600))));
                while (sagemaker.describeHyperParameterTuningJob(r -> r.hyperParameterTuningJobName("bench"))
                        .hyperParameterTuningJobStatus() == HyperParameterTuningJobStatus.IN_PROGRESS) {
                    Thread.sleep(20);
                }
                return (System.nanoTime() - start) / 1e9;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A regression with a non-linear signal; label first, no header. */
    private static String rows(int count, long seed) {
        java.util.Random random = new java.util.Random(seed);
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

    private static double run(String strategy, Duration trial) {
        TimedTrainingJobs jobs = new TimedTrainingJobs(trial);
        try (Emulator emulator = Emulator.builder().port(0).service(e -> new Service(jobs, e)).build().start();
                SageMakerClient sagemaker = SageMakerClient.builder().endpointOverride(emulator.getEndpoint())
                        .region(Region.of(emulator.getRegion())).credentialsProvider(StaticCredentialsProvider.create(
                                AwsBasicCredentials.create(emulator.getAccessKey(), emulator.getSecretKey()))).build()) {
            long start = System.nanoTime();
            sagemaker.createHyperParameterTuningJob(r -> r.hyperParameterTuningJobName("bench")
                    .hyperParameterTuningJobConfig(c -> c.strategy(strategy)
                            .hyperParameterTuningJobObjective(o -> o.type("Minimize").metricName("validation:rmse"))
                            .resourceLimits(l -> l.maxNumberOfTrainingJobs(20).maxParallelTrainingJobs(4))
                            .parameterRanges(p -> p
                                    .continuousParameterRanges(
                                            c1 -> c1.name("eta").minValue("0.01").maxValue("1").scalingType("Logarithmic"),
                                            c2 -> c2.name("subsample").minValue("0.5").maxValue("1"),
                                            c3 -> c3.name("min_child_weight").minValue("1").maxValue("10"))
                                    .integerParameterRanges(i -> i.name("max_depth").minValue("2").maxValue("10"))))
                    .trainingJobDefinition(d -> d
                            .algorithmSpecification(a -> a.trainingImage("bench:1").trainingInputMode("File")
                                    .metricDefinitions(m -> m.name("validation:rmse").regex("rmse=(.*)")))
                            .roleArn("arn:aws:iam::000000000000:role/Bench")
                            .outputDataConfig(o -> o.s3OutputPath("s3://bench/out"))
                            .stoppingCondition(s -> s.maxRuntimeInSeconds(3600))));
            while (sagemaker.describeHyperParameterTuningJob(r -> r.hyperParameterTuningJobName("bench"))
                    .hyperParameterTuningJobStatus() == HyperParameterTuningJobStatus.IN_PROGRESS) {
                Thread.sleep(5);
            }
            return (System.nanoTime() - start) / 1e9;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Training jobs that end after a fixed time with an objective that is a smooth function of eta and max_depth. */
    private static final class TimedTrainingJobs implements TrainingJobs {
        private final Duration duration;
        private final Map<String, View> started = new ConcurrentHashMap<>();

        TimedTrainingJobs(Duration duration) {
            this.duration = duration;
        }

        @Override
        public void start(String region, ObjectNode request, String tuningJob) {
            String name = request.path("TrainingJobName").asText();
            double eta = Math.log10(request.path("HyperParameters").path("eta").asDouble()) + 1;
            double depth = (request.path("HyperParameters").path("max_depth").asDouble() - 6) / 4;
            Instant now = Instant.now();
            started.put(name, new View(name, "arn:" + name, "InProgress", Optional.empty(), Map.of(),
                    Map.of("validation:rmse", eta * eta + depth * depth), now, now, null));
        }

        @Override
        public Optional<View> find(String region, String name) {
            View view = started.get(name);
            if (view == null || Instant.now().isBefore(view.start().plus(duration))) {
                return Optional.ofNullable(view).map(v -> new View(v.name(), v.arn(), v.status(), v.failureReason(),
                        v.hyperParameters(), Map.of(), v.created(), v.start(), null));
            }
            return Optional.of(new View(view.name(), view.arn(), "Completed", Optional.empty(), view.hyperParameters(),
                    view.finalMetrics(), view.created(), view.start(), view.start().plus(duration)));
        }

        @Override
        public void stop(String region, String name) {
        }
    }

    private static final class Service implements AwsService {
        private final TuningOperations tuning;
        private final JsonProtocolService protocol;

        Service(TrainingJobs jobs, Emulator emulator) {
            tuning = new TuningOperations(jobs, new ResourceTags(emulator.stateStore()), emulator.stateStore(),
                    Clock.systemUTC(), image -> Optional.empty(), Duration.ofMillis(20));
            JsonProtocolService.Builder builder = JsonProtocolService.builder("sagemaker");
        tuning.register(builder);
        protocol = builder.build();
        }

        @Override
        public String signingName() {
            return "sagemaker";
        }

        @Override
        public Protocol protocol() {
            return Protocol.JSON;
        }

        @Override
        public AwsResponse handle(AwsRequest request) {
            return protocol.handle(request);
        }

        @Override
        public void close() {
            tuning.close();
        }
    }
}

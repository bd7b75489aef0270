package io.labrunner.emulator.sagemaker.tuning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.labrunner.emulator.Emulator;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.CategoricalParameterRange;
import software.amazon.awssdk.services.sagemaker.model.ContinuousParameterRange;
import software.amazon.awssdk.services.sagemaker.model.CreateHyperParameterTuningJobRequest;
import software.amazon.awssdk.services.sagemaker.model.DescribeHyperParameterTuningJobResponse;
import software.amazon.awssdk.services.sagemaker.model.HyperParameterScalingType;
import software.amazon.awssdk.services.sagemaker.model.HyperParameterTrainingJobSummary;
import software.amazon.awssdk.services.sagemaker.model.HyperParameterTuningJobConfig;
import software.amazon.awssdk.services.sagemaker.model.HyperParameterTuningJobStatus;
import software.amazon.awssdk.services.sagemaker.model.IntegerParameterRange;
import software.amazon.awssdk.services.sagemaker.model.ParameterRanges;
import software.amazon.awssdk.services.sagemaker.model.ResourceInUseException;
import software.amazon.awssdk.services.sagemaker.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;
import software.amazon.awssdk.services.sagemaker.model.TrainingJobEarlyStoppingType;
import software.amazon.awssdk.services.sagemaker.model.TrainingJobSortByOptions;
import software.amazon.awssdk.services.sagemaker.model.TrainingJobStatus;

/**
 * Tuning jobs through the AWS SDK for Java v2 against a started emulator, their trials run by fake
 * training jobs whose objective is a known smooth function of the hyperparameters plus noise.
 */
class TuningSdkTest {
    private static final String ROLE = "arn:aws:iam::000000000000:role/SageMakerRole";
    private static final Duration POLL = Duration.ofMillis(20);

    private Emulator emulator;
    private SageMakerClient sagemaker;

    private FakeTrainingJobs fake(Duration duration, double curveGap) {
        return new FakeTrainingJobs("validation:rmse", SearchStrategyTest::bowl, duration, 0.01, curveGap);
    }

    private void start(FakeTrainingJobs fake, Path dataDir) {
        emulator = Emulator.builder().port(0).dataDir(dataDir)
                .service(e -> new TuningTestService(fake, e.stateStore(), POLL)).build().start();
        sagemaker = SageMakerClient.builder().endpointOverride(emulator.getEndpoint())
                .region(Region.of(emulator.getRegion()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(emulator.getAccessKey(), emulator.getSecretKey())))
                .build();
    }

    private void start(FakeTrainingJobs fake) {
        start(fake, null);
    }

    private void restart(FakeTrainingJobs fake, Path dataDir) {
        sagemaker.close();
        emulator.close();
        start(fake, dataDir);
    }

    @AfterEach
    void stop() {
        if (sagemaker != null) {
            sagemaker.close();
        }
        if (emulator != null) {
            emulator.close();
        }
    }

    private static final ParameterRanges BOWL = ParameterRanges.builder()
            .continuousParameterRanges(
                    ContinuousParameterRange.builder().name("eta").minValue("0.001").maxValue("1")
                            .scalingType(HyperParameterScalingType.LOGARITHMIC).build(),
                    ContinuousParameterRange.builder().name("subsample").minValue("0.5").maxValue("1").build())
            .integerParameterRanges(IntegerParameterRange.builder().name("max_depth").minValue("1").maxValue("10").build())
            .build();

    /** A tuning job of the bowl, minimising validation:rmse of the built-in image; {@code change} adjusts it. */
    private static CreateHyperParameterTuningJobRequest request(String name, String strategy, int maxJobs, int parallel,
            Consumer<HyperParameterTuningJobConfig.Builder> change) {
        HyperParameterTuningJobConfig.Builder config = HyperParameterTuningJobConfig.builder().strategy(strategy)
                .hyperParameterTuningJobObjective(o -> o.type("Minimize").metricName("validation:rmse"))
                .resourceLimits(l -> l.maxNumberOfTrainingJobs(maxJobs).maxParallelTrainingJobs(parallel))
                .parameterRanges(BOWL).randomSeed(11);
        change.accept(config);
        return CreateHyperParameterTuningJobRequest.builder().hyperParameterTuningJobName(name)
                .hyperParameterTuningJobConfig(config.build())
                .trainingJobDefinition(d -> d.staticHyperParameters(Map.of("num_round", "50", "objective", "reg:squarederror"))
                        .algorithmSpecification(a -> a.trainingImage(TuningTestService.BUILT_IN_IMAGE).trainingInputMode("File"))
                        .roleArn(ROLE)
                        .inputDataConfig(c -> c.channelName("train").dataSource(s -> s.s3DataSource(
                                s3 -> s3.s3DataType("S3Prefix").s3Uri("s3://bucket/train/"))).contentType("text/csv"))
                        .outputDataConfig(o -> o.s3OutputPath("s3://bucket/output"))
                        .resourceConfig(r -> r.instanceType("ml.m5.large").instanceCount(1).volumeSizeInGB(10))
                        .stoppingCondition(s -> s.maxRuntimeInSeconds(3600)))
                .tags(t -> t.key("lab:run-id").value("r1"))
                .build();
    }

    private DescribeHyperParameterTuningJobResponse awaitEnd(String name) {
        Instant deadline = Instant.now().plusSeconds(60);
        while (true) {
            DescribeHyperParameterTuningJobResponse job = sagemaker.describeHyperParameterTuningJob(r -> r.hyperParameterTuningJobName(name));
            HyperParameterTuningJobStatus status = job.hyperParameterTuningJobStatus();
            if (status != HyperParameterTuningJobStatus.IN_PROGRESS && status != HyperParameterTuningJobStatus.STOPPING) {
                return job;
            }
            assertThat(Instant.now()).as("tuning job %s still %s", name, status).isBefore(deadline);
            sleep(20);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private List<HyperParameterTrainingJobSummary> trials(String name) {
        return sagemaker.listTrainingJobsForHyperParameterTuningJobPaginator(r -> r.hyperParameterTuningJobName(name))
                .trainingJobSummaries().stream().toList();
    }

    @Test
    void aBayesianTuningJobRunsItsBudgetAndNamesItsBestTrainingJob() {
        FakeTrainingJobs fake = fake(Duration.ofMillis(40), 0);
        start(fake);
        String arn = sagemaker.createHyperParameterTuningJob(request("churn-tune", "Bayesian", 10, 2, c -> { }))
                .hyperParameterTuningJobArn();
        assertThat(arn).isEqualTo("arn:aws:sagemaker:us-east-1:000000000000:hyper-parameter-tuning-job/churn-tune");
        DescribeHyperParameterTuningJobResponse running = sagemaker.describeHyperParameterTuningJob(
                r -> r.hyperParameterTuningJobName("churn-tune"));
        assertThat(running.hyperParameterTuningJobStatus()).isEqualTo(HyperParameterTuningJobStatus.IN_PROGRESS);
        assertThat(running.hyperParameterTuningEndTime()).isNull();

        DescribeHyperParameterTuningJobResponse done = awaitEnd("churn-tune");
        assertThat(done.hyperParameterTuningJobStatus()).isEqualTo(HyperParameterTuningJobStatus.COMPLETED);
        assertThat(done.trainingJobStatusCounters().completed()).isEqualTo(10);
        assertThat(done.trainingJobStatusCounters().inProgress()).isZero();
        assertThat(done.objectiveStatusCounters().succeeded()).isEqualTo(10);
        assertThat(done.hyperParameterTuningEndTime()).isAfterOrEqualTo(done.creationTime());
        assertThat(done.hyperParameterTuningJobConfig().strategyAsString()).isEqualTo("Bayesian");
        assertThat(done.trainingJobDefinition().staticHyperParameters()).containsEntry("num_round", "50");
        assertThat(done.consumedResources().runtimeInSeconds()).isNotNegative();
        assertThat(done.tuningJobCompletionDetails().numberOfTrainingJobsObjectiveNotImproving()).isBetween(0, 9);

        List<HyperParameterTrainingJobSummary> trials = trials("churn-tune");
        assertThat(trials).hasSize(10);
        for (HyperParameterTrainingJobSummary trial : trials) {
            assertThat(trial.trainingJobName()).matches("churn-tune-0(0[1-9]|10)-[0-9a-f]{8}");
            assertThat(trial.tunedHyperParameters()).containsOnlyKeys("eta", "subsample", "max_depth");
            assertThat(trial.tuningJobName()).isEqualTo("churn-tune");
            assertThat(trial.objectiveStatusAsString()).isEqualTo("Succeeded");
        }
        HyperParameterTrainingJobSummary best = trials.stream()
                .min((a, b) -> Float.compare(a.finalHyperParameterTuningJobObjectiveMetric().value(),
                        b.finalHyperParameterTuningJobObjectiveMetric().value())).orElseThrow();
        assertThat(done.bestTrainingJob().trainingJobName()).isEqualTo(best.trainingJobName());
        assertThat(done.bestTrainingJob().finalHyperParameterTuningJobObjectiveMetric().metricName())
                .isEqualTo("validation:rmse");

        // Each trial is the definition plus its tuned values, and the objective for the built-in container.
        assertThat(fake.requests).hasSize(10);
        var first = fake.requests.get(0);
        assertThat(first.path("HyperParameters").path("num_round").asText()).isEqualTo("50");
        assertThat(first.path("HyperParameters").path("_tuning_objective_metric").asText()).isEqualTo("validation:rmse");
        assertThat(first.path("RoleArn").asText()).isEqualTo(ROLE);
        assertThat(first.path("AlgorithmSpecification").path("TrainingImage").asText())
                .isEqualTo(TuningTestService.BUILT_IN_IMAGE);
    }

    @Test
    void neverMoreTrainingJobsRunAtOnceThanMaxParallelTrainingJobs() {
        FakeTrainingJobs fake = fake(Duration.ofMillis(60), 0);
        start(fake);
        sagemaker.createHyperParameterTuningJob(request("wide", "Random", 12, 3, c -> { }));
        sagemaker.createHyperParameterTuningJob(request("narrow", "Bayesian", 6, 1, c -> { }));
        assertThat(awaitEnd("wide").trainingJobStatusCounters().completed()).isEqualTo(12);
        assertThat(awaitEnd("narrow").trainingJobStatusCounters().completed()).isEqualTo(6);
        // Both jobs ran side by side: at most 3 + 1 at once, and the limit was actually reached.
        assertThat(fake.maxInFlight()).isBetween(3, 4);
        assertThat(fake.started()).isEqualTo(18);
    }

    @Test
    void gridSearchLaunchesEachCombinationOfCategoricalValuesOnce() {
        FakeTrainingJobs fake = new FakeTrainingJobs("validation:rmse",
                hp -> hp.get("booster").length() + Double.parseDouble(hp.get("max_depth")), Duration.ofMillis(20), 0, 0);
        start(fake);
        ParameterRanges grid = ParameterRanges.builder().categoricalParameterRanges(
                CategoricalParameterRange.builder().name("booster").values("gbtree", "dart").build(),
                CategoricalParameterRange.builder().name("max_depth").values("3", "6", "9").build()).build();
        sagemaker.createHyperParameterTuningJob(request("grid", "Grid", 6, 2, c -> c.parameterRanges(grid)).toBuilder()
                .hyperParameterTuningJobConfig(request("grid", "Grid", 6, 2, c -> c.parameterRanges(grid))
                        .hyperParameterTuningJobConfig().toBuilder().resourceLimits(l -> l.maxParallelTrainingJobs(2)).build())
                .build());
        DescribeHyperParameterTuningJobResponse done = awaitEnd("grid");
        assertThat(done.trainingJobStatusCounters().completed()).isEqualTo(6);
        Set<Map<String, String>> combinations = trials("grid").stream()
                .map(HyperParameterTrainingJobSummary::tunedHyperParameters).collect(Collectors.toSet());
        assertThat(combinations).hasSize(6);
        assertThat(combinations).contains(Map.of("booster", "dart", "max_depth", "3"),
                Map.of("booster", "gbtree", "max_depth", "9"));
        assertThat(done.bestTrainingJob().tunedHyperParameters()).isEqualTo(Map.of("booster", "dart", "max_depth", "3"));

        assertThatThrownBy(() -> sagemaker.createHyperParameterTuningJob(
                request("grid-five", "Grid", 5, 2, c -> c.parameterRanges(grid))))
                .isInstanceOf(SageMakerException.class)
                .hasMessageContaining("MaxNumberOfTrainingJobs [5] must equal the number of distinct combinations")
                .hasMessageContaining("[6]");
        assertThatThrownBy(() -> sagemaker.createHyperParameterTuningJob(request("grid-int", "Grid", 6, 2, c -> { })))
                .isInstanceOf(SageMakerException.class)
                .hasMessageContaining("The Grid strategy supports only categorical hyperparameter ranges");
    }

    @Test
    void stoppingATuningJobStopsItsTrainingJobsAndLaunchesNoMore() {
        FakeTrainingJobs fake = fake(Duration.ofSeconds(30), 0);
        start(fake);
        sagemaker.createHyperParameterTuningJob(request("to-stop", "Random", 10, 3, c -> { }));
        Instant deadline = Instant.now().plusSeconds(10);
        while (fake.started() < 3) {
            assertThat(Instant.now()).isBefore(deadline);
            sleep(10);
        }
        sagemaker.stopHyperParameterTuningJob(r -> r.hyperParameterTuningJobName("to-stop"));
        DescribeHyperParameterTuningJobResponse stopped = awaitEnd("to-stop");
        assertThat(stopped.hyperParameterTuningJobStatus()).isEqualTo(HyperParameterTuningJobStatus.STOPPED);
        assertThat(stopped.trainingJobStatusCounters().stopped()).isEqualTo(3);
        assertThat(stopped.hyperParameterTuningEndTime()).isNotNull();
        sleep(100);
        assertThat(fake.started()).isEqualTo(3);
        assertThatThrownBy(() -> sagemaker.stopHyperParameterTuningJob(r -> r.hyperParameterTuningJobName("to-stop")))
                .isInstanceOf(SageMakerException.class).hasMessageContaining("in status Stopped");
    }

    @Test
    void requestsAwsWouldRefuseAreRefusedWithItsWordingAndChangeNothing() {
        start(fake(Duration.ofMillis(20), 0));
        ParameterRanges logFromZero = ParameterRanges.builder().continuousParameterRanges(ContinuousParameterRange
                .builder().name("alpha").minValue("0").maxValue("10").scalingType("Logarithmic").build()).build();
        assertThatThrownBy(() -> sagemaker.createHyperParameterTuningJob(
                request("bad-log", "Bayesian", 4, 1, c -> c.parameterRanges(logFromZero))))
                .isInstanceOf(SageMakerException.class)
                .hasMessageContaining("Logarithmic scaling works only for ranges that have only values greater than 0");
        ParameterRanges reverseToOne = ParameterRanges.builder().continuousParameterRanges(ContinuousParameterRange
                .builder().name("momentum").minValue("0.5").maxValue("1").scalingType("ReverseLogarithmic").build()).build();
        assertThatThrownBy(() -> sagemaker.createHyperParameterTuningJob(
                request("bad-rlog", "Bayesian", 4, 1, c -> c.parameterRanges(reverseToOne))))
                .isInstanceOf(SageMakerException.class)
                .hasMessageContaining("Reverse logarithmic scaling works only for ranges that are entirely within the range 0<=x<1.0");
        assertThatThrownBy(() -> sagemaker.createHyperParameterTuningJob(request("bad-metric", "Bayesian", 4, 1,
                c -> c.hyperParameterTuningJobObjective(o -> o.type("Minimize").metricName("validation:mae")))))
                .isInstanceOf(SageMakerException.class)
                .hasMessageContaining("The objective metric for the hyperparameter tuning job, [validation:mae], isn't valid");
        CreateHyperParameterTuningJobRequest custom = request("custom", "Bayesian", 4, 1, c -> { });
        SageMakerException noMetric = refusal(() -> sagemaker.createHyperParameterTuningJob(custom.toBuilder()
                .trainingJobDefinition(custom.trainingJobDefinition().toBuilder().algorithmSpecification(a -> a
                        .trainingImage("123456789012.dkr.ecr.us-east-1.amazonaws.com/mine:1").trainingInputMode("File"))
                        .build()).build()));
        assertThat(noMetric.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
        assertThat(noMetric.awsErrorDetails().errorMessage()).isEqualTo("A metric is required for this hyperparameter "
                + "tuning job objective. Provide a metric in the metric definitions.");
        assertThatThrownBy(() -> sagemaker.createHyperParameterTuningJob(request("too-wide", "Random", 2, 3, c -> { })))
                .isInstanceOf(SageMakerException.class)
                .hasMessageContaining("MaxParallelTrainingJobs [3] must be less than or equal to MaxNumberOfTrainingJobs [2]");
        ParameterRanges notANumber = ParameterRanges.builder().continuousParameterRanges(ContinuousParameterRange
                .builder().name("eta").minValue("low").maxValue("1").build()).build();
        assertThatThrownBy(() -> sagemaker.createHyperParameterTuningJob(
                request("nan", "Random", 4, 1, c -> c.parameterRanges(notANumber))))
                .isInstanceOf(SageMakerException.class)
                .hasMessageContaining("The MinValue [low] of hyperparameter [eta] is not a number.");
        ParameterRanges twice = ParameterRanges.builder()
                .continuousParameterRanges(ContinuousParameterRange.builder().name("eta").minValue("0.1").maxValue("1").build())
                .categoricalParameterRanges(CategoricalParameterRange.builder().name("eta").values("0.1", "0.2").build())
                .build();
        assertThatThrownBy(() -> sagemaker.createHyperParameterTuningJob(
                request("dup", "Random", 4, 1, c -> c.parameterRanges(twice))))
                .isInstanceOf(SageMakerException.class).hasMessageContaining("[eta] is specified in more than one");
        ParameterRanges staticToo = ParameterRanges.builder().integerParameterRanges(
                IntegerParameterRange.builder().name("num_round").minValue("10").maxValue("100").build()).build();
        assertThatThrownBy(() -> sagemaker.createHyperParameterTuningJob(
                request("both", "Random", 4, 1, c -> c.parameterRanges(staticToo))))
                .isInstanceOf(SageMakerException.class)
                .hasMessageContaining("[num_round] is specified both as a static hyperparameter and in a parameter range");
        assertThatThrownBy(() -> sagemaker.createHyperParameterTuningJob(request("hyperband", "Hyperband", 4, 1, c -> { })))
                .isInstanceOf(SageMakerException.class).hasMessageContaining("does not run the Hyperband strategy");
        assertThatThrownBy(() -> sagemaker.describeHyperParameterTuningJob(r -> r.hyperParameterTuningJobName("nope")))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining("Amazon SageMaker can't find a tuning job with name nope");
        assertThat(sagemaker.listHyperParameterTuningJobs(r -> { }).hyperParameterTuningJobSummaries()).isEmpty();

        sagemaker.createHyperParameterTuningJob(request("twice", "Random", 2, 1, c -> { }));
        assertThatThrownBy(() -> sagemaker.createHyperParameterTuningJob(request("twice", "Random", 2, 1, c -> { })))
                .isInstanceOf(ResourceInUseException.class)
                .hasMessageContaining("a hyperparameter tuning job with this name already exists");
    }

    /** The exception {@code call} fails with. */
    private static SageMakerException refusal(Runnable call) {
        try {
            call.run();
        } catch (SageMakerException e) {
            return e;
        }
        throw new AssertionError("expected a refusal");
    }

    @Test
    void trainingJobsListSortedByTheirFinalObjectiveValueInPages() {
        start(fake(Duration.ofMillis(20), 0));
        sagemaker.createHyperParameterTuningJob(request("sorted", "Random", 9, 3, c -> { }));
        awaitEnd("sorted");
        List<Float> ascending = sagemaker.listTrainingJobsForHyperParameterTuningJobPaginator(r -> r
                        .hyperParameterTuningJobName("sorted").sortBy(TrainingJobSortByOptions.FINAL_OBJECTIVE_METRIC_VALUE)
                        .maxResults(4)).trainingJobSummaries().stream()
                .map(s -> s.finalHyperParameterTuningJobObjectiveMetric().value()).toList();
        assertThat(ascending).hasSize(9).isSorted();
        var firstPage = sagemaker.listTrainingJobsForHyperParameterTuningJob(r -> r.hyperParameterTuningJobName("sorted")
                .sortBy(TrainingJobSortByOptions.FINAL_OBJECTIVE_METRIC_VALUE).sortOrder("Descending").maxResults(4));
        assertThat(firstPage.trainingJobSummaries()).hasSize(4);
        assertThat(firstPage.nextToken()).isNotNull();
        assertThat(firstPage.trainingJobSummaries().get(0).finalHyperParameterTuningJobObjectiveMetric().value())
                .isEqualTo(ascending.get(8));
        assertThat(sagemaker.listTrainingJobsForHyperParameterTuningJob(r -> r.hyperParameterTuningJobName("sorted")
                .statusEquals(TrainingJobStatus.FAILED)).trainingJobSummaries()).isEmpty();
        assertThatThrownBy(() -> sagemaker.listTrainingJobsForHyperParameterTuningJob(r -> r
                .hyperParameterTuningJobName("sorted").nextToken("garbage")))
                .isInstanceOf(SageMakerException.class).hasMessageContaining("Invalid pagination token");
    }

    @Test
    void tuningJobsListByNameStatusAndCreationTime() {
        start(fake(Duration.ofSeconds(30), 0));
        sagemaker.createHyperParameterTuningJob(request("alpha-one", "Random", 2, 1, c -> { }));
        sleep(5);
        sagemaker.createHyperParameterTuningJob(request("beta-two", "Random", 2, 1, c -> { }));
        sleep(5);
        sagemaker.createHyperParameterTuningJob(request("alpha-three", "Random", 2, 1, c -> { }));
        sagemaker.stopHyperParameterTuningJob(r -> r.hyperParameterTuningJobName("beta-two"));
        assertThat(sagemaker.listHyperParameterTuningJobs(r -> r.nameContains("ALPHA")).hyperParameterTuningJobSummaries())
                .extracting(s -> s.hyperParameterTuningJobName()).containsExactly("alpha-one", "alpha-three");
        assertThat(sagemaker.listHyperParameterTuningJobs(r -> r.sortBy("CreationTime").sortOrder("Descending"))
                .hyperParameterTuningJobSummaries()).extracting(s -> s.hyperParameterTuningJobName())
                .containsExactly("alpha-three", "beta-two", "alpha-one");
        awaitEnd("beta-two");
        assertThat(sagemaker.listHyperParameterTuningJobs(r -> r.statusEquals("Stopped")).hyperParameterTuningJobSummaries())
                .singleElement().satisfies(s -> {
                    assertThat(s.hyperParameterTuningJobName()).isEqualTo("beta-two");
                    assertThat(s.strategyAsString()).isEqualTo("Random");
                    assertThat(s.resourceLimits().maxParallelTrainingJobs()).isEqualTo(1);
                });
        assertThat(sagemaker.listHyperParameterTuningJobsPaginator(r -> r.maxResults(1)).hyperParameterTuningJobSummaries()
                .stream().count()).isEqualTo(3);
    }

    @Test
    void earlyStoppingAutoStopsTrialsWorseThanTheMedianAtTheSamePoint() {
        FakeTrainingJobs fake = fake(Duration.ofMillis(400), 0.5);
        start(fake);
        sagemaker.createHyperParameterTuningJob(request("early", "Random", 16, 2,
                c -> c.trainingJobEarlyStoppingType(TrainingJobEarlyStoppingType.AUTO)));
        sagemaker.createHyperParameterTuningJob(request("no-early", "Random", 16, 2, c -> { }));
        DescribeHyperParameterTuningJobResponse early = awaitEnd("early");
        DescribeHyperParameterTuningJobResponse off = awaitEnd("no-early");
        assertThat(off.trainingJobStatusCounters().stopped()).isZero();
        assertThat(early.hyperParameterTuningJobStatus()).isEqualTo(HyperParameterTuningJobStatus.COMPLETED);
        assertThat(early.trainingJobStatusCounters().stopped()).isPositive();
        assertThat(early.trainingJobStatusCounters().completed() + early.trainingJobStatusCounters().stopped())
                .isEqualTo(16);
        // Every stopped trial was on course to end worse than the best trial that ran to completion.
        double bestCompleted = trials("early").stream().filter(t -> t.trainingJobStatus() == TrainingJobStatus.COMPLETED)
                .mapToDouble(t -> t.finalHyperParameterTuningJobObjectiveMetric().value()).min().orElseThrow();
        trials("early").stream().filter(t -> t.trainingJobStatus() == TrainingJobStatus.STOPPED)
                .forEach(t -> assertThat(SearchStrategyTest.bowl(t.tunedHyperParameters())).isGreaterThan(bestCompleted - 0.05));
    }

    @Test
    void aTargetObjectiveValueEndsTheTuningJobBeforeItsBudget() {
        start(fake(Duration.ofMillis(20), 0));
        sagemaker.createHyperParameterTuningJob(request("target", "Bayesian", 40, 1,
                c -> c.tuningJobCompletionCriteria(t -> t.targetObjectiveMetricValue(0.5f))));
        DescribeHyperParameterTuningJobResponse done = awaitEnd("target");
        assertThat(done.hyperParameterTuningJobStatus()).isEqualTo(HyperParameterTuningJobStatus.COMPLETED);
        assertThat(done.bestTrainingJob().finalHyperParameterTuningJobObjectiveMetric().value()).isLessThanOrEqualTo(0.5f);
        assertThat(done.trainingJobStatusCounters().completed()).isLessThan(40);
    }

    @Test
    void aTuningJobWhoseTrialsAllFailEndsFailedWithAwsReason() {
        FakeTrainingJobs fake = fake(Duration.ofMillis(20), 0);
        fake.failWhenValue = "reg:squarederror";
        start(fake);
        sagemaker.createHyperParameterTuningJob(request("doomed", "Random", 20, 2, c -> { }));
        DescribeHyperParameterTuningJobResponse done = awaitEnd("doomed");
        assertThat(done.hyperParameterTuningJobStatus()).isEqualTo(HyperParameterTuningJobStatus.FAILED);
        assertThat(done.failureReason()).isEqualTo(Tuner.ALL_FAILED);
        assertThat(done.trainingJobStatusCounters().nonRetryableError()).isBetween(5, 6);
        assertThat(done.objectiveStatusCounters().failed()).isEqualTo(done.trainingJobStatusCounters().nonRetryableError());
        assertThat(done.bestTrainingJob()).isNull();
        assertThat(trials("doomed").get(0).failureReason()).contains("AlgorithmError");
    }

    @Test
    void warmStartBuildsOnAParentJobsTrials() {
        FakeTrainingJobs fake = fake(Duration.ofSeconds(2), 0);
        start(fake);
        sagemaker.createHyperParameterTuningJob(request("parent", "Random", 12, 3, c -> { }));
        assertThatThrownBy(() -> sagemaker.createHyperParameterTuningJob(request("child", "Bayesian", 4, 1, c -> { })
                .toBuilder().warmStartConfig(w -> w.warmStartType("TransferLearning")
                        .parentHyperParameterTuningJobs(p -> p.hyperParameterTuningJobName("parent"))).build()))
                .isInstanceOf(SageMakerException.class).hasMessageContaining("a parent must have ended");
        fake.duration = Duration.ofMillis(20);
        awaitEnd("parent");
        sagemaker.createHyperParameterTuningJob(request("child", "Bayesian", 4, 1, c -> { }).toBuilder()
                .warmStartConfig(w -> w.warmStartType("IdenticalDataAndAlgorithm")
                        .parentHyperParameterTuningJobs(p -> p.hyperParameterTuningJobName("parent"))).build());
        DescribeHyperParameterTuningJobResponse child = awaitEnd("child");
        assertThat(child.warmStartConfig().warmStartTypeAsString()).isEqualTo("IdenticalDataAndAlgorithm");
        assertThat(child.trainingJobStatusCounters().completed()).isEqualTo(4);
        assertThatThrownBy(() -> sagemaker.createHyperParameterTuningJob(request("orphan", "Bayesian", 4, 1, c -> { })
                .toBuilder().warmStartConfig(w -> w.warmStartType("TransferLearning")
                        .parentHyperParameterTuningJobs(p -> p.hyperParameterTuningJobName("ghost"))).build()))
                .isInstanceOf(SageMakerException.class).hasMessageContaining("[ghost] does not exist");
    }

    @Test
    void tuningJobsSurviveARestartAndARunInterruptedByItEndsFailedWithTheReason(@TempDir Path dataDir) {
        FakeTrainingJobs first = fake(Duration.ofMillis(20), 0);
        start(first, dataDir);
        sagemaker.createHyperParameterTuningJob(request("finished", "Random", 4, 2, c -> { }));
        DescribeHyperParameterTuningJobResponse before = awaitEnd("finished");
        first.duration = Duration.ofSeconds(60);
        sagemaker.createHyperParameterTuningJob(request("interrupted", "Random", 4, 2, c -> { }));
        FakeTrainingJobs slow = fake(Duration.ofSeconds(60), 0);
        restart(slow, dataDir);
        DescribeHyperParameterTuningJobResponse after = sagemaker.describeHyperParameterTuningJob(
                r -> r.hyperParameterTuningJobName("finished"));
        assertThat(after.hyperParameterTuningJobStatus()).isEqualTo(HyperParameterTuningJobStatus.COMPLETED);
        assertThat(after.bestTrainingJob()).isEqualTo(before.bestTrainingJob());
        assertThat(trials("finished")).hasSize(4);
        DescribeHyperParameterTuningJobResponse interrupted = sagemaker.describeHyperParameterTuningJob(
                r -> r.hyperParameterTuningJobName("interrupted"));
        assertThat(interrupted.hyperParameterTuningJobStatus()).isEqualTo(HyperParameterTuningJobStatus.FAILED);
        assertThat(interrupted.failureReason()).contains("The emulator restarted while this tuning job was in progress");
        assertThat(interrupted.hyperParameterTuningEndTime()).isNotNull();
        sleep(100);
        assertThat(slow.started()).isZero();
    }

    @Test
    void endToEndBayesianSearchBeatsRandomSearchOnAverage() {
        start(fake(Duration.ofMillis(20), 0));
        int seeds = 4;
        for (int seed = 1; seed <= seeds; seed++) {
            int s = seed;
            sagemaker.createHyperParameterTuningJob(request("bayes-" + seed, "Bayesian", 16, 2, c -> c.randomSeed(s)));
            sagemaker.createHyperParameterTuningJob(request("random-" + seed, "Random", 16, 2, c -> c.randomSeed(s)));
        }
        double bayesian = 0;
        double random = 0;
        for (int seed = 1; seed <= seeds; seed++) {
            bayesian += SearchStrategyTest.bowl(awaitEnd("bayes-" + seed).bestTrainingJob().tunedHyperParameters());
            random += SearchStrategyTest.bowl(awaitEnd("random-" + seed).bestTrainingJob().tunedHyperParameters());
        }
        System.out.printf("Through the emulator, %d seeds x 16 trials, 2 in parallel: mean best %.4f (Bayesian) vs %.4f"
                + " (Random)%n", seeds, bayesian / seeds, random / seeds);
        assertThat(bayesian).isLessThan(random);
    }
}

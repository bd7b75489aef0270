package io.labrunner.labs.sagemakertuning;

import io.labrunner.core.Capability;
import io.labrunner.core.Check;
import io.labrunner.core.Lab;
import io.labrunner.core.LabContext;
import io.labrunner.core.LabInfo;
import io.labrunner.core.Resource;
import io.labrunner.core.RunNames;
import io.labrunner.labs.s3glueathena.LabBucket;
import io.labrunner.labs.sagemakerxgboost.Customers;
import io.labrunner.labs.sagemakerxgboost.SageMakerRole;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.DescribeHyperParameterTuningJobResponse;
import software.amazon.awssdk.services.sagemaker.model.HyperParameterTuningJobStatus;
import software.amazon.awssdk.services.sagemaker.model.HyperParameterTuningJobStrategyType;

/**
 * Automatic Model Tuning: the same XGBoost search — learning rate, tree depth, minimum child
 * weight, row subsampling — run twice under the same budget, once by Bayesian optimisation and
 * once at random, and compared on the best validation AUC each found and how many trials it took.
 *
 * <p>Setup provides the bucket, the churn data and the execution role; the learner runs both
 * tuning jobs, reads their trials and best training job, and writes the comparison.
 */
public final class SageMakerTuningLab implements Lab {
    static final String TRAIN = "data/train/";
    static final String VALIDATION = "data/validation/";
    static final String COMPARISON = "tuning/comparison.json";
    static final Map<HyperParameterTuningJobStrategyType, String> STRATEGIES = Map.of(
            HyperParameterTuningJobStrategyType.BAYESIAN, "bayesian",
            HyperParameterTuningJobStrategyType.RANDOM, "random");

    @Override
    public LabInfo info() {
        return new LabInfo(
                "sagemaker-tuning",
                "Tune XGBoost with Bayesian and with random search under the same budget, and compare",
                "Search learning rate, tree depth, minimum child weight and subsampling for the churn model twice:"
                        + " 12 training jobs, 3 at a time, once with the Bayesian strategy and once with Random."
                        + " Compare the best validation AUC each found and how soon, and read the best training job.",
                "2 ML Model Development",
                "2.2 Train and refine models",
                List.of("Amazon SageMaker", "Amazon S3", "AWS IAM"),
                40,
                "< $0.50",
                Set.of(Capability.S3, Capability.IAM, Capability.SAGEMAKER_TRAINING));
    }

    static String bucket(RunNames run) {
        return run.name("tuning");
    }

    static String role(RunNames run) {
        return run.name("sagemaker-role");
    }

    /** Tuning job names: at most 32 characters, so short suffixes. */
    static String tuningJob(RunNames run, HyperParameterTuningJobStrategyType strategy) {
        return run.name(STRATEGIES.get(strategy));
    }

    /** The guide's shell variables, in the order its steps use them. */
    @Override
    public Map<String, String> names(RunNames run) {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("BUCKET", bucket(run));
        names.put("ROLE", role(run));
        names.put("BAYESIAN_TUNING_JOB", tuningJob(run, HyperParameterTuningJobStrategyType.BAYESIAN));
        names.put("RANDOM_TUNING_JOB", tuningJob(run, HyperParameterTuningJobStrategyType.RANDOM));
        return names;
    }

    static String s3(RunNames run, String key) {
        return "s3://" + bucket(run) + "/" + key;
    }

    static String region(LabContext ctx) {
        return ctx.sageMaker().serviceClientConfiguration().region().id();
    }

    /** Bayesian first: the order of the guide and of the comparison table. */
    static List<HyperParameterTuningJobStrategyType> strategies() {
        return List.of(HyperParameterTuningJobStrategyType.BAYESIAN, HyperParameterTuningJobStrategyType.RANDOM);
    }

    @Override
    public void setup(LabContext ctx) throws Exception {
        String bucket = bucket(ctx);
        ctx.step("Create bucket " + bucket, () ->
                ctx.create(Resource.bucket(bucket), () -> LabBucket.create(ctx.s3(), bucket, ctx.tags())));
        Customers.Split data = Customers.dataset();
        ctx.step(String.format("Upload %,d training and %,d validation customers as CSV", data.train().size(),
                data.validation().size()), () -> {
                    LabBucket.putText(ctx.s3(), bucket, TRAIN + "train.csv", Customers.labelledCsv(data.train()), "text/csv");
                    LabBucket.putText(ctx.s3(), bucket, VALIDATION + "validation.csv",
                            Customers.labelledCsv(data.validation()), "text/csv");
                });
        ctx.step("Create execution role " + role(ctx) + " that SageMaker may assume", () ->
                ctx.create(Resource.role(role(ctx)), () -> SageMakerRole.create(ctx.iam(), role(ctx), bucket, ctx.tags())));
        ctx.step("Reserve names for the two tuning jobs", () -> strategies().forEach(s ->
                ctx.create(Resource.tuningJob(tuningJob(ctx, s)), () -> tuningJob(ctx, s))));
        ctx.note("bucket " + bucket + "   role " + role(ctx) + "   tuning jobs "
                + strategies().stream().map(s -> tuningJob(ctx, s)).collect(Collectors.joining(", ")));
    }

    @Override
    public void solve(LabContext ctx) throws Exception {
        SageMakerClient sageMaker = ctx.sageMaker();
        String roleArn = SageMakerRole.arn(ctx.iam(), role(ctx));
        for (HyperParameterTuningJobStrategyType strategy : strategies()) {
            String name = tuningJob(ctx, strategy);
            ctx.step("Start tuning job " + name + " (" + strategy + ", " + TuningSetup.MAX_JOBS + " jobs, "
                    + TuningSetup.MAX_PARALLEL + " at a time)", () ->
                    ctx.create(Resource.tuningJob(name), () -> SageMakerRole.whenAssumable(ctx, () ->
                            sageMaker.createHyperParameterTuningJob(TuningSetup.request(name, strategy, region(ctx), roleArn,
                                    s3(ctx, TRAIN), s3(ctx, VALIDATION), s3(ctx, "tuning/" + STRATEGIES.get(strategy) + "/"),
                                    ctx.tags())).hyperParameterTuningJobArn())));
        }
        ctx.step("Wait for both tuning jobs to finish", () -> {
            for (HyperParameterTuningJobStrategyType strategy : strategies()) {
                DescribeHyperParameterTuningJobResponse done = waitForTuningJob(ctx, tuningJob(ctx, strategy));
                ctx.note(String.format("%-8s %s: %s", strategy, done.hyperParameterTuningJobName(),
                        done.trainingJobStatusCounters()));
            }
        });
        Map<String, Comparison.Outcome> outcomes = new LinkedHashMap<>();
        ctx.step("Compare the strategies trial by trial", () -> {
            ctx.note("trial  " + strategies().stream().map(s -> String.format("%-20s", s + " (best so far)"))
                    .collect(Collectors.joining()));
            Map<HyperParameterTuningJobStrategyType, TrialHistory> histories = new LinkedHashMap<>();
            strategies().forEach(s -> histories.put(s, TrialHistory.of(sageMaker, tuningJob(ctx, s))));
            for (int i = 0; i < TuningSetup.MAX_JOBS; i++) {
                StringBuilder row = new StringBuilder(String.format("%5d  ", i + 1));
                for (TrialHistory history : histories.values()) {
                    row.append(i < history.trials().size() ? String.format("%.4f (%.4f)      ",
                            TrialHistory.objective(history.trials().get(i)), history.runningBest().get(i)) : "");
                }
                ctx.note(row.toString().stripTrailing());
            }
            histories.forEach((strategy, history) -> outcomes.put(strategy.toString(), new Comparison.Outcome(
                    history.tuningJob(), history.bestTrainingJob(), history.bestObjective(), history.trialsToBest(),
                    history.trials().size())));
            outcomes.forEach((strategy, o) -> ctx.note(String.format("%-8s best %s %.4f, reached at trial %d of %d",
                    strategy, TuningSetup.OBJECTIVE, o.bestObjective(), o.trialsToBest(), o.trials())));
        });
        ctx.step("Read the Bayesian job's best training job and its metrics", () ->
                showBest(ctx, tuningJob(ctx, HyperParameterTuningJobStrategyType.BAYESIAN)));
        ctx.step("Write the comparison to " + s3(ctx, COMPARISON), () ->
                LabBucket.putText(ctx.s3(), bucket(ctx), COMPARISON, new Comparison(outcomes).toJson(), "application/json"));
    }

    /** Polls DescribeHyperParameterTuningJob (the SDK has no tuning waiter) until the job has ended. */
    static DescribeHyperParameterTuningJobResponse waitForTuningJob(LabContext ctx, String name) {
        DescribeHyperParameterTuningJobResponse done = ctx.waitFor("tuning job " + name, Duration.ofHours(2),
                Duration.ofSeconds(1), () -> {
                    DescribeHyperParameterTuningJobResponse job = ctx.sageMaker()
                            .describeHyperParameterTuningJob(d -> d.hyperParameterTuningJobName(name));
                    HyperParameterTuningJobStatus status = job.hyperParameterTuningJobStatus();
                    return status == HyperParameterTuningJobStatus.IN_PROGRESS || status == HyperParameterTuningJobStatus.STOPPING
                            ? Optional.empty() : Optional.of(job);
                });
        if (done.hyperParameterTuningJobStatus() != HyperParameterTuningJobStatus.COMPLETED) {
            throw new IllegalStateException("Tuning job " + name + " ended " + done.hyperParameterTuningJobStatusAsString()
                    + ": " + done.failureReason());
        }
        return done;
    }

    private static void showBest(LabContext ctx, String tuningJob) {
        var best = ctx.sageMaker().describeHyperParameterTuningJob(d -> d.hyperParameterTuningJobName(tuningJob))
                .bestTrainingJob();
        ctx.note("best training job " + best.trainingJobName() + ": " + best.finalHyperParameterTuningJobObjectiveMetric()
                .metricName() + " " + best.finalHyperParameterTuningJobObjectiveMetric().value());
        ctx.note("tuned hyperparameters " + best.tunedHyperParameters());
        ctx.sageMaker().describeTrainingJob(d -> d.trainingJobName(best.trainingJobName())).finalMetricDataList()
                .forEach(m -> ctx.note(String.format("  %-18s %.4f", m.metricName(), m.value())));
    }

    @Override
    public List<Check> checks() {
        return List.of(
                Check.of("Both tuning jobs completed: Bayesian and Random, same budget, ranges and objective",
                        TuningChecks::bothCompletedAlike),
                Check.of("Each ran its 12 training jobs, every tuned value inside its range", TuningChecks::budgetAndRanges),
                Check.of("Each BestTrainingJob is the trial with the highest validation:auc, and says so in its own metrics",
                        TuningChecks::bestIsBest),
                Check.of("tuning/comparison.json matches the trials: best AUC, best job and trials to reach it",
                        TuningChecks::comparisonMatches));
    }
}

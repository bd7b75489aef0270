package io.labrunner.labs.sagemakertuning;

import io.labrunner.core.CheckResult;
import io.labrunner.core.LabContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.sagemaker.model.DescribeHyperParameterTuningJobResponse;
import software.amazon.awssdk.services.sagemaker.model.HyperParameterTrainingJobSummary;
import software.amazon.awssdk.services.sagemaker.model.HyperParameterTuningJobConfig;
import software.amazon.awssdk.services.sagemaker.model.HyperParameterTuningJobStatus;
import software.amazon.awssdk.services.sagemaker.model.HyperParameterTuningJobStrategyType;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;

/**
 * The judgements of {@link SageMakerTuningLab}, from the tuning jobs' descriptions and their
 * trials as SageMaker lists them — the best job and the comparison are recomputed, not believed.
 */
final class TuningChecks {
    private static final double TOLERANCE = 1e-4;

    private TuningChecks() {
    }

    private static Optional<DescribeHyperParameterTuningJobResponse> describe(LabContext ctx, String name) {
        try {
            return Optional.of(ctx.sageMaker().describeHyperParameterTuningJob(d -> d.hyperParameterTuningJobName(name)));
        } catch (SageMakerException e) {
            return Optional.empty();
        }
    }

    private static String hint(LabContext ctx) {
        return "Create tuning jobs " + SageMakerTuningLab.tuningJob(ctx, HyperParameterTuningJobStrategyType.BAYESIAN)
                + " (Strategy Bayesian) and " + SageMakerTuningLab.tuningJob(ctx, HyperParameterTuningJobStrategyType.RANDOM)
                + " (Strategy Random) from the guide's tuning-config.json and wait until both are Completed.";
    }

    /** Both completed tuning jobs, or the reason one is missing. */
    private static Optional<List<DescribeHyperParameterTuningJobResponse>> completed(LabContext ctx, StringBuilder why) {
        List<DescribeHyperParameterTuningJobResponse> jobs = new ArrayList<>();
        for (HyperParameterTuningJobStrategyType strategy : SageMakerTuningLab.strategies()) {
            String name = SageMakerTuningLab.tuningJob(ctx, strategy);
            Optional<DescribeHyperParameterTuningJobResponse> job = describe(ctx, name);
            if (job.isEmpty()) {
                why.append("no tuning job ").append(name);
                return Optional.empty();
            }
            if (job.get().hyperParameterTuningJobStatus() != HyperParameterTuningJobStatus.COMPLETED) {
                why.append(name).append(" is ").append(job.get().hyperParameterTuningJobStatusAsString());
                return Optional.empty();
            }
            jobs.add(job.get());
        }
        return Optional.of(jobs);
    }

    static CheckResult bothCompletedAlike(LabContext ctx) {
        StringBuilder why = new StringBuilder();
        Optional<List<DescribeHyperParameterTuningJobResponse>> jobs = completed(ctx, why);
        if (jobs.isEmpty()) {
            return CheckResult.fail(why.toString(), hint(ctx));
        }
        HyperParameterTuningJobConfig bayesian = jobs.get().get(0).hyperParameterTuningJobConfig();
        HyperParameterTuningJobConfig random = jobs.get().get(1).hyperParameterTuningJobConfig();
        if (bayesian.strategy() != HyperParameterTuningJobStrategyType.BAYESIAN
                || random.strategy() != HyperParameterTuningJobStrategyType.RANDOM) {
            return CheckResult.fail("strategies are " + bayesian.strategyAsString() + " and " + random.strategyAsString(),
                    hint(ctx));
        }
        if (!bayesian.resourceLimits().equals(random.resourceLimits())
                || bayesian.resourceLimits().maxNumberOfTrainingJobs() != TuningSetup.MAX_JOBS
                || bayesian.resourceLimits().maxParallelTrainingJobs() != TuningSetup.MAX_PARALLEL) {
            return CheckResult.fail("budgets " + bayesian.resourceLimits() + " and " + random.resourceLimits(),
                    "Give both MaxNumberOfTrainingJobs " + TuningSetup.MAX_JOBS + " and MaxParallelTrainingJobs "
                            + TuningSetup.MAX_PARALLEL + ": a fair comparison spends the same budget.");
        }
        if (!bayesian.parameterRanges().equals(random.parameterRanges())
                || !bayesian.hyperParameterTuningJobObjective().equals(random.hyperParameterTuningJobObjective())) {
            return CheckResult.fail("the two searches differ in ranges or objective", "Use the same tuning-config.json for both,"
                    + " changing only Strategy.");
        }
        if (!TuningSetup.OBJECTIVE.equals(bayesian.hyperParameterTuningJobObjective().metricName())) {
            return CheckResult.fail("objective " + bayesian.hyperParameterTuningJobObjective(), "Maximize validation:auc.");
        }
        return CheckResult.pass("Bayesian and Random, " + TuningSetup.MAX_JOBS + " jobs " + TuningSetup.MAX_PARALLEL
                + " at a time, maximizing " + TuningSetup.OBJECTIVE + " over the same ranges");
    }

    static CheckResult budgetAndRanges(LabContext ctx) {
        StringBuilder why = new StringBuilder();
        if (completed(ctx, why).isEmpty()) {
            return CheckResult.fail(why.toString(), hint(ctx));
        }
        for (HyperParameterTuningJobStrategyType strategy : SageMakerTuningLab.strategies()) {
            String name = SageMakerTuningLab.tuningJob(ctx, strategy);
            List<HyperParameterTrainingJobSummary> trials = SageMakerTuningLab.trials(ctx, name);
            long completedTrials = trials.stream().filter(t -> t.trainingJobStatusAsString().equals("Completed")).count();
            if (trials.size() != TuningSetup.MAX_JOBS || completedTrials != TuningSetup.MAX_JOBS) {
                return CheckResult.fail(name + " ran " + trials.size() + " training jobs, " + completedTrials + " completed",
                        "Leave early stopping Off so every trial of the budget runs to the end.");
            }
            for (HyperParameterTrainingJobSummary trial : trials) {
                for (TuningSetup.Range range : TuningSetup.RANGES) {
                    String value = trial.tunedHyperParameters().get(range.name());
                    double number = value == null ? Double.NaN : Double.parseDouble(value);
                    if (!(number >= range.min() && number <= range.max())) {
                        return CheckResult.fail(trial.trainingJobName() + " tried " + range.name() + " = " + value,
                                "Tune " + range.name() + " between " + range.min() + " and " + range.max() + ".");
                    }
                }
            }
        }
        return CheckResult.pass(TuningSetup.MAX_JOBS + " completed trials each, every value of eta, max_depth,"
                + " min_child_weight and subsample inside its range");
    }

    static CheckResult bestIsBest(LabContext ctx) {
        StringBuilder why = new StringBuilder();
        Optional<List<DescribeHyperParameterTuningJobResponse>> jobs = completed(ctx, why);
        if (jobs.isEmpty()) {
            return CheckResult.fail(why.toString(), hint(ctx));
        }
        StringBuilder seen = new StringBuilder();
        for (DescribeHyperParameterTuningJobResponse job : jobs.get()) {
            TrialHistory history = TrialHistory.of(ctx.sageMaker(), job.hyperParameterTuningJobName());
            var best = job.bestTrainingJob();
            if (best == null) {
                return CheckResult.fail(job.hyperParameterTuningJobName() + " names no BestTrainingJob", hint(ctx));
            }
            double claimed = best.finalHyperParameterTuningJobObjectiveMetric().value();
            if (Math.abs(claimed - history.bestObjective()) > TOLERANCE) {
                return CheckResult.fail(String.format("%s says its best is %.4f, its trials reach %.4f",
                        job.hyperParameterTuningJobName(), claimed, history.bestObjective()), hint(ctx));
            }
            double own = ctx.sageMaker().describeTrainingJob(d -> d.trainingJobName(best.trainingJobName()))
                    .finalMetricDataList().stream().filter(m -> m.metricName().equals(TuningSetup.OBJECTIVE))
                    .mapToDouble(m -> m.value()).findFirst().orElse(Double.NaN);
            if (!(Math.abs(own - claimed) <= TOLERANCE)) {
                return CheckResult.fail(best.trainingJobName() + " reports " + TuningSetup.OBJECTIVE + " " + own
                        + " in its own metrics, not " + claimed, hint(ctx));
            }
            seen.append(String.format("%s %s %.4f; ", job.hyperParameterTuningJobConfig().strategyAsString(),
                    best.trainingJobName(), claimed));
        }
        return CheckResult.pass(seen.toString().replaceAll("; $", ""));
    }

    static CheckResult comparisonMatches(LabContext ctx) {
        Comparison claimed;
        try {
            claimed = Comparison.fromJson(ctx.s3().getObjectAsBytes(get -> get.bucket(SageMakerTuningLab.bucket(ctx))
                    .key(SageMakerTuningLab.COMPARISON)).asUtf8String());
        } catch (NoSuchKeyException e) {
            return CheckResult.fail("no " + SageMakerTuningLab.COMPARISON, "Write the comparison (last step of the guide).");
        } catch (RuntimeException e) {
            return CheckResult.fail(SageMakerTuningLab.COMPARISON + " is not the guide's JSON: " + e.getMessage(),
                    "See the guide for its fields.");
        }
        StringBuilder seen = new StringBuilder();
        for (HyperParameterTuningJobStrategyType strategy : SageMakerTuningLab.strategies()) {
            Map<String, Comparison.Outcome> outcomes = claimed.strategies() == null ? Map.of() : claimed.strategies();
            Comparison.Outcome outcome = outcomes.get(strategy.toString());
            if (outcome == null) {
                return CheckResult.fail("no entry for " + strategy + " in " + outcomes.keySet(),
                        "Key the strategies as SageMaker names them: Bayesian, Random.");
            }
            TrialHistory history = TrialHistory.of(ctx.sageMaker(), SageMakerTuningLab.tuningJob(ctx, strategy));
            if (history.trials().isEmpty() || Math.abs(outcome.bestObjective() - history.bestObjective()) > TOLERANCE
                    || outcome.trialsToBest() != history.trialsToBest()
                    || !outcome.bestTrainingJob().equals(history.bestTrainingJob())) {
                return CheckResult.fail(String.format("%s: you wrote best %.4f by %s at trial %d; the trials say %.4f by %s at"
                        + " trial %d", strategy, outcome.bestObjective(), outcome.bestTrainingJob(), outcome.trialsToBest(),
                        history.bestObjective(), history.bestTrainingJob(), history.trialsToBest()),
                        "List the trials with SortBy CreationTime, SortOrder Ascending; the first trial that reaches the"
                                + " final best counts.");
            }
            seen.append(String.format("%s %.4f at trial %d; ", strategy, history.bestObjective(), history.trialsToBest()));
        }
        return CheckResult.pass(seen.toString().replaceAll("; $", ""));
    }
}

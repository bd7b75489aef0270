package io.labrunner.labs.sagemakertuning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.labrunner.core.CheckResult;
import io.labrunner.core.LabContext;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.sagemaker.model.ContinuousParameterRange;
import software.amazon.awssdk.services.sagemaker.model.DescribeHyperParameterTuningJobResponse;
import software.amazon.awssdk.services.sagemaker.model.HyperParameterTrainingJobSummary;
import software.amazon.awssdk.services.sagemaker.model.HyperParameterTuningJobConfig;
import software.amazon.awssdk.services.sagemaker.model.HyperParameterTuningJobObjective;
import software.amazon.awssdk.services.sagemaker.model.HyperParameterTuningJobObjectiveType;
import software.amazon.awssdk.services.sagemaker.model.HyperParameterTuningJobStatus;
import software.amazon.awssdk.services.sagemaker.model.HyperParameterTuningJobStrategyType;
import software.amazon.awssdk.services.sagemaker.model.IntegerParameterRange;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;
import software.amazon.awssdk.services.sagemaker.model.SortOrder;
import software.amazon.awssdk.services.sagemaker.model.TrainingJobEarlyStoppingType;
import software.amazon.awssdk.services.sagemaker.model.TrainingJobSortByOptions;

/**
 * The judgements of {@link SageMakerTuningLab}, from the tuning jobs' descriptions and their trials
 * as SageMaker lists them, read and ranked by the checks' own code (not the solution's
 * {@code TrialHistory}) — the best job and the learner's comparison are recomputed, not believed.
 * Each failure diagnoses what it saw, in tiers: what to look at, then more, then the guide's step.
 */
final class TuningChecks {
    private static final double TOLERANCE = 1e-4;
    private static final ObjectMapper JSON = new ObjectMapper();

    private TuningChecks() {
    }

    private static String variable(HyperParameterTuningJobStrategyType strategy) {
        return strategy == HyperParameterTuningJobStrategyType.BAYESIAN ? "$BAYESIAN_TUNING_JOB" : "$RANDOM_TUNING_JOB";
    }

    private static final String TUNE_STEP = "Steps 3 and 4 of the guide: tuning-config.json (12 jobs, 3 at a time, Maximize"
            + " validation:auc, the four ranges, early stopping Off, RandomSeed 7) and training-definition.json, then"
            + " tune Bayesian $BAYESIAN_TUNING_JOB and tune Random $RANDOM_TUNING_JOB.";

    private static Optional<DescribeHyperParameterTuningJobResponse> describe(LabContext ctx, String name) {
        try {
            return Optional.of(ctx.sageMaker().describeHyperParameterTuningJob(d -> d.hyperParameterTuningJobName(name)));
        } catch (SageMakerException e) {
            return Optional.empty();
        }
    }

    /** Both tuning jobs, Bayesian first, or the failure that says why one is missing or unfinished. */
    private record Jobs(List<DescribeHyperParameterTuningJobResponse> both, CheckResult failure) {
    }

    private static Jobs completed(LabContext ctx) {
        List<DescribeHyperParameterTuningJobResponse> jobs = new ArrayList<>();
        for (HyperParameterTuningJobStrategyType strategy : SageMakerTuningLab.strategies()) {
            String name = SageMakerTuningLab.tuningJob(ctx, strategy);
            Optional<DescribeHyperParameterTuningJobResponse> job = describe(ctx, name);
            if (job.isEmpty()) {
                return new Jobs(null, CheckResult.fail("no tuning job " + name,
                        "There is no tuning job " + variable(strategy) + " (" + name + ") yet.",
                        "Both searches use the same tuning-config.json and training-definition.json; only Strategy differs.",
                        TUNE_STEP));
            }
            HyperParameterTuningJobStatus status = job.get().hyperParameterTuningJobStatus();
            if (status != HyperParameterTuningJobStatus.COMPLETED) {
                String seen = name + " is " + job.get().hyperParameterTuningJobStatusAsString()
                        + (job.get().failureReason() == null ? "" : ": " + job.get().failureReason());
                return new Jobs(null, status == HyperParameterTuningJobStatus.IN_PROGRESS
                        ? CheckResult.fail(seen, "It is still searching: " + job.get().trainingJobStatusCounters()
                                + ". Poll describe-hyper-parameter-tuning-job until it says Completed.")
                        : failedSearch(ctx, job.get(), seen));
            }
            jobs.add(job.get());
        }
        return new Jobs(jobs, null);
    }

    /** A tuning job that failed: diagnosed from its objective and from its first failed trial's reason. */
    private static CheckResult failedSearch(LabContext ctx, DescribeHyperParameterTuningJobResponse job, String seen) {
        String metric = job.hyperParameterTuningJobConfig().hyperParameterTuningJobObjective().metricName();
        String trialFailure = trials(ctx, job.hyperParameterTuningJobName()).stream()
                .filter(t -> t.failureReason() != null).map(HyperParameterTrainingJobSummary::failureReason).findFirst().orElse("");
        String detail = seen + (trialFailure.isEmpty() ? "" : "; a trial failed with: " + trialFailure);
        if (!TuningSetup.OBJECTIVE.equals(metric)) {
            return CheckResult.fail(detail, "Its trials failed because of the objective " + metric + ": the built-in XGBoost"
                    + " tunes only validation: metrics. " + objectiveNudge(metric),
                    "Tuning jobs cannot be changed or re-run under a name: start the lab again (lab start --new) and use"
                            + " MetricName validation:auc with Type Maximize.", TUNE_STEP);
        }
        return CheckResult.fail(detail, "Its trials failed: the reason above names the input or setting the container refused.",
                "The usual causes: a channel without ContentType text/csv, a static hyperparameter the algorithm does not"
                        + " know, a range outside what it accepts. Start again with lab start --new once fixed.", TUNE_STEP);
    }

    static CheckResult bothCompletedAlike(LabContext ctx) {
        Jobs jobs = completed(ctx);
        if (jobs.failure() != null) {
            return jobs.failure();
        }
        for (int i = 0; i < 2; i++) {
            HyperParameterTuningJobStrategyType expected = SageMakerTuningLab.strategies().get(i);
            DescribeHyperParameterTuningJobResponse job = jobs.both().get(i);
            HyperParameterTuningJobConfig config = job.hyperParameterTuningJobConfig();
            String name = job.hyperParameterTuningJobName();
            if (config.strategy() != expected) {
                return CheckResult.fail(name + " ran Strategy " + config.strategyAsString(),
                        variable(expected) + " must search with Strategy " + expected + ": the comparison needs one of each.",
                        "The guide's loop writes config-Bayesian.json and config-Random.json with sed; look at the one you"
                                + " passed to " + name + ".", TUNE_STEP);
            }
            HyperParameterTuningJobObjective objective = config.hyperParameterTuningJobObjective();
            if (!TuningSetup.OBJECTIVE.equals(objective.metricName())) {
                return CheckResult.fail(name + " optimised " + objective.typeAsString() + " " + objective.metricName(),
                        objectiveNudge(objective.metricName()),
                        "The objective is what every trial is ranked by: Maximize validation:auc, which the built-in XGBoost"
                                + " publishes when eval_metric=auc and a validation channel are set.", TUNE_STEP);
            }
            if (objective.type() != HyperParameterTuningJobObjectiveType.MAXIMIZE) {
                return CheckResult.fail(name + " optimised " + objective.typeAsString() + " " + objective.metricName(),
                        "Minimizing an AUC searches for the model that ranks churners worst.",
                        "AUC: higher is better, so Type Maximize (Minimize is for losses and errors, e.g. validation:logloss).",
                        TUNE_STEP);
            }
            int max = config.resourceLimits().maxNumberOfTrainingJobs();
            int parallel = config.resourceLimits().maxParallelTrainingJobs();
            if (max != TuningSetup.MAX_JOBS || parallel != TuningSetup.MAX_PARALLEL) {
                String nudge = max < 3
                        ? name + " may run only " + max + " trial" + (max == 1 ? "" : "s") + ": that is no search, whatever the"
                                + " strategy — Bayesian needs finished trials to learn from."
                        : max != TuningSetup.MAX_JOBS
                        ? name + " has a budget of " + max + " trials; a fair comparison gives both the same "
                                + TuningSetup.MAX_JOBS + "."
                        : name + " runs " + parallel + " trials at a time; Bayesian learns only from finished trials, so"
                                + " parallelism changes what it can learn. Both run " + TuningSetup.MAX_PARALLEL + ".";
                return CheckResult.fail(String.format("%s: MaxNumberOfTrainingJobs %d, MaxParallelTrainingJobs %d", name, max,
                        parallel), nudge, "ResourceLimits in tuning-config.json: {\"MaxNumberOfTrainingJobs\": 12,"
                                + " \"MaxParallelTrainingJobs\": 3}, the same file for both jobs.", TUNE_STEP);
            }
            Optional<String> rangeProblem = rangeProblem(config);
            if (rangeProblem.isPresent()) {
                return CheckResult.fail(name + ": " + rangeProblem.get(),
                        "The search space is not the guide's: " + rangeProblem.get() + ".",
                        "eta 0.05–0.5 Logarithmic, max_depth 2–8 integer, min_child_weight 1–10 and subsample 0.5–1.0 Linear.",
                        TUNE_STEP);
            }
        }
        return CheckResult.pass("Bayesian and Random, " + TuningSetup.MAX_JOBS + " jobs " + TuningSetup.MAX_PARALLEL
                + " at a time, maximizing " + TuningSetup.OBJECTIVE + " over the same ranges");
    }

    private static String objectiveNudge(String metric) {
        if (metric.startsWith("train:")) {
            return "The search ranks trials by " + metric + ", measured on the data each trial learned from: it rewards the"
                    + " trial that memorises best, not the one that generalises.";
        }
        if (metric.startsWith("validation:")) {
            return "The search optimises " + metric + ", not the AUC this lab compares by.";
        }
        return "The objective " + metric + " is not a metric the built-in XGBoost publishes.";
    }

    /** What differs between a job's ranges and the guide's, if anything. */
    private static Optional<String> rangeProblem(HyperParameterTuningJobConfig config) {
        Map<String, String> seen = new java.util.TreeMap<>();
        for (ContinuousParameterRange r : config.parameterRanges().continuousParameterRanges()) {
            seen.put(r.name(), "Continuous " + number(r.minValue()) + "–" + number(r.maxValue()) + " " + r.scalingTypeAsString());
        }
        for (IntegerParameterRange r : config.parameterRanges().integerParameterRanges()) {
            seen.put(r.name(), "Integer " + number(r.minValue()) + "–" + number(r.maxValue()) + " " + r.scalingTypeAsString());
        }
        Map<String, String> wanted = new java.util.TreeMap<>();
        for (TuningSetup.Range r : TuningSetup.RANGES) {
            wanted.put(r.name(), r.kind() + " " + number(String.valueOf(r.min())) + "–" + number(String.valueOf(r.max())) + " "
                    + r.scaling());
        }
        for (Map.Entry<String, String> range : wanted.entrySet()) {
            String actual = seen.get(range.getKey());
            if (actual == null) {
                return Optional.of(range.getKey() + " is not tuned (wanted " + range.getValue() + ")");
            }
            if (!actual.equals(range.getValue())) {
                return Optional.of(range.getKey() + " is " + actual + ", wanted " + range.getValue());
            }
        }
        return seen.keySet().equals(wanted.keySet()) ? Optional.empty()
                : Optional.of("it also tunes " + seen.keySet().stream().filter(k -> !wanted.containsKey(k)).toList());
    }

    private static String number(String value) {
        double d = Double.parseDouble(value);
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    /** A tuning job's trials in launch order, listed by the check itself through the paginator. */
    static List<HyperParameterTrainingJobSummary> trials(LabContext ctx, String tuningJob) {
        List<HyperParameterTrainingJobSummary> trials = new ArrayList<>();
        ctx.sageMaker().listTrainingJobsForHyperParameterTuningJobPaginator(list -> list.hyperParameterTuningJobName(tuningJob)
                        .sortBy(TrainingJobSortByOptions.CREATION_TIME).sortOrder(SortOrder.ASCENDING))
                .trainingJobSummaries().forEach(trials::add);
        return trials;
    }

    private static double objectiveOf(HyperParameterTrainingJobSummary trial) {
        return trial.finalHyperParameterTuningJobObjectiveMetric() == null ? Double.NaN
                : trial.finalHyperParameterTuningJobObjectiveMetric().value();
    }

    /** The first trial, in launch order, that reached the highest objective any trial reached. */
    private record Best(String trainingJob, double objective, int position) {
        static Best of(List<HyperParameterTrainingJobSummary> trials) {
            double top = trials.stream().mapToDouble(TuningChecks::objectiveOf).filter(v -> !Double.isNaN(v)).max()
                    .orElse(Double.NaN);
            for (int i = 0; i < trials.size(); i++) {
                if (objectiveOf(trials.get(i)) == top) {
                    return new Best(trials.get(i).trainingJobName(), top, i + 1);
                }
            }
            return new Best("", Double.NaN, 0);
        }
    }

    static CheckResult budgetAndRanges(LabContext ctx) {
        Jobs jobs = completed(ctx);
        if (jobs.failure() != null) {
            return jobs.failure();
        }
        for (DescribeHyperParameterTuningJobResponse job : jobs.both()) {
            String name = job.hyperParameterTuningJobName();
            List<HyperParameterTrainingJobSummary> trials = trials(ctx, name);
            Map<String, Long> byStatus = trials.stream().collect(Collectors.groupingBy(
                    HyperParameterTrainingJobSummary::trainingJobStatusAsString, java.util.TreeMap::new, Collectors.counting()));
            long completedTrials = byStatus.getOrDefault("Completed", 0L);
            if (trials.size() != TuningSetup.MAX_JOBS || completedTrials != TuningSetup.MAX_JOBS) {
                boolean earlyStopping = job.hyperParameterTuningJobConfig().trainingJobEarlyStoppingType()
                        == TrainingJobEarlyStoppingType.AUTO;
                String nudge = byStatus.getOrDefault("Stopped", 0L) > 0 && earlyStopping
                        ? name + " stopped " + byStatus.get("Stopped") + " trials early: TrainingJobEarlyStoppingType is Auto."
                        : byStatus.getOrDefault("Failed", 0L) > 0
                        ? byStatus.get("Failed") + " trials of " + name + " failed: read one's FailureReason"
                                + " (describe-training-job)."
                        : name + " ran " + trials.size() + " trials, not " + TuningSetup.MAX_JOBS + ".";
                return CheckResult.fail(name + " ran " + trials.size() + " training jobs: " + byStatus, nudge,
                        "With early stopping Off and a budget of 12, every trial runs to the end and both strategies spend"
                                + " exactly the same.", TUNE_STEP);
            }
            for (HyperParameterTrainingJobSummary trial : trials) {
                for (TuningSetup.Range range : TuningSetup.RANGES) {
                    String value = trial.tunedHyperParameters().get(range.name());
                    double number = value == null ? Double.NaN : Double.parseDouble(value);
                    if (!(number >= range.min() && number <= range.max())) {
                        return CheckResult.fail(trial.trainingJobName() + " tried " + range.name() + " = " + value,
                                "A trial tried " + range.name() + " outside " + range.min() + "–" + range.max() + ".",
                                "Tune " + range.name() + " between " + range.min() + " and " + range.max() + ".", TUNE_STEP);
                    }
                }
            }
        }
        return CheckResult.pass(TuningSetup.MAX_JOBS + " completed trials each, every value of eta, max_depth,"
                + " min_child_weight and subsample inside its range");
    }

    static CheckResult bestIsBest(LabContext ctx) {
        Jobs jobs = completed(ctx);
        if (jobs.failure() != null) {
            return jobs.failure();
        }
        StringBuilder seen = new StringBuilder();
        for (DescribeHyperParameterTuningJobResponse job : jobs.both()) {
            String name = job.hyperParameterTuningJobName();
            Best best = Best.of(trials(ctx, name));
            var named = job.bestTrainingJob();
            if (named == null) {
                return CheckResult.fail(name + " names no BestTrainingJob",
                        "A tuning job whose trials all failed has no best: look at its TrainingJobStatusCounters.", TUNE_STEP);
            }
            double claimed = named.finalHyperParameterTuningJobObjectiveMetric().value();
            if (Math.abs(claimed - best.objective()) > TOLERANCE) {
                return CheckResult.fail(String.format("%s says its best is %.4f, its trials reach %.4f", name, claimed,
                        best.objective()), "The tuning job's BestTrainingJob is not the best of its own trials.");
            }
            double own = ctx.sageMaker().describeTrainingJob(d -> d.trainingJobName(named.trainingJobName()))
                    .finalMetricDataList().stream().filter(m -> m.metricName().equals(TuningSetup.OBJECTIVE))
                    .mapToDouble(m -> m.value()).findFirst().orElse(Double.NaN);
            if (!(Math.abs(own - claimed) <= TOLERANCE)) {
                return CheckResult.fail(named.trainingJobName() + " reports " + TuningSetup.OBJECTIVE + " " + own
                        + " in its own metrics, not " + claimed,
                        "The best trial's own FinalMetricDataList disagrees with the tuning job: was the objective metric the"
                                + " one the trials publish?", TUNE_STEP);
            }
            seen.append(String.format("%s %s %.4f; ", job.hyperParameterTuningJobConfig().strategyAsString(),
                    named.trainingJobName(), claimed));
        }
        return CheckResult.pass(seen.toString().replaceAll("; $", ""));
    }

    private static final String COMPARISON_STEP = "Step 6 of the guide: for each strategy list the trials with --sort-by"
            + " CreationTime --sort-order Ascending, follow the best so far, and write tuningJob, bestTrainingJob (the first"
            + " trial that reached the final best), bestObjective, trialsToBest (its 1-based position) and trials to"
            + " s3://$BUCKET/tuning/comparison.json under \"strategies\": {\"Bayesian\": ..., \"Random\": ...}.";

    static CheckResult comparisonMatches(LabContext ctx) {
        JsonNode strategies;
        try {
            String text = ctx.s3().getObjectAsBytes(get -> get.bucket(SageMakerTuningLab.bucket(ctx))
                    .key(SageMakerTuningLab.COMPARISON)).asUtf8String();
            strategies = JSON.readTree(text).path("strategies");
        } catch (NoSuchKeyException e) {
            return CheckResult.fail("no " + SageMakerTuningLab.COMPARISON,
                    "Your comparison goes to s3://$BUCKET/" + SageMakerTuningLab.COMPARISON + ".",
                    "Per strategy: the first trial (in launch order) that reached the final best, its AUC, its position, and"
                            + " the number of trials.", COMPARISON_STEP);
        } catch (IOException e) {
            return CheckResult.fail(SageMakerTuningLab.COMPARISON + " is not JSON: " + e.getMessage(),
                    "The file does not parse as JSON: check quotes and commas.", COMPARISON_STEP);
        }
        StringBuilder seen = new StringBuilder();
        for (HyperParameterTuningJobStrategyType strategy : SageMakerTuningLab.strategies()) {
            JsonNode outcome = strategies.path(strategy.toString());
            if (!outcome.isObject()) {
                List<String> keys = new ArrayList<>();
                strategies.fieldNames().forEachRemaining(keys::add);
                return CheckResult.fail("no entry for " + strategy + " under \"strategies\"; found " + keys,
                        "Key the strategies as SageMaker names them: \"Bayesian\" and \"Random\", inside \"strategies\".",
                        COMPARISON_STEP);
            }
            List<HyperParameterTrainingJobSummary> trials = trials(ctx, SageMakerTuningLab.tuningJob(ctx, strategy));
            Best best = Best.of(trials);
            double claimedObjective = outcome.path("bestObjective").asDouble(Double.NaN);
            int claimedPosition = outcome.path("trialsToBest").asInt(-1);
            String claimedJob = outcome.path("bestTrainingJob").asText("");
            if (trials.isEmpty() || !(Math.abs(claimedObjective - best.objective()) <= TOLERANCE)
                    || claimedPosition != best.position() || !claimedJob.equals(best.trainingJob())) {
                String detail = String.format("%s: you wrote best %s by %s at trial %d; the trials say %.4f by %s at trial %d",
                        strategy, outcome.path("bestObjective").asText("?"), claimedJob, claimedPosition, best.objective(),
                        best.trainingJob(), best.position());
                return CheckResult.fail(detail, comparisonNudge(ctx, strategy, best, claimedObjective, claimedPosition,
                        claimedJob, trials), "Launch order is --sort-by CreationTime --sort-order Ascending; trialsToBest is"
                                + " the 1-based position of the first trial whose AUC equals the final best.", COMPARISON_STEP);
            }
            seen.append(String.format("%s %.4f at trial %d; ", strategy, best.objective(), best.position()));
        }
        return CheckResult.pass(seen.toString().replaceAll("; $", ""));
    }

    /** Diagnoses a wrong comparison entry: swapped strategies, leaderboard order, counting from 0, a later tie. */
    private static String comparisonNudge(LabContext ctx, HyperParameterTuningJobStrategyType strategy, Best best,
            double claimedObjective, int claimedPosition, String claimedJob, List<HyperParameterTrainingJobSummary> trials) {
        HyperParameterTuningJobStrategyType other = strategy == HyperParameterTuningJobStrategyType.BAYESIAN
                ? HyperParameterTuningJobStrategyType.RANDOM : HyperParameterTuningJobStrategyType.BAYESIAN;
        Best otherBest = Best.of(trials(ctx, SageMakerTuningLab.tuningJob(ctx, other)));
        if (Objects.equals(claimedJob, otherBest.trainingJob())) {
            return "Your " + strategy + " entry names " + other + "'s best trial: the two entries are swapped.";
        }
        if (!claimedJob.equals(best.trainingJob()) && Math.abs(claimedObjective - best.objective()) <= TOLERANCE) {
            return "Your AUC is the best, but " + claimedJob + " is not the first trial to reach it: " + best.trainingJob() + " is.";
        }
        if (!(Math.abs(claimedObjective - best.objective()) <= TOLERANCE)) {
            return "Your best AUC is not the highest " + TuningSetup.OBJECTIVE + " among " + strategy + "'s trials.";
        }
        if (claimedPosition == best.position() - 1) {
            return "Off by one: trialsToBest counts from 1 (the first trial launched is trial 1).";
        }
        if (claimedPosition == 1) {
            return "Trial 1 is the best on the leaderboard (sorted by objective), but trialsToBest asks when it was launched.";
        }
        return "Your position of the best trial is not where it comes in launch order.";
    }
}

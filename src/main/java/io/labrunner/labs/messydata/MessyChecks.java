package io.labrunner.labs.messydata;

import io.labrunner.core.CheckResult;
import io.labrunner.core.LabContext;
import io.labrunner.labs.messydata.MessyDataLab.Variant;
import io.labrunner.labs.s3glueathena.AthenaQueries;
import io.labrunner.labs.sagemakerxgboost.BinaryMetrics;
import io.labrunner.labs.sagemakerxgboost.Predictions;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;
import software.amazon.awssdk.services.glue.model.Table;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.sagemaker.model.DescribeTrainingJobResponse;
import software.amazon.awssdk.services.sagemaker.model.DescribeTransformJobResponse;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;
import software.amazon.awssdk.services.sagemaker.model.TrainingJobStatus;
import software.amazon.awssdk.services.sagemaker.model.TransformJobStatus;

/**
 * The judgements of {@link MessyDataLab}: the cleaned table as the Data Catalog and the checks' own
 * Athena query see it, the training jobs as SageMaker describes them, and the held-out predictions
 * scored by the checks against the labels the readings were generated with.
 */
final class MessyChecks {
    static final String CLEAN = "readings_clean";
    /** No probe reads this hot without the fault code; no mount shakes this hard without a spike. */
    static final double MAX_PLAUSIBLE_TEMPERATURE = 150;
    static final double MAX_PLAUSIBLE_VIBRATION = 20;
    static final double MIN_RECALL_GAIN = 0.15;
    static final double MAX_ACCURACY_CHANGE = 0.04;

    private MessyChecks() {
    }

    private static Optional<Table> cleanTable(LabContext ctx) {
        try {
            return Optional.of(ctx.glue().getTable(get -> get.databaseName(MessyDataLab.database(ctx)).name(CLEAN)).table());
        } catch (EntityNotFoundException e) {
            return Optional.empty();
        }
    }

    private static String cleanHint(LabContext ctx) {
        return "Run the guide's CTAS in database " + MessyDataLab.database(ctx) + ":\n"
                + CleaningSql.clean(MessyDataLab.bucket(ctx));
    }

    static CheckResult cleanTableIsParquet(LabContext ctx) {
        Optional<Table> table = cleanTable(ctx);
        if (table.isEmpty()) {
            return CheckResult.fail("no table " + CLEAN + " in " + MessyDataLab.database(ctx), cleanHint(ctx));
        }
        var sd = table.get().storageDescriptor();
        String serde = sd.serdeInfo() == null ? "" : String.valueOf(sd.serdeInfo().serializationLibrary());
        if (!serde.toLowerCase(java.util.Locale.ROOT).contains("parquet")) {
            return CheckResult.fail(CLEAN + " is stored with " + serde, "Add format = 'PARQUET' to the WITH clause.");
        }
        if (sd.location() == null || !sd.location().startsWith(MessyDataLab.s3(ctx, ""))) {
            return CheckResult.fail(CLEAN + " is stored at " + sd.location(),
                    "Set external_location = '" + MessyDataLab.s3(ctx, MessyDataLab.CURATED) + "'.");
        }
        return CheckResult.pass(serde + " at " + sd.location());
    }

    static CheckResult cleanTableIsClean(LabContext ctx) {
        if (cleanTable(ctx).isEmpty()) {
            return CheckResult.fail("no table " + CLEAN, cleanHint(ctx));
        }
        List<String> row = AthenaQueries.run(ctx, MessyDataLab.database(ctx), MessyDataLab.results(ctx) + "checks/",
                CleaningSql.CLEAN_PROFILE).dataRows().get(0);
        long rows = Long.parseLong(row.get(0));
        long distinct = Long.parseLong(row.get(1));
        long missing = Long.parseLong(row.get(2));
        double temperatureMax = Double.parseDouble(row.get(3));
        double vibrationMax = Double.parseDouble(row.get(4));
        String seen = String.format("%,d rows, %,d distinct readings, %d with gaps, max temperature %.1f, max vibration %.1f",
                rows, distinct, missing, temperatureMax, vibrationMax);
        if (rows != distinct) {
            return CheckResult.fail(seen, "Deduplicate: SELECT DISTINCT * removes the re-sent copies.");
        }
        if (rows < Readings.DISTINCT * 97L / 100 || rows > Readings.DISTINCT) {
            return CheckResult.fail(seen, "Keep every distinct reading (" + Readings.DISTINCT + "): fix values, do not"
                    + " drop more than a few rows.");
        }
        if (missing > 0) {
            return CheckResult.fail(seen, "Fill missing temperature and pressure, e.g. with the median from approx_percentile.");
        }
        if (temperatureMax > MAX_PLAUSIBLE_TEMPERATURE || vibrationMax > MAX_PLAUSIBLE_VIBRATION) {
            return CheckResult.fail(seen, "The probe's fault code 999.9 and the vibration spikes are still there: treat"
                    + " values beyond the quartiles ± 3 IQR as glitches.");
        }
        return CheckResult.pass(seen);
    }

    private static Optional<DescribeTrainingJobResponse> trainingJob(LabContext ctx, Variant variant) {
        try {
            return Optional.of(ctx.sageMaker().describeTrainingJob(d -> d.trainingJobName(MessyDataLab.job(ctx, variant))));
        } catch (SageMakerException e) {
            return Optional.empty();
        }
    }

    /** negatives / positives of the distinct readings: what scale_pos_weight should be near. */
    static double expectedWeight() {
        List<Readings.Reading> genuine = Readings.genuine();
        long positives = genuine.stream().filter(r -> r.failure() == 1).count();
        return (double) (genuine.size() - positives) / positives;
    }

    static CheckResult twoJobsTrained(LabContext ctx) {
        StringBuilder seen = new StringBuilder();
        for (Variant variant : Variant.values()) {
            String name = MessyDataLab.job(ctx, variant);
            Optional<DescribeTrainingJobResponse> job = trainingJob(ctx, variant);
            String hint = "Train " + name + " on " + MessyDataLab.s3(ctx, MessyDataLab.TRAINING)
                    + " (ContentType text/csv)" + (variant == Variant.WEIGHTED ? " with scale_pos_weight" : "") + ".";
            if (job.isEmpty() || job.get().trainingJobStatus() != TrainingJobStatus.COMPLETED) {
                return CheckResult.fail(job.map(j -> name + " is " + j.trainingJobStatusAsString()
                        + (j.failureReason() == null ? "" : ": " + j.failureReason())).orElse("no training job " + name), hint);
            }
            String train = job.get().inputDataConfig().stream().filter(c -> c.channelName().equals("train"))
                    .map(c -> c.dataSource().s3DataSource().s3Uri()).findFirst().orElse("(no train channel)");
            if (!train.startsWith(MessyDataLab.s3(ctx, MessyDataLab.TRAINING))) {
                return CheckResult.fail(name + " trained on " + train, hint);
            }
            Map<String, String> hyperParameters = job.get().hyperParameters();
            double weight = Double.parseDouble(hyperParameters.getOrDefault("scale_pos_weight", "1"));
            if (variant == Variant.PLAIN && weight != 1) {
                return CheckResult.fail(name + " has scale_pos_weight " + weight, "Train " + name + " without it, to compare.");
            }
            double expected = expectedWeight();
            if (variant == Variant.WEIGHTED && (weight < expected / 2 || weight > expected * 2)) {
                return CheckResult.fail(String.format("%s has scale_pos_weight %.1f; negatives/positives is %.1f", name,
                        weight, expected), "Set scale_pos_weight to the count of non-failures divided by failures.");
            }
            seen.append(String.format("%s scale_pos_weight %.1f; ", name, weight));
        }
        return CheckResult.pass(seen.toString().replaceAll("; $", ""));
    }

    /** Each variant's held-out scores, or why they are missing. */
    private static Optional<Map<Variant, List<Double>>> scores(LabContext ctx, StringBuilder why) {
        Map<Variant, List<Double>> scores = new EnumMap<>(Variant.class);
        for (Variant variant : Variant.values()) {
            String name = MessyDataLab.transformJob(ctx, variant);
            DescribeTransformJobResponse job;
            try {
                job = ctx.sageMaker().describeTransformJob(d -> d.transformJobName(name));
            } catch (SageMakerException e) {
                why.append("no transform job ").append(name);
                return Optional.empty();
            }
            if (job.transformJobStatus() != TransformJobStatus.COMPLETED) {
                why.append(name).append(" is ").append(job.transformJobStatusAsString());
                return Optional.empty();
            }
            try {
                scores.put(variant, Predictions.read(ctx.s3(), job.transformOutput().s3OutputPath(), MessyDataLab.HOLDOUT_FILE));
            } catch (NoSuchKeyException e) {
                why.append("no ").append(MessyDataLab.HOLDOUT_FILE).append(".out under ").append(job.transformOutput().s3OutputPath());
                return Optional.empty();
            }
        }
        return Optional.of(scores);
    }

    private static String transformHint(LabContext ctx) {
        return "Create a model from each job's artifact and run transform jobs " + MessyDataLab.transformJob(ctx, Variant.PLAIN)
                + " and " + MessyDataLab.transformJob(ctx, Variant.WEIGHTED) + " over "
                + MessyDataLab.s3(ctx, MessyDataLab.HOLDOUT) + " (text/csv, SplitType Line, AssembleWith Line).";
    }

    static CheckResult bothPredictedEveryReading(LabContext ctx) {
        StringBuilder why = new StringBuilder();
        Optional<Map<Variant, List<Double>>> scores = scores(ctx, why);
        if (scores.isEmpty()) {
            return CheckResult.fail(why.toString(), transformHint(ctx));
        }
        for (Map.Entry<Variant, List<Double>> entry : scores.get().entrySet()) {
            if (entry.getValue().size() != Readings.HOLDOUT) {
                return CheckResult.fail(entry.getKey().suffix + ": " + entry.getValue().size() + " predictions for "
                        + Readings.HOLDOUT + " readings", transformHint(ctx));
            }
        }
        return CheckResult.pass(String.format("%,d probabilities from each model", Readings.HOLDOUT));
    }

    static CheckResult recallRisesAccuracyStays(LabContext ctx) {
        StringBuilder why = new StringBuilder();
        Optional<Map<Variant, List<Double>>> scores = scores(ctx, why);
        if (scores.isEmpty() || scores.get().values().stream().anyMatch(s -> s.size() != Readings.HOLDOUT)) {
            return CheckResult.fail(scores.isEmpty() ? why.toString() : "predictions do not line up with the readings",
                    transformHint(ctx));
        }
        List<Integer> labels = Readings.holdout().stream().map(Readings.Reading::failure).toList();
        BinaryMetrics.Confusion plain = BinaryMetrics.confusion(scores.get().get(Variant.PLAIN), labels, 0.5);
        BinaryMetrics.Confusion weighted = BinaryMetrics.confusion(scores.get().get(Variant.WEIGHTED), labels, 0.5);
        String seen = String.format("plain: accuracy %.4f, recall %.3f (%d of %d failures); weighted: accuracy %.4f,"
                + " recall %.3f (%d)", plain.accuracy(), plain.recall(), plain.tp(), plain.tp() + plain.fn(),
                weighted.accuracy(), weighted.recall(), weighted.tp());
        if (weighted.recall() - plain.recall() < MIN_RECALL_GAIN) {
            return CheckResult.fail(seen, "Weight the failures: scale_pos_weight = non-failures / failures.");
        }
        if (Math.abs(weighted.accuracy() - plain.accuracy()) >= MAX_ACCURACY_CHANGE) {
            return CheckResult.fail(seen, "The weight is far above negatives/positives, or the data was not cleaned.");
        }
        return CheckResult.pass(seen);
    }
}

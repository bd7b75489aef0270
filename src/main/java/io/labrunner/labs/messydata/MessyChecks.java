package io.labrunner.labs.messydata;

import io.labrunner.core.CheckResult;
import io.labrunner.core.LabContext;
import io.labrunner.labs.messydata.MessyDataLab.Variant;
import io.labrunner.labs.sagemakerxgboost.ScoredLabels;
import io.labrunner.labs.sagemakerxgboost.TransformOutput;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.QueryExecutionStatus;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;
import software.amazon.awssdk.services.glue.model.Table;
import software.amazon.awssdk.services.sagemaker.model.DescribeTrainingJobResponse;
import software.amazon.awssdk.services.sagemaker.model.DescribeTransformJobResponse;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;
import software.amazon.awssdk.services.sagemaker.model.TrainingJobStatus;
import software.amazon.awssdk.services.sagemaker.model.TransformJobStatus;

/**
 * The judgements of {@link MessyDataLab}: the cleaned table as the Data Catalog and the checks' own
 * Athena query see it, the training jobs as SageMaker describes them, and the held-out predictions
 * read and scored by the checks' own code against the labels the readings were generated with.
 * Each failure diagnoses what it saw, in tiers: what to look at, then more, then the guide's step.
 */
final class MessyChecks {
    static final String CLEAN = "readings_clean";
    /** No probe reads this hot without the fault code; no mount shakes this hard without a spike. */
    static final double MAX_PLAUSIBLE_TEMPERATURE = 150;
    static final double MAX_PLAUSIBLE_VIBRATION = 20;
    static final double MIN_RECALL_GAIN = 0.15;
    static final double MAX_ACCURACY_CHANGE = 0.04;

    /** What the checks ask of the cleaned table, in their own query. */
    static final String CLEAN_PROFILE = """
            SELECT count(*), count(DISTINCT reading_id),
                   count_if(temperature_c IS NULL), count_if(vibration_mm_s IS NULL), count_if(pressure_bar IS NULL),
                   count_if(temperature_c > %1$s), count_if(vibration_mm_s > %2$s),
                   coalesce(max(temperature_c), 0), coalesce(max(vibration_mm_s), 0)
            FROM readings_clean""".formatted(MAX_PLAUSIBLE_TEMPERATURE, MAX_PLAUSIBLE_VIBRATION);

    private MessyChecks() {
    }

    private static Optional<Table> cleanTable(LabContext ctx) {
        try {
            return Optional.of(ctx.glue().getTable(get -> get.databaseName(MessyDataLab.database(ctx)).name(CLEAN)).table());
        } catch (EntityNotFoundException e) {
            return Optional.empty();
        }
    }

    private static String cleanStep(LabContext ctx) {
        return "Step 4 of the guide, in database $DB (" + MessyDataLab.database(ctx) + "):\n"
                + CleaningSql.clean(MessyDataLab.bucket(ctx));
    }

    private static CheckResult noCleanTable(LabContext ctx) {
        return CheckResult.fail("no table " + CLEAN + " in " + MessyDataLab.database(ctx),
                "There is no " + CLEAN + " in $DB yet: the cleaning is one CREATE TABLE ... AS SELECT (CTAS) over readings_raw.",
                "A CTAS with WITH (format = 'PARQUET', external_location = 's3://$BUCKET/curated/readings_clean/') writes the"
                        + " cleaned rows as Parquet and registers the table in the Data Catalog in one statement.",
                cleanStep(ctx));
    }

    static CheckResult cleanTableIsParquet(LabContext ctx) {
        Optional<Table> table = cleanTable(ctx);
        if (table.isEmpty()) {
            return noCleanTable(ctx);
        }
        var sd = table.get().storageDescriptor();
        String serde = sd.serdeInfo() == null ? "" : String.valueOf(sd.serdeInfo().serializationLibrary());
        if (!serde.toLowerCase(java.util.Locale.ROOT).contains("parquet")) {
            return CheckResult.fail(CLEAN + " is stored with " + serde,
                    CLEAN + " exists but is not Parquet: a CTAS without a format writes Athena's default.",
                    "Drop it (DROP TABLE readings_clean, and delete its files) and run the CTAS again with format = 'PARQUET'"
                            + " and write_compression = 'SNAPPY' in the WITH clause.",
                    cleanStep(ctx));
        }
        String curated = MessyDataLab.s3(ctx, MessyDataLab.CURATED);
        if (sd.location() == null || !sd.location().startsWith(MessyDataLab.s3(ctx, ""))) {
            return CheckResult.fail(CLEAN + " is stored at " + sd.location(),
                    "The cleaned data lives outside your bucket $BUCKET.",
                    "Set external_location = '" + curated + "' in the CTAS.", cleanStep(ctx));
        }
        return CheckResult.pass(serde + " at " + sd.location());
    }

    static CheckResult cleanTableIsClean(LabContext ctx) throws InterruptedException {
        if (cleanTable(ctx).isEmpty()) {
            return noCleanTable(ctx);
        }
        List<String> row;
        try {
            row = query(ctx, CLEAN_PROFILE);
        } catch (IllegalStateException e) {
            return CheckResult.fail("the checks' query over " + CLEAN + " failed: " + e.getMessage(),
                    CLEAN + " cannot be read: are its columns the raw table's (temperature_c, vibration_mm_s, pressure_bar, ...)?",
                    cleanStep(ctx));
        }
        long rows = Long.parseLong(row.get(0));
        long distinct = Long.parseLong(row.get(1));
        long missingTemperature = Long.parseLong(row.get(2));
        long missingVibration = Long.parseLong(row.get(3));
        long missingPressure = Long.parseLong(row.get(4));
        long faultCodes = Long.parseLong(row.get(5));
        long spikes = Long.parseLong(row.get(6));
        String seen = String.format("%,d rows, %,d distinct readings, gaps: %d temperature / %d vibration / %d pressure,"
                + " max temperature %s, max vibration %s", rows, distinct, missingTemperature, missingVibration,
                missingPressure, row.get(7), row.get(8));
        if (rows != distinct) {
            return CheckResult.fail(seen,
                    String.format("%,d rows hold %,d readings: %,d are re-sent copies still in the table.", rows, distinct,
                            rows - distinct),
                    "The exporter re-sent whole batches: the copies are identical rows. SELECT DISTINCT * (or row_number()"
                            + " OVER (PARTITION BY reading_id) = 1) keeps one of each.",
                    cleanStep(ctx));
        }
        if (rows < Readings.DISTINCT * 97L / 100) {
            return CheckResult.fail(seen, droppedNudge(Readings.DISTINCT - rows),
                    "Dropping rows throws away the other sensors' good values and, if gaps are not random, biases the data."
                            + " Fix the value instead: replace a gap or a glitch with the median, which outliers do not pull.",
                    cleanStep(ctx));
        }
        if (rows > Readings.DISTINCT) {
            return CheckResult.fail(seen, "There are more readings than the export holds: is " + CLEAN + " built from more than"
                    + " readings_raw, or a join that multiplies rows?", cleanStep(ctx));
        }
        if (missingTemperature + missingVibration + missingPressure > 0) {
            return CheckResult.fail(seen,
                    String.format("Gaps are left: %d temperatures and %d pressures are still NULL.", missingTemperature,
                            missingPressure),
                    "A CASE WHEN value BETWEEN low AND high THEN value ELSE median END fills them too, since BETWEEN is not"
                            + " true for NULL; so does coalesce(value, median). Athena writes a NULL as \\N in the training CSV,"
                            + " which XGBoost cannot parse.",
                    cleanStep(ctx));
        }
        if (faultCodes > 0 || spikes > 0) {
            String what = faultCodes > 0 && spikes > 0
                    ? faultCodes + " temperatures above " + (int) MAX_PLAUSIBLE_TEMPERATURE + " (the probe's fault code 999.9) and "
                            + spikes + " vibration spikes above " + (int) MAX_PLAUSIBLE_VIBRATION + " mm/s are left."
                    : faultCodes > 0 ? faultCodes + " temperatures above " + (int) MAX_PLAUSIBLE_TEMPERATURE
                            + " are left: the probe's fault code 999.9 is not a temperature."
                    : spikes + " vibration spikes above " + (int) MAX_PLAUSIBLE_VIBRATION + " mm/s are left: the loose mount's.";
            return CheckResult.fail(seen, what,
                    "Treat values beyond the quartiles ± 3 IQR (approx_percentile(x, 0.25) and 0.75) as glitches and replace"
                            + " them with the median, like the gaps.",
                    cleanStep(ctx));
        }
        return CheckResult.pass(seen);
    }

    /** Diagnoses dropped readings by how many there are: the rows with gaps, the glitches, or something else. */
    private static String droppedNudge(long dropped) {
        Set<Readings.Reading> raw = new HashSet<>(Readings.raw());
        long withGaps = raw.stream().filter(r -> r.temperatureC() == null || r.pressureBar() == null).count();
        long glitches = raw.stream().filter(r -> Objects.equals(r.temperatureC(), Readings.TEMPERATURE_FAULT_CODE)
                || r.vibrationMmS() > MAX_PLAUSIBLE_VIBRATION).count();
        if (Math.abs(dropped - withGaps) <= withGaps / 10) {
            return String.format("%,d readings are gone, about as many as have a gap (%,d): rows with a NULL were dropped.",
                    dropped, withGaps);
        }
        if (Math.abs(dropped - withGaps - glitches) <= (withGaps + glitches) / 10) {
            return String.format("%,d readings are gone, about as many as have a gap or a glitch (%,d): they were dropped,"
                    + " not fixed.", dropped, withGaps + glitches);
        }
        return String.format("%,d of %,d readings are gone; the cleaning may drop at most 3 %%.", dropped, Readings.DISTINCT);
    }

    /** Runs one statement in the lab's database with the checks' own polling, and returns its first data row. */
    static List<String> query(LabContext ctx, String sql) throws InterruptedException {
        AthenaClient athena = ctx.athena();
        String id = athena.startQueryExecution(start -> start.queryString(sql)
                .queryExecutionContext(c -> c.database(MessyDataLab.database(ctx)))
                .resultConfiguration(r -> r.outputLocation(MessyDataLab.results(ctx) + "checks/"))).queryExecutionId();
        long deadline = System.nanoTime() + 120_000_000_000L;
        QueryExecutionStatus status;
        do {
            Thread.sleep(200);
            status = athena.getQueryExecution(get -> get.queryExecutionId(id)).queryExecution().status();
        } while (!Set.of("SUCCEEDED", "FAILED", "CANCELLED").contains(status.stateAsString()) && System.nanoTime() < deadline);
        if (!"SUCCEEDED".equals(status.stateAsString())) {
            throw new IllegalStateException(status.stateAsString() + " " + Objects.toString(status.stateChangeReason(), ""));
        }
        return athena.getQueryResults(get -> get.queryExecutionId(id)).resultSet().rows().get(1).data().stream()
                .map(d -> d.varCharValue()).toList();
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

    private static String trainStep(LabContext ctx) {
        return "Step 6 of the guide: WEIGHT = non-failures / failures from step 3, then train $PLAIN_JOB ("
                + MessyDataLab.job(ctx, Variant.PLAIN) + ") and train $WEIGHTED_JOB (" + MessyDataLab.job(ctx, Variant.WEIGHTED)
                + ") ,scale_pos_weight=$WEIGHT — both on " + MessyDataLab.s3(ctx, MessyDataLab.TRAINING)
                + " (ContentType text/csv) with objective=binary:logistic,num_round=50,max_depth=4,eta=0.2.";
    }

    static CheckResult twoJobsTrained(LabContext ctx) {
        StringBuilder seen = new StringBuilder();
        for (Variant variant : Variant.values()) {
            String name = MessyDataLab.job(ctx, variant);
            String variable = variant == Variant.PLAIN ? "$PLAIN_JOB" : "$WEIGHTED_JOB";
            Optional<DescribeTrainingJobResponse> job = trainingJob(ctx, variant);
            if (job.isEmpty()) {
                return CheckResult.fail("no training job " + name, "Nothing is trained as " + variable + " (" + name + ") yet.",
                        "Two jobs on the same cleaned CSV and the same hyperparameters, one of them with scale_pos_weight:"
                                + " the comparison shows what the weight alone does.",
                        trainStep(ctx));
            }
            if (job.get().trainingJobStatus() != TrainingJobStatus.COMPLETED) {
                String reason = Objects.toString(job.get().failureReason(), "");
                return CheckResult.fail(name + " is " + job.get().trainingJobStatusAsString() + (reason.isEmpty() ? "" : ": " + reason),
                        job.get().trainingJobStatus() == TrainingJobStatus.IN_PROGRESS
                                ? "It is still training: aws $ENDPOINT sagemaker wait training-job-completed-or-stopped"
                                        + " --training-job-name " + name
                                : reason.contains("\\N") || reason.toLowerCase(java.util.Locale.ROOT).contains("convert")
                                ? "The training CSV holds something that is not a number: a NULL left by the cleaning is written as \\N."
                                : "Read the FailureReason: it names what the container refused.",
                        "The training file is label first, no header, numbers only, uncompressed (write_compression = 'NONE').",
                        trainStep(ctx));
            }
            String train = job.get().inputDataConfig().stream().filter(c -> c.channelName().equals("train"))
                    .map(c -> c.dataSource().s3DataSource().s3Uri()).findFirst().orElse("(no train channel)");
            if (!train.startsWith(MessyDataLab.s3(ctx, MessyDataLab.TRAINING))) {
                return CheckResult.fail(name + " trained on " + train,
                        train.contains(MessyDataLab.RAW) ? name + " learned from the raw export: duplicates, gaps and glitches included."
                                : name + " did not train on the cleaned training CSV.",
                        "Its train channel must be " + MessyDataLab.s3(ctx, MessyDataLab.TRAINING) + ", the CTAS of step 5.",
                        trainStep(ctx));
            }
            String value = job.get().hyperParameters().get("scale_pos_weight");
            double weight = value == null ? 1 : Double.parseDouble(value);
            double expected = expectedWeight();
            if (variant == Variant.PLAIN && weight != 1) {
                return CheckResult.fail(name + " has scale_pos_weight " + value,
                        "$PLAIN_JOB is the baseline: it must train without scale_pos_weight, or there is nothing to compare.",
                        trainStep(ctx));
            }
            if (variant == Variant.WEIGHTED && value == null) {
                return CheckResult.fail(name + " has no scale_pos_weight",
                        "$WEIGHTED_JOB trained without scale_pos_weight: it is the same model as $PLAIN_JOB.",
                        "Add ,scale_pos_weight=<non-failures / failures> to its --hyper-parameters; the counts come from the"
                                + " second query of step 3.",
                        trainStep(ctx));
            }
            if (variant == Variant.WEIGHTED && (weight < expected / 2 || weight > expected * 2)) {
                String nudge = Math.abs(weight - 1 / expected) < 0.5 / expected
                        ? String.format("scale_pos_weight %s is failures / non-failures: the ratio is upside down, so failures"
                                + " count even less.", value)
                        : weight < expected
                        ? String.format("scale_pos_weight %s is well below non-failures / failures: failures are weighted up too"
                                + " little.", value)
                        : String.format("scale_pos_weight %s is well above non-failures / failures: the model will flag"
                                + " healthy pumps too.", value);
                return CheckResult.fail(String.format("%s has scale_pos_weight %s; non-failures / failures is %.1f", name, value,
                        expected), nudge,
                        "Count the classes after removing duplicates (SELECT failure, count(*) FROM (SELECT DISTINCT * FROM"
                                + " readings_raw) GROUP BY failure) and divide the 0s by the 1s.",
                        trainStep(ctx));
            }
            seen.append(String.format("%s scale_pos_weight %s; ", name, value == null ? "none" : value));
        }
        return CheckResult.pass(seen.toString().replaceAll("; $", ""));
    }

    private static String transformStep(LabContext ctx) {
        return "Step 7 of the guide: predict $PLAIN_JOB $PLAIN_TRANSFORM s3://$BUCKET/predictions/plain/ and predict"
                + " $WEIGHTED_JOB $WEIGHTED_TRANSFORM s3://$BUCKET/predictions/weighted/ (create-model from each job's"
                + " artifact, then create-transform-job over " + MessyDataLab.s3(ctx, MessyDataLab.HOLDOUT)
                + " with ContentType text/csv, SplitType Line, Accept text/csv, AssembleWith Line).";
    }

    /** Each variant's held-out scores, or the failure that says why one is missing. */
    private record Scores(Map<Variant, List<Double>> byVariant, CheckResult failure) {
    }

    private static Scores scores(LabContext ctx) {
        Map<Variant, List<Double>> scores = new EnumMap<>(Variant.class);
        for (Variant variant : Variant.values()) {
            String name = MessyDataLab.transformJob(ctx, variant);
            String variable = variant == Variant.PLAIN ? "$PLAIN_TRANSFORM" : "$WEIGHTED_TRANSFORM";
            DescribeTransformJobResponse job;
            try {
                job = ctx.sageMaker().describeTransformJob(d -> d.transformJobName(name));
            } catch (SageMakerException e) {
                return new Scores(null, CheckResult.fail("no transform job " + name,
                        "No held-out predictions from " + variable + " (" + name + ") yet.",
                        "Each model predicts the same " + Readings.HOLDOUT + " held-out readings with Batch Transform; the"
                                + " checks score both against the true labels.",
                        transformStep(ctx)));
            }
            if (job.transformJobStatus() != TransformJobStatus.COMPLETED) {
                return new Scores(null, CheckResult.fail(name + " is " + job.transformJobStatusAsString()
                        + (job.failureReason() == null ? "" : ": " + job.failureReason()),
                        job.transformJobStatus() == TransformJobStatus.IN_PROGRESS
                                ? "Wait: aws $ENDPOINT sagemaker wait transform-job-completed-or-stopped --transform-job-name " + name
                                : "Read the FailureReason: it names the record or setting the model refused.",
                        transformStep(ctx)));
            }
            Optional<String> wrongModel = wrongModel(ctx, variant, job.modelName());
            if (wrongModel.isPresent()) {
                return new Scores(null, CheckResult.fail(wrongModel.get(),
                        "Each transform job must run the model made from its own training job, or both columns judge one model.",
                        transformStep(ctx)));
            }
            TransformOutput read = TransformOutput.read(ctx.s3(), job.transformOutput().s3OutputPath(), MessyDataLab.HOLDOUT_FILE);
            if (read.problem().isPresent()) {
                return new Scores(null, CheckResult.fail(read.problem().get(),
                        "Batch Transform writes <input object>.out under S3OutputPath: " + MessyDataLab.HOLDOUT_FILE
                                + ".out should be there.", transformStep(ctx)));
            }
            scores.put(variant, read.scores());
        }
        return new Scores(scores, null);
    }

    /** Whether the transform job ran a model other than the one made from this variant's training job. */
    private static Optional<String> wrongModel(LabContext ctx, Variant variant, String model) {
        String artifact = trainingJob(ctx, variant).map(j -> j.modelArtifacts() == null ? "" : j.modelArtifacts().s3ModelArtifacts())
                .orElse("");
        String served;
        try {
            served = ctx.sageMaker().describeModel(d -> d.modelName(model)).primaryContainer().modelDataUrl();
        } catch (SageMakerException e) {
            return Optional.of(MessyDataLab.transformJob(ctx, variant) + " ran model " + model + ", which no longer exists");
        }
        return served.equals(artifact) ? Optional.empty() : Optional.of(MessyDataLab.transformJob(ctx, variant) + " ran model "
                + model + ", which serves " + served + ", not " + MessyDataLab.job(ctx, variant) + "'s artifact " + artifact);
    }

    static CheckResult bothPredictedEveryReading(LabContext ctx) {
        Scores scores = scores(ctx);
        if (scores.failure() != null) {
            return scores.failure();
        }
        for (Map.Entry<Variant, List<Double>> entry : scores.byVariant().entrySet()) {
            if (entry.getValue().size() != Readings.HOLDOUT) {
                return CheckResult.fail(entry.getKey().suffix + ": " + entry.getValue().size() + " predictions for "
                        + Readings.HOLDOUT + " readings",
                        entry.getValue().size() < Readings.HOLDOUT ? "Some readings got no score." : "There are more scores than readings.",
                        "SplitType Line sends the file line by line and AssembleWith Line writes one score a line, in order.",
                        transformStep(ctx));
            }
        }
        return CheckResult.pass(String.format("%,d probabilities from each model", Readings.HOLDOUT));
    }

    static CheckResult recallRisesAccuracyStays(LabContext ctx) {
        Scores scores = scores(ctx);
        if (scores.failure() != null) {
            return scores.failure();
        }
        List<Integer> labels = Readings.holdout().stream().map(Readings.Reading::failure).toList();
        if (scores.byVariant().values().stream().anyMatch(s -> s.size() != labels.size())) {
            return CheckResult.fail("predictions do not line up with the readings",
                    "The check above says which model's predictions are incomplete.", transformStep(ctx));
        }
        ScoredLabels.Counts plain = new ScoredLabels(scores.byVariant().get(Variant.PLAIN), labels).at(0.5);
        ScoredLabels.Counts weighted = new ScoredLabels(scores.byVariant().get(Variant.WEIGHTED), labels).at(0.5);
        String seen = String.format("plain: accuracy %.4f, recall %.3f (%d of %d failures); weighted: accuracy %.4f,"
                + " recall %.3f (%d)", plain.accuracy(), plain.recall(), plain.tp(), plain.tp() + plain.fn(),
                weighted.accuracy(), weighted.recall(), weighted.tp());
        if (weighted.recall() - plain.recall() < MIN_RECALL_GAIN) {
            return CheckResult.fail(seen,
                    weighted.recall() <= plain.recall()
                            ? "The weighted model catches no more failures than the plain one: did the weight reach training?"
                            : "Weighting caught a few more failures, but not the jump a weight near non-failures / failures gives.",
                    "Compare the two jobs' HyperParameters (describe-training-job): only scale_pos_weight should differ, and"
                            + " it should be about " + String.format("%.0f", expectedWeight()) + ".",
                    trainStep(ctx));
        }
        if (Math.abs(weighted.accuracy() - plain.accuracy()) >= MAX_ACCURACY_CHANGE) {
            return CheckResult.fail(seen,
                    String.format("Recall rose, but accuracy fell by %.3f: the weighted model flags %d healthy readings.",
                            plain.accuracy() - weighted.accuracy(), weighted.fp()),
                    "A weight far above non-failures / failures, or glitches left in the data, make the model cry wolf.",
                    trainStep(ctx));
        }
        return CheckResult.pass(seen);
    }
}

package io.labrunner.labs.messydata;

import io.labrunner.core.Capability;
import io.labrunner.core.Check;
import io.labrunner.core.Lab;
import io.labrunner.core.LabContext;
import io.labrunner.core.LabInfo;
import io.labrunner.core.Resource;
import io.labrunner.core.RunNames;
import io.labrunner.labs.s3glueathena.AthenaQueries;
import io.labrunner.labs.s3glueathena.LabBucket;
import io.labrunner.labs.sagemakerxgboost.BatchTransform;
import io.labrunner.labs.sagemakerxgboost.BinaryMetrics;
import io.labrunner.labs.sagemakerxgboost.Predictions;
import io.labrunner.labs.sagemakerxgboost.SageMakerRole;
import io.labrunner.labs.sagemakerxgboost.XgboostTraining;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.glue.GlueClient;

/**
 * Data that is missing, unbalanced and full of outliers, made fit to train on: profile it with
 * Athena, clean it with one CTAS into Parquet (deduplicate, treat glitches as missing, impute),
 * export the training CSV, and train XGBoost twice — as is, and with the rare class weighted up
 * by scale_pos_weight — to see accuracy stay put while the failures caught multiply.
 *
 * <p>Setup provides the bucket, the raw export and its table, the held-out readings and the
 * execution role; the learner profiles, cleans, trains and compares.
 */
public final class MessyDataLab implements Lab {
    static final String RAW = "raw/readings/";
    static final String CURATED = "curated/readings_clean/";
    static final String TRAINING = "training/readings_train/";
    static final String HOLDOUT = "holdout/features/";
    static final String HOLDOUT_FILE = "holdout.csv";
    static final String HOLDOUT_LABELS = "holdout/labels.csv";
    static final String RESULTS = "athena-results/";
    static final String MODELS = "models/";

    /** The two models: the same hyperparameters, one of them weighting failures. */
    enum Variant {
        PLAIN("plain"), WEIGHTED("weighted");

        final String suffix;

        Variant(String suffix) {
            this.suffix = suffix;
        }
    }

    @Override
    public LabInfo info() {
        return new LabInfo(
                "messy-data",
                "Profile and clean messy sensor data with Athena, then train for a 2 % minority class",
                "A pump fleet's readings arrive with gaps, a probe's fault code, vibration spikes and re-sent"
                        + " batches; 2 % of readings precede a failure. Profile them with Athena, clean them with one"
                        + " CTAS into Parquet, and train XGBoost with and without scale_pos_weight: accuracy barely"
                        + " moves, the failures caught do.",
                "1 Data Preparation for Machine Learning",
                "1.2 Transform data and perform feature engineering; 1.3 Ensure data integrity",
                List.of("Amazon Athena", "AWS Glue", "Amazon S3", "Amazon SageMaker", "AWS IAM"),
                50,
                "< $0.10",
                Set.of(Capability.S3, Capability.IAM, Capability.GLUE_CATALOG, Capability.ATHENA_SQL,
                        Capability.SAGEMAKER_TRAINING));
    }

    static String bucket(RunNames run) {
        return run.name("pumps");
    }

    /** Athena dislikes dashes in database names, so the database uses underscores. */
    static String database(RunNames run) {
        return run.name("pumps").replace('-', '_');
    }

    static String role(RunNames run) {
        return run.name("sagemaker-role");
    }

    /** The training job, and the model made from it, of one variant. */
    static String job(RunNames run, Variant variant) {
        return run.name(variant.suffix);
    }

    static String transformJob(RunNames run, Variant variant) {
        return run.name(variant.suffix + "-holdout");
    }

    static String predictions(RunNames run, Variant variant) {
        return s3(run, "predictions/" + variant.suffix + "/");
    }

    static String s3(RunNames run, String key) {
        return "s3://" + bucket(run) + "/" + key;
    }

    static String results(RunNames run) {
        return s3(run, RESULTS);
    }

    /** The guide's shell variables, in the order its steps use them. */
    @Override
    public Map<String, String> names(RunNames run) {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("BUCKET", bucket(run));
        names.put("DB", database(run));
        names.put("ROLE", role(run));
        names.put("PLAIN_JOB", job(run, Variant.PLAIN));
        names.put("WEIGHTED_JOB", job(run, Variant.WEIGHTED));
        names.put("PLAIN_TRANSFORM", transformJob(run, Variant.PLAIN));
        names.put("WEIGHTED_TRANSFORM", transformJob(run, Variant.WEIGHTED));
        return names;
    }

    static String region(LabContext ctx) {
        return ctx.sageMaker().serviceClientConfiguration().region().id();
    }

    @Override
    public void setup(LabContext ctx) throws Exception {
        String bucket = bucket(ctx);
        ctx.step("Create bucket " + bucket, () ->
                ctx.create(Resource.bucket(bucket), () -> LabBucket.create(ctx.s3(), bucket, ctx.tags())));
        List<Readings.Reading> raw = Readings.raw();
        List<Readings.Reading> holdout = Readings.holdout();
        ctx.step(String.format("Upload the raw export (%,d rows) and %,d held-out readings", raw.size(), holdout.size()), () -> {
            LabBucket.putText(ctx.s3(), bucket, RAW + "readings.csv", Readings.rawCsv(raw), "text/csv");
            LabBucket.putText(ctx.s3(), bucket, HOLDOUT + HOLDOUT_FILE, Readings.featuresCsv(holdout), "text/csv");
            StringBuilder labels = new StringBuilder("failure\n");
            holdout.forEach(r -> labels.append(r.failure()).append('\n'));
            LabBucket.putText(ctx.s3(), bucket, HOLDOUT_LABELS, labels.toString(), "text/csv");
        });
        ctx.step("Create Glue database " + database(ctx) + " and table readings_raw", () -> {
            ctx.create(Resource.glueDatabase(database(ctx)), () -> createDatabase(ctx.glue(), database(ctx)));
            AthenaQueries.run(ctx, database(ctx), results(ctx), CleaningSql.createRawTable(bucket));
        });
        ctx.step("Create execution role " + role(ctx) + " that SageMaker may assume", () ->
                ctx.create(Resource.role(role(ctx)), () -> SageMakerRole.create(ctx.iam(), role(ctx), bucket, ctx.tags())));
        ctx.step("Reserve names for the training jobs, models and transform jobs", () -> {
            for (Variant variant : Variant.values()) {
                ctx.create(Resource.trainingJob(job(ctx, variant)), () -> job(ctx, variant));
                ctx.create(Resource.sageMakerModel(job(ctx, variant)), () -> job(ctx, variant));
                ctx.create(Resource.transformJob(transformJob(ctx, variant)), () -> transformJob(ctx, variant));
            }
        });
        ctx.note("bucket " + bucket + "   database " + database(ctx) + "   table readings_raw   role " + role(ctx));
    }

    private static String createDatabase(GlueClient glue, String database) {
        glue.createDatabase(create -> create.databaseInput(input -> input.name(database)));
        return database;
    }

    @Override
    public void solve(LabContext ctx) throws Exception {
        String bucket = bucket(ctx);
        ctx.step("Profile readings_raw: duplicates, gaps, tails, balance", () ->
                show(ctx, AthenaQueries.run(ctx, database(ctx), results(ctx), CleaningSql.PROFILE)));
        double[] weight = new double[1];
        ctx.step("Count the classes once duplicates are gone", () -> {
            AthenaQueries.Answer balance = AthenaQueries.run(ctx, database(ctx), results(ctx), CleaningSql.BALANCE);
            show(ctx, balance);
            long negatives = Long.parseLong(balance.dataRows().get(0).get(1));
            long positives = Long.parseLong(balance.dataRows().get(1).get(1));
            weight[0] = (double) negatives / positives;
            ctx.note(String.format("scale_pos_weight = %d / %d = %.1f", negatives, positives, weight[0]));
        });
        ctx.step("CTAS readings_clean: deduplicated, glitches and gaps set to the median, Parquet", () ->
                AthenaQueries.run(ctx, database(ctx), results(ctx), CleaningSql.clean(bucket)));
        ctx.step("CTAS readings_train: label first, no header, CSV for the built-in XGBoost", () ->
                AthenaQueries.run(ctx, database(ctx), results(ctx), CleaningSql.exportTrainingCsv(bucket)));
        String roleArn = SageMakerRole.arn(ctx.iam(), role(ctx));
        ctx.step("Train XGBoost twice: as is, and with scale_pos_weight " + String.format("%.1f", weight[0]), () -> {
            for (Variant variant : Variant.values()) {
                XgboostTraining.start(ctx, XgboostTraining.request(job(ctx, variant), region(ctx), roleArn,
                        Map.of("train", s3(ctx, TRAINING)), s3(ctx, MODELS), hyperParameters(variant, weight[0]), ctx.tags()));
            }
            for (Variant variant : Variant.values()) {
                XgboostTraining.await(ctx, job(ctx, variant));
            }
        });
        ctx.step("Predict the held-out readings with both models (Batch Transform)", () -> {
            for (Variant variant : Variant.values()) {
                String artifact = ctx.sageMaker().describeTrainingJob(d -> d.trainingJobName(job(ctx, variant)))
                        .modelArtifacts().s3ModelArtifacts();
                BatchTransform.createModel(ctx, job(ctx, variant), region(ctx), artifact, roleArn);
                BatchTransform.start(ctx, transformJob(ctx, variant), job(ctx, variant), s3(ctx, HOLDOUT),
                        predictions(ctx, variant));
            }
            for (Variant variant : Variant.values()) {
                BatchTransform.await(ctx, transformJob(ctx, variant));
            }
        });
        ctx.step("Compare accuracy and failure recall at threshold 0.5", () -> compare(ctx));
    }

    /** The same ensemble for both; the weighted one counts each failure as {@code weight} readings. */
    static Map<String, String> hyperParameters(Variant variant, double weight) {
        Map<String, String> hyperParameters = new LinkedHashMap<>();
        hyperParameters.put("objective", "binary:logistic");
        hyperParameters.put("num_round", "50");
        hyperParameters.put("max_depth", "4");
        hyperParameters.put("eta", "0.2");
        if (variant == Variant.WEIGHTED) {
            hyperParameters.put("scale_pos_weight", String.format(java.util.Locale.ROOT, "%.1f", weight));
        }
        return hyperParameters;
    }

    private static void compare(LabContext ctx) {
        String labelsCsv = ctx.s3().getObjectAsBytes(get -> get.bucket(bucket(ctx)).key(HOLDOUT_LABELS)).asUtf8String();
        List<Integer> labels = labelsCsv.lines().skip(1).filter(l -> !l.isBlank()).map(l -> Integer.parseInt(l.strip())).toList();
        ctx.note("model     accuracy  recall  precision  failures caught");
        BinaryMetrics.Confusion never = BinaryMetrics.confusion(labels.stream().map(l -> 0.0).toList(), labels, 0.5);
        ctx.note(String.format("%-9s %8.4f  %6.3f  %9s  %d of %d", "never", never.accuracy(), never.recall(), "-", 0,
                never.tp() + never.fn()));
        for (Variant variant : Variant.values()) {
            List<Double> scores = Predictions.read(ctx.s3(), predictions(ctx, variant), HOLDOUT_FILE);
            BinaryMetrics.Confusion at = BinaryMetrics.confusion(scores, labels, 0.5);
            ctx.note(String.format("%-9s %8.4f  %6.3f  %9.3f  %d of %d", variant.suffix, at.accuracy(), at.recall(),
                    at.precision(), at.tp(), at.tp() + at.fn()));
        }
    }

    private static void show(LabContext ctx, AthenaQueries.Answer answer) {
        List<String> header = answer.rows().get(0);
        for (List<String> row : answer.dataRows()) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                line.append(header.get(i)).append('=').append(row.get(i)).append("  ");
            }
            ctx.note(line.toString().strip());
        }
    }

    @Override
    public List<Check> checks() {
        return List.of(
                Check.of("readings_clean is a Parquet table in the lab bucket", MessyChecks::cleanTableIsParquet),
                Check.of("readings_clean has no duplicates, no gaps and no glitches, and keeps every reading",
                        MessyChecks::cleanTableIsClean),
                Check.of("Two XGBoost jobs trained on the cleaned CSV, one with scale_pos_weight near negatives/positives",
                        MessyChecks::twoJobsTrained),
                Check.of("Both models predicted every held-out reading", MessyChecks::bothPredictedEveryReading),
                Check.of("Weighting lifts failure recall by at least 0.15 while accuracy moves by less than 0.04",
                        MessyChecks::recallRisesAccuracyStays));
    }
}

package io.labrunner.labs.sagemakerxgboost;

import io.labrunner.core.Capability;
import io.labrunner.core.Check;
import io.labrunner.core.Lab;
import io.labrunner.core.LabContext;
import io.labrunner.core.LabInfo;
import io.labrunner.core.Resource;
import io.labrunner.core.RunNames;
import io.labrunner.labs.s3glueathena.LabBucket;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.sagemaker.model.DescribeTrainingJobResponse;
import software.amazon.awssdk.services.sagemaker.model.MetricData;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Supervised learning end to end on SageMaker's built-in XGBoost: customers' features and whether
 * they churned go to S3 as CSV, a training job learns from the training part while watching AUC on
 * the validation part, a model made from its artifact predicts the held-out part in a Batch
 * Transform job, and the learner judges those predictions themselves — confusion matrix,
 * precision, recall, F1, AUC — and picks the threshold the business needs.
 *
 * <p>Setup provides the bucket, the data and the execution role; the learner trains, transforms and evaluates.
 */
public final class SageMakerXgboostLab implements Lab {
    static final String TRAIN = "data/train/";
    static final String VALIDATION = "data/validation/";
    static final String TEST = "data/test/";
    static final String TEST_FILE = "test.csv";
    static final String LABELS = "holdout/test_labels.csv";
    static final String MODELS = "models/";
    static final String PREDICTIONS = "predictions/";
    static final String EVALUATION = "evaluation/evaluation.json";
    /** The marketing team wants to reach at least this share of the customers who would leave. */
    static final double TARGET_RECALL = 0.80;

    /** The hyperparameters of the guide: a small, shallow ensemble that watches validation AUC. */
    static final Map<String, String> HYPERPARAMETERS = orderedMap(
            "objective", "binary:logistic",
            "num_round", "60",
            "max_depth", "4",
            "eta", "0.2",
            "subsample", "0.8",
            "min_child_weight", "1",
            "eval_metric", "auc",
            "early_stopping_rounds", "10");

    @Override
    public LabInfo info() {
        return new LabInfo(
                "sagemaker-xgboost",
                "Train built-in XGBoost on customer churn, then judge it yourself on held-out customers",
                "A telecom's customers and whether they left wait in S3 as CSV, split into train, validation and"
                        + " test. Train SageMaker's built-in XGBoost, predict the test customers with Batch Transform,"
                        + " and compute the confusion matrix, precision, recall, F1 and AUC yourself — then pick the"
                        + " threshold that catches 80 % of churners.",
                "2 ML Model Development",
                "2.2 Train and refine models; 2.3 Analyze model performance",
                List.of("Amazon SageMaker", "Amazon S3", "AWS IAM", "Amazon CloudWatch Logs"),
                45,
                "< $0.05",
                Set.of(Capability.S3, Capability.IAM, Capability.SAGEMAKER_TRAINING));
    }

    // Every name depends only on the run id, so each phase (and the learner) finds them again.

    static String bucket(RunNames run) {
        return run.name("churn");
    }

    static String role(RunNames run) {
        return run.name("sagemaker-role");
    }

    /** The training job and the model made from it share a name. */
    static String job(RunNames run) {
        return run.name("churn-xgb");
    }

    static String transformJob(RunNames run) {
        return run.name("churn-test");
    }

    /** The guide's shell variables, in the order its steps use them. */
    @Override
    public Map<String, String> names(RunNames run) {
        return orderedMap("BUCKET", bucket(run), "ROLE", role(run), "JOB", job(run), "MODEL", job(run),
                "TRANSFORM_JOB", transformJob(run));
    }

    static String s3(RunNames run, String key) {
        return "s3://" + bucket(run) + "/" + key;
    }

    static String region(LabContext ctx) {
        return ctx.sageMaker().serviceClientConfiguration().region().id();
    }

    @Override
    public void setup(LabContext ctx) throws Exception {
        String bucket = bucket(ctx);
        ctx.step("Create bucket " + bucket, () ->
                ctx.create(Resource.bucket(bucket), () -> LabBucket.create(ctx.s3(), bucket, ctx.tags())));
        Customers.Split data = Customers.dataset();
        ctx.step(String.format("Upload %,d training, %,d validation and %,d test customers as CSV",
                data.train().size(), data.validation().size(), data.test().size()), () -> upload(ctx.s3(), bucket, data));
        ctx.step("Create execution role " + role(ctx) + " that SageMaker may assume", () ->
                ctx.create(Resource.role(role(ctx)), () -> SageMakerRole.create(ctx.iam(), role(ctx), bucket, ctx.tags())));
        // The learner creates these by hand. Recording their names now lets cleanup stop or delete
        // them whoever made them; one never made is no error.
        ctx.step("Reserve names for the training job, the model and the transform job", () -> {
            ctx.create(Resource.trainingJob(job(ctx)), () -> job(ctx));
            ctx.create(Resource.sageMakerModel(job(ctx)), () -> job(ctx));
            ctx.create(Resource.transformJob(transformJob(ctx)), () -> transformJob(ctx));
        });
        ctx.note("bucket " + bucket + "   role " + role(ctx));
        ctx.note("training job and model " + job(ctx) + "   transform job " + transformJob(ctx));
        ctx.note("image " + XgboostImage.uri(region(ctx)));
    }

    private static void upload(S3Client s3, String bucket, Customers.Split data) {
        LabBucket.putText(s3, bucket, TRAIN + "train.csv", Customers.labelledCsv(data.train()), "text/csv");
        LabBucket.putText(s3, bucket, VALIDATION + "validation.csv", Customers.labelledCsv(data.validation()), "text/csv");
        LabBucket.putText(s3, bucket, TEST + TEST_FILE, Customers.featuresCsv(data.test()), "text/csv");
        LabBucket.putText(s3, bucket, LABELS, Customers.labelsCsv(data.test()), "text/csv");
    }

    @Override
    public void solve(LabContext ctx) throws Exception {
        String roleArn = SageMakerRole.arn(ctx.iam(), role(ctx));
        AtomicReference<DescribeTrainingJobResponse> trained = new AtomicReference<>();
        ctx.step("Train XGBoost " + XgboostImage.VERSION + " (job " + job(ctx) + ") and wait for it", () -> {
            trained.set(XgboostTraining.trainAndWait(ctx, XgboostTraining.request(job(ctx), region(ctx), roleArn,
                    orderedMap("train", s3(ctx, TRAIN), "validation", s3(ctx, VALIDATION)), s3(ctx, MODELS),
                    HYPERPARAMETERS, ctx.tags())));
            showTraining(ctx, trained.get());
        });
        ctx.step("Read the end of the training log in CloudWatch Logs", () -> showLogTail(ctx, job(ctx)));
        String artifact = trained.get().modelArtifacts().s3ModelArtifacts();
        ctx.step("Create model " + job(ctx) + " from " + artifact, () ->
                BatchTransform.createModel(ctx, job(ctx), region(ctx), artifact, roleArn));
        ctx.step("Predict the " + Customers.dataset().test().size() + " held-out customers with Batch Transform", () ->
                BatchTransform.transformAndWait(ctx, transformJob(ctx), job(ctx), s3(ctx, TEST), s3(ctx, PREDICTIONS)));
        ctx.step("Evaluate the predictions against the held-out labels", () -> evaluate(ctx));
    }

    private static void showTraining(LabContext ctx, DescribeTrainingJobResponse job) {
        for (MetricData metric : job.finalMetricDataList()) {
            ctx.note(String.format("%-18s %.4f", metric.metricName(), metric.value()));
        }
        long billable = job.billableTimeInSeconds() == null ? 0 : job.billableTimeInSeconds();
        ctx.note(String.format("billable %d s on %s: about $%.4f at $0.115/hour", billable,
                job.resourceConfig().instanceTypeAsString(), billable * 0.115 / 3600));
    }

    /** The container's last lines: one per boosting round, with train and validation AUC. */
    private static void showLogTail(LabContext ctx, String job) {
        String group = "/aws/sagemaker/TrainingJobs";
        var streams = ctx.logs().describeLogStreams(describe -> describe.logGroupName(group).logStreamNamePrefix(job + "/"))
                .logStreams();
        if (streams.isEmpty()) {
            ctx.note("no log stream for " + job + " in " + group);
            return;
        }
        List<OutputLogEvent> events = ctx.logs().getLogEvents(get -> get.logGroupName(group)
                .logStreamName(streams.get(0).logStreamName()).startFromHead(false).limit(3)).events();
        events.forEach(e -> ctx.note(e.message().replace("\t", "  ").strip()));
    }

    /** What the learner does by hand: the predictions next to the labels, counted and ranked. */
    private static void evaluate(LabContext ctx) {
        S3Client s3 = ctx.s3();
        List<Double> scores = Predictions.read(s3, s3(ctx, PREDICTIONS), TEST_FILE);
        List<Integer> labels = readLabels(s3, bucket(ctx));
        BinaryMetrics.Confusion atHalf = BinaryMetrics.confusion(scores, labels, 0.5);
        BinaryMetrics.Confusion chosen = BinaryMetrics.thresholdForRecall(scores, labels, TARGET_RECALL);
        ctx.note("threshold   TP   FP   TN   FN  accuracy precision recall   F1");
        for (BinaryMetrics.Confusion at : List.of(atHalf, chosen)) {
            ctx.note(String.format("%9.2f %4d %4d %4d %4d  %8.3f %9.3f %6.3f %5.3f", at.threshold(), at.tp(), at.fp(),
                    at.tn(), at.fn(), at.accuracy(), at.precision(), at.recall(), at.f1()));
        }
        Evaluation evaluation = Evaluation.of(scores, labels, chosen.threshold());
        ctx.note(String.format("AUC %.3f; chosen threshold %.2f catches %.0f %% of churners", evaluation.auc(),
                evaluation.threshold(), 100 * evaluation.recall()));
        LabBucket.putText(s3, bucket(ctx), EVALUATION, evaluation.toJson(), "application/json");
    }

    /** The held-out labels, in test-set order, from the learner's own copy in S3. */
    static List<Integer> readLabels(S3Client s3, String bucket) {
        String csv = s3.getObjectAsBytes(get -> get.bucket(bucket).key(LABELS)).asUtf8String();
        return csv.lines().skip(1).filter(l -> !l.isBlank()).map(l -> Integer.parseInt(l.strip())).toList();
    }

    @Override
    public List<Check> checks() {
        return List.of(
                Check.of("The training job completed on built-in XGBoost with train and validation CSV channels",
                        ChurnChecks::trainingCompleted),
                Check.of("Its model artifact is in the bucket: model.tar.gz holding xgboost-model", ChurnChecks::artifactIsAnXgboostModel),
                Check.of("A SageMaker model serves that artifact with the XGBoost image", ChurnChecks::modelServesTheArtifact),
                Check.of("Batch Transform wrote one probability per held-out customer", ChurnChecks::onePredictionPerCustomer),
                Check.of("The predictions rank churners above stayers: AUC at least 0.78 on the held-out customers",
                        ChurnChecks::aucAboveBar),
                Check.of("evaluation/evaluation.json matches the predictions, and its threshold catches 80 % of churners",
                        ChurnChecks::evaluationMatches));
    }

    static Map<String, String> orderedMap(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}

package io.labrunner.labs.sagemakerxgboost;

import io.labrunner.core.CheckResult;
import io.labrunner.core.LabContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.sagemaker.model.Channel;
import software.amazon.awssdk.services.sagemaker.model.DescribeModelResponse;
import software.amazon.awssdk.services.sagemaker.model.DescribeTrainingJobResponse;
import software.amazon.awssdk.services.sagemaker.model.DescribeTransformJobResponse;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;
import software.amazon.awssdk.services.sagemaker.model.TrainingJobStatus;
import software.amazon.awssdk.services.sagemaker.model.TransformJobStatus;

/**
 * The judgements of {@link SageMakerXgboostLab}, all from what SageMaker and S3 hold: the jobs'
 * descriptions, the artifact's bytes, the prediction objects — scored by the checks themselves
 * against the labels the data was generated with, never taken from what the solution printed.
 */
final class ChurnChecks {
    static final double AUC_BAR = 0.78;
    /** Rounding the learner may do when writing ratios. */
    private static final double TOLERANCE = 0.005;

    private ChurnChecks() {
    }

    static Optional<DescribeTrainingJobResponse> trainingJob(LabContext ctx, String name) {
        try {
            return Optional.of(ctx.sageMaker().describeTrainingJob(d -> d.trainingJobName(name)));
        } catch (SageMakerException e) {
            return Optional.empty();
        }
    }

    private static String trainHint(LabContext ctx) {
        return "Create training job " + SageMakerXgboostLab.job(ctx) + " on image "
                + XgboostImage.uri(SageMakerXgboostLab.region(ctx)) + " with channels train and validation"
                + " (ContentType text/csv) and wait for it (step 3 of the guide).";
    }

    static CheckResult trainingCompleted(LabContext ctx) {
        Optional<DescribeTrainingJobResponse> found = trainingJob(ctx, SageMakerXgboostLab.job(ctx));
        if (found.isEmpty()) {
            return CheckResult.fail("no training job " + SageMakerXgboostLab.job(ctx), trainHint(ctx));
        }
        DescribeTrainingJobResponse job = found.get();
        if (job.trainingJobStatus() != TrainingJobStatus.COMPLETED) {
            return CheckResult.fail("the job is " + job.trainingJobStatusAsString()
                    + (job.failureReason() == null ? "" : ": " + job.failureReason()), trainHint(ctx));
        }
        String image = job.algorithmSpecification().trainingImage();
        if (!image.contains("/" + XgboostImage.REPOSITORY + ":")) {
            return CheckResult.fail("it ran image " + image, trainHint(ctx));
        }
        Map<String, String> channels = job.inputDataConfig().stream().collect(Collectors.toMap(Channel::channelName,
                c -> c.dataSource().s3DataSource().s3Uri()));
        if (!channels.keySet().containsAll(List.of("train", "validation"))) {
            return CheckResult.fail("its channels are " + channels.keySet(),
                    "Give it a train channel and a validation channel, so it reports validation:auc.");
        }
        if (!channels.get("train").startsWith(SageMakerXgboostLab.s3(ctx, SageMakerXgboostLab.TRAIN))
                || !channels.get("validation").startsWith(SageMakerXgboostLab.s3(ctx, SageMakerXgboostLab.VALIDATION))) {
            return CheckResult.fail("it read " + channels, "Point train at " + SageMakerXgboostLab.s3(ctx, SageMakerXgboostLab.TRAIN)
                    + " and validation at " + SageMakerXgboostLab.s3(ctx, SageMakerXgboostLab.VALIDATION) + ".");
        }
        Optional<Double> auc = job.finalMetricDataList().stream().filter(m -> m.metricName().equals("validation:auc"))
                .map(m -> (double) m.value()).findFirst();
        if (auc.isEmpty()) {
            return CheckResult.fail("its final metrics are " + job.finalMetricDataList().stream().map(m -> m.metricName()).toList(),
                    "Set the hyperparameter eval_metric to auc.");
        }
        return CheckResult.pass(String.format("Completed on %s; validation:auc %.3f, billable %d s", image, auc.get(),
                job.billableTimeInSeconds()));
    }

    static CheckResult artifactIsAnXgboostModel(LabContext ctx) throws Exception {
        Optional<DescribeTrainingJobResponse> job = trainingJob(ctx, SageMakerXgboostLab.job(ctx))
                .filter(j -> j.trainingJobStatus() == TrainingJobStatus.COMPLETED);
        if (job.isEmpty()) {
            return CheckResult.fail("no completed training job " + SageMakerXgboostLab.job(ctx), trainHint(ctx));
        }
        String artifact = job.get().modelArtifacts().s3ModelArtifacts();
        Predictions.S3Location where = Predictions.S3Location.parse(artifact);
        if (!where.bucket().equals(SageMakerXgboostLab.bucket(ctx))) {
            return CheckResult.fail("the artifact went to " + artifact,
                    "Set OutputDataConfig.S3OutputPath to " + SageMakerXgboostLab.s3(ctx, SageMakerXgboostLab.MODELS) + ".");
        }
        byte[] bytes;
        try {
            bytes = ctx.s3().getObjectAsBytes(get -> get.bucket(where.bucket()).key(where.prefix())).asByteArray();
        } catch (NoSuchKeyException e) {
            return CheckResult.fail("no object at " + artifact, "Look at what the job wrote: aws s3 ls "
                    + SageMakerXgboostLab.s3(ctx, SageMakerXgboostLab.MODELS) + " --recursive");
        }
        Map<String, Long> files = TarGz.entries(bytes);
        if (files.getOrDefault("xgboost-model", 0L) <= 0) {
            return CheckResult.fail(artifact + " holds " + files.keySet(), "The built-in XGBoost writes xgboost-model;"
                    + " was the job run on the sagemaker-xgboost image?");
        }
        return CheckResult.pass(String.format("%s (%,d bytes) holds xgboost-model (%,d bytes)", artifact, bytes.length,
                files.get("xgboost-model")));
    }

    static CheckResult modelServesTheArtifact(LabContext ctx) {
        DescribeModelResponse model;
        try {
            model = ctx.sageMaker().describeModel(d -> d.modelName(SageMakerXgboostLab.job(ctx)));
        } catch (SageMakerException e) {
            return CheckResult.fail("no model " + SageMakerXgboostLab.job(ctx),
                    "Create model " + SageMakerXgboostLab.job(ctx) + " with the XGBoost image and the job's ModelArtifacts.S3ModelArtifacts.");
        }
        String artifact = trainingJob(ctx, SageMakerXgboostLab.job(ctx)).map(j -> j.modelArtifacts().s3ModelArtifacts())
                .orElse("(no training job)");
        String dataUrl = model.primaryContainer().modelDataUrl();
        if (!artifact.equals(dataUrl)) {
            return CheckResult.fail("the model serves " + dataUrl + " but the job wrote " + artifact,
                    "Set PrimaryContainer.ModelDataUrl to the training job's artifact.");
        }
        if (!model.primaryContainer().image().contains("/" + XgboostImage.REPOSITORY + ":")) {
            return CheckResult.fail("the model runs " + model.primaryContainer().image(),
                    "An XGBoost artifact is served by the same sagemaker-xgboost image that trained it.");
        }
        return CheckResult.pass(model.modelName() + " serves " + dataUrl);
    }

    private static Optional<DescribeTransformJobResponse> transformJob(LabContext ctx) {
        try {
            return Optional.of(ctx.sageMaker().describeTransformJob(d -> d.transformJobName(SageMakerXgboostLab.transformJob(ctx))));
        } catch (SageMakerException e) {
            return Optional.empty();
        }
    }

    private static String transformHint(LabContext ctx) {
        return "Run transform job " + SageMakerXgboostLab.transformJob(ctx) + " over "
                + SageMakerXgboostLab.s3(ctx, SageMakerXgboostLab.TEST) + " (text/csv, SplitType Line) into "
                + SageMakerXgboostLab.s3(ctx, SageMakerXgboostLab.PREDICTIONS) + " (step 5 of the guide).";
    }

    /** The scores Batch Transform wrote for the test file, or why there are none. */
    static Optional<List<Double>> scores(LabContext ctx, StringBuilder why) {
        Optional<DescribeTransformJobResponse> job = transformJob(ctx);
        if (job.isEmpty() || job.get().transformJobStatus() != TransformJobStatus.COMPLETED) {
            why.append(job.map(j -> "transform job is " + j.transformJobStatusAsString()
                    + (j.failureReason() == null ? "" : ": " + j.failureReason())).orElse("no transform job "
                    + SageMakerXgboostLab.transformJob(ctx)));
            return Optional.empty();
        }
        String output = job.get().transformOutput().s3OutputPath();
        try {
            return Optional.of(Predictions.read(ctx.s3(), output, SageMakerXgboostLab.TEST_FILE));
        } catch (NoSuchKeyException e) {
            why.append("no " + SageMakerXgboostLab.TEST_FILE + ".out under " + output + "; found "
                    + Predictions.outputKeys(ctx.s3(), output));
            return Optional.empty();
        } catch (NumberFormatException e) {
            why.append("a line of " + SageMakerXgboostLab.TEST_FILE + ".out is not a number: " + e.getMessage());
            return Optional.empty();
        }
    }

    static CheckResult onePredictionPerCustomer(LabContext ctx) {
        StringBuilder why = new StringBuilder();
        Optional<List<Double>> scores = scores(ctx, why);
        if (scores.isEmpty()) {
            return CheckResult.fail(why.toString(), transformHint(ctx));
        }
        int expected = Customers.dataset().test().size();
        if (scores.get().size() != expected) {
            return CheckResult.fail(scores.get().size() + " predictions for " + expected + " customers",
                    "Send the test file line by line (SplitType Line) and assemble the output by line (AssembleWith Line).");
        }
        if (scores.get().stream().anyMatch(s -> s < 0 || s > 1)) {
            return CheckResult.fail("some predictions are outside [0, 1]", "Train with objective binary:logistic.");
        }
        return CheckResult.pass(expected + " probabilities, one per held-out customer");
    }

    static CheckResult aucAboveBar(LabContext ctx) {
        StringBuilder why = new StringBuilder();
        Optional<List<Double>> scores = scores(ctx, why);
        List<Integer> labels = Customers.dataset().test().stream().map(Customers.Customer::churned).toList();
        if (scores.isEmpty() || scores.get().size() != labels.size()) {
            return CheckResult.fail(scores.isEmpty() ? why.toString() : "predictions do not line up with the customers",
                    transformHint(ctx));
        }
        double auc = BinaryMetrics.auc(scores.get(), labels);
        if (auc < AUC_BAR) {
            return CheckResult.fail(String.format("AUC %.3f", auc), "Train on the train channel with the guide's"
                    + " hyperparameters; a model that ranks no better than chance has AUC 0.5.");
        }
        return CheckResult.pass(String.format("AUC %.3f on %d held-out customers", auc, labels.size()));
    }

    static CheckResult evaluationMatches(LabContext ctx) {
        Evaluation claimed;
        try {
            claimed = Evaluation.fromJson(ctx.s3().getObjectAsBytes(get -> get.bucket(SageMakerXgboostLab.bucket(ctx))
                    .key(SageMakerXgboostLab.EVALUATION)).asUtf8String());
        } catch (NoSuchKeyException e) {
            return CheckResult.fail("no " + SageMakerXgboostLab.EVALUATION, "Write your evaluation as JSON (step 6 of the guide).");
        } catch (RuntimeException e) {
            return CheckResult.fail(SageMakerXgboostLab.EVALUATION + " is not the guide's JSON: " + e.getMessage(),
                    "Write threshold, tp, fp, tn, fn, accuracy, precision, recall, f1 and auc as numbers.");
        }
        StringBuilder why = new StringBuilder();
        Optional<List<Double>> scores = scores(ctx, why);
        List<Integer> labels = Customers.dataset().test().stream().map(Customers.Customer::churned).toList();
        if (scores.isEmpty() || scores.get().size() != labels.size()) {
            return CheckResult.fail(scores.isEmpty() ? why.toString() : "predictions do not line up with the customers",
                    transformHint(ctx));
        }
        Evaluation actual = Evaluation.of(scores.get(), labels, claimed.threshold());
        if (actual.tp() != claimed.tp() || actual.fp() != claimed.fp() || actual.tn() != claimed.tn() || actual.fn() != claimed.fn()) {
            return CheckResult.fail(String.format("at threshold %.2f the predictions give TP %d FP %d TN %d FN %d; you wrote"
                    + " TP %d FP %d TN %d FN %d", claimed.threshold(), actual.tp(), actual.fp(), actual.tn(), actual.fn(),
                    claimed.tp(), claimed.fp(), claimed.tn(), claimed.fn()),
                    "A customer is predicted to churn when the score is at or above the threshold; line i of test.csv.out"
                            + " belongs to line i+1 of test_labels.csv (after its header).");
        }
        String off = differing(claimed, actual);
        if (!off.isEmpty()) {
            return CheckResult.fail("these differ from the confusion matrix: " + off,
                    "precision = TP/(TP+FP), recall = TP/(TP+FN), F1 = 2PR/(P+R), AUC from the ranks of the scores.");
        }
        if (actual.recall() < SageMakerXgboostLab.TARGET_RECALL) {
            return CheckResult.fail(String.format("threshold %.2f catches %.1f %% of churners", claimed.threshold(),
                    100 * actual.recall()), "Lower the threshold until recall reaches 0.80.");
        }
        return CheckResult.pass(String.format("threshold %.2f: precision %.3f, recall %.3f, F1 %.3f, AUC %.3f — all as"
                + " recomputed", claimed.threshold(), actual.precision(), actual.recall(), actual.f1(), actual.auc()));
    }

    private static String differing(Evaluation claimed, Evaluation actual) {
        StringBuilder off = new StringBuilder();
        compare(off, "accuracy", claimed.accuracy(), actual.accuracy());
        compare(off, "precision", claimed.precision(), actual.precision());
        compare(off, "recall", claimed.recall(), actual.recall());
        compare(off, "f1", claimed.f1(), actual.f1());
        compare(off, "auc", claimed.auc(), actual.auc());
        return off.toString().strip();
    }

    private static void compare(StringBuilder off, String name, double claimed, double actual) {
        if (!(Math.abs(claimed - actual) <= TOLERANCE)) {
            off.append(String.format(" %s %.4f (should be %.4f)", name, claimed, actual));
        }
    }
}

package io.labrunner.labs.sagemakerxgboost;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.labrunner.core.CheckResult;
import io.labrunner.core.LabContext;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.sagemaker.model.Channel;
import software.amazon.awssdk.services.sagemaker.model.DescribeModelResponse;
import software.amazon.awssdk.services.sagemaker.model.DescribeTrainingJobResponse;
import software.amazon.awssdk.services.sagemaker.model.DescribeTransformJobResponse;
import software.amazon.awssdk.services.sagemaker.model.MetricData;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;
import software.amazon.awssdk.services.sagemaker.model.TrainingJobStatus;
import software.amazon.awssdk.services.sagemaker.model.TransformJobStatus;

/**
 * The judgements of {@link SageMakerXgboostLab}, all from what SageMaker and S3 hold: the jobs'
 * descriptions, the artifact's bytes, the prediction objects — read and scored by the checks' own
 * code ({@link TransformOutput}, {@link ScoredLabels}) against the labels the data was generated
 * with. What the learner wrote in evaluation.json is a claim, recomputed, never believed. Hints
 * come in tiers: what to look at, then more, then the guide's step with the run's names.
 */
final class ChurnChecks {
    static final double AUC_BAR = 0.78;
    /** Rounding the learner may do when writing ratios. */
    private static final double TOLERANCE = 0.005;
    private static final ObjectMapper JSON = new ObjectMapper();

    private ChurnChecks() {
    }

    static Optional<DescribeTrainingJobResponse> trainingJob(LabContext ctx, String name) {
        try {
            return Optional.of(ctx.sageMaker().describeTrainingJob(d -> d.trainingJobName(name)));
        } catch (SageMakerException e) {
            return Optional.empty();
        }
    }

    /** The guide's step 3 with this run's names. */
    private static String trainStep(LabContext ctx) {
        return "Step 3 of the guide: aws $ENDPOINT sagemaker create-training-job --training-job-name "
                + SageMakerXgboostLab.job(ctx) + " --algorithm-specification TrainingImage="
                + XgboostImage.uri(SageMakerXgboostLab.region(ctx)) + ",TrainingInputMode=File --role-arn $ROLE_ARN"
                + " --input-data-config \"ChannelName=train,ContentType=text/csv,DataSource={S3DataSource={S3DataType=S3Prefix,S3Uri="
                + SageMakerXgboostLab.s3(ctx, SageMakerXgboostLab.TRAIN) + "}}\" \"ChannelName=validation,ContentType=text/csv,"
                + "DataSource={S3DataSource={S3DataType=S3Prefix,S3Uri=" + SageMakerXgboostLab.s3(ctx, SageMakerXgboostLab.VALIDATION)
                + "}}\" --output-data-config S3OutputPath=" + SageMakerXgboostLab.s3(ctx, SageMakerXgboostLab.MODELS)
                + " --resource-config InstanceType=ml.m5.large,InstanceCount=1,VolumeSizeInGB=5 --stopping-condition"
                + " MaxRuntimeInSeconds=900 --hyper-parameters objective=binary:logistic,num_round=60,max_depth=4,eta=0.2,subsample=0.8,"
                + "min_child_weight=1,eval_metric=auc,early_stopping_rounds=10";
    }

    static CheckResult trainingCompleted(LabContext ctx) {
        String name = SageMakerXgboostLab.job(ctx);
        Optional<DescribeTrainingJobResponse> found = trainingJob(ctx, name);
        if (found.isEmpty()) {
            return CheckResult.fail("no training job " + name,
                    "Nothing has been trained under the name $JOB (" + name + ") yet.",
                    "CreateTrainingJob needs the XGBoost image, $ROLE's ARN, a train and a validation channel (ContentType"
                            + " text/csv), an output path in $BUCKET, an instance, a time limit and the hyperparameters.",
                    trainStep(ctx));
        }
        DescribeTrainingJobResponse job = found.get();
        if (job.trainingJobStatus() != TrainingJobStatus.COMPLETED) {
            String reason = job.failureReason() == null ? "" : job.failureReason();
            String seen = "the job is " + job.trainingJobStatusAsString() + (reason.isEmpty() ? "" : ": " + reason);
            if (job.trainingJobStatus() == TrainingJobStatus.IN_PROGRESS) {
                return CheckResult.fail(seen, "It is still training: wait with aws $ENDPOINT sagemaker wait"
                        + " training-job-completed-or-stopped --training-job-name $JOB, then check again.");
            }
            if (reason.contains("libsvm") || reason.contains("colon")) {
                return CheckResult.fail(seen, "The container read your CSV as libsvm: a channel has no ContentType.",
                        "Add ContentType=text/csv to both channels; without it the built-in XGBoost assumes libsvm.",
                        trainStep(ctx));
            }
            return CheckResult.fail(seen, "Read the FailureReason above: it names the input or setting the container refused.",
                    "The usual causes: a channel without ContentType text/csv, a header row in the CSV, a hyperparameter"
                            + " the algorithm does not know. Training jobs cannot be re-run under the same name: start the"
                            + " lab again (lab start --new) or fix and retry on a new run.",
                    trainStep(ctx));
        }
        String image = job.algorithmSpecification().trainingImage();
        if (!image.contains("/" + XgboostImage.REPOSITORY + ":")) {
            return CheckResult.fail("it ran image " + image, "This lab is about the built-in XGBoost: train on its image.",
                    "The image is " + XgboostImage.uri(SageMakerXgboostLab.region(ctx)) + " (the registry account differs per region).",
                    trainStep(ctx));
        }
        Map<String, String> channels = job.inputDataConfig().stream().collect(Collectors.toMap(Channel::channelName,
                c -> c.dataSource().s3DataSource().s3Uri()));
        if (!channels.containsKey("validation")) {
            return CheckResult.fail("its channels are " + channels.keySet(),
                    "The job had no validation channel, so nothing measured it on customers it did not train on.",
                    "Add a second channel named validation on " + SageMakerXgboostLab.s3(ctx, SageMakerXgboostLab.VALIDATION)
                            + ": it gives validation:auc and lets early stopping work.",
                    trainStep(ctx));
        }
        String train = channels.getOrDefault("train", "(none)");
        String validation = channels.get("validation");
        if (!train.startsWith(SageMakerXgboostLab.s3(ctx, SageMakerXgboostLab.TRAIN))
                || !validation.startsWith(SageMakerXgboostLab.s3(ctx, SageMakerXgboostLab.VALIDATION))) {
            boolean swapped = train.startsWith(SageMakerXgboostLab.s3(ctx, SageMakerXgboostLab.VALIDATION));
            return CheckResult.fail("train read " + train + ", validation read " + validation,
                    swapped ? "The channels are swapped: the model learned from the 750 validation customers."
                            : "A channel reads another prefix than the guide's.",
                    "train is " + SageMakerXgboostLab.s3(ctx, SageMakerXgboostLab.TRAIN) + ", validation is "
                            + SageMakerXgboostLab.s3(ctx, SageMakerXgboostLab.VALIDATION) + ".",
                    trainStep(ctx));
        }
        Optional<Float> auc = metric(job, "validation:auc");
        if (auc.isEmpty()) {
            return CheckResult.fail("its final metrics are " + job.finalMetricDataList().stream().map(MetricData::metricName).toList(),
                    "The job reported no validation:auc: its eval_metric is "
                            + job.hyperParameters().getOrDefault("eval_metric", "not set") + ".",
                    "Set the hyperparameter eval_metric=auc: the container then reports train:auc and validation:auc.",
                    trainStep(ctx));
        }
        return CheckResult.pass(String.format("Completed on %s; validation:auc %.3f, billable %d s", image, auc.get(),
                job.billableTimeInSeconds()));
    }

    private static Optional<Float> metric(DescribeTrainingJobResponse job, String name) {
        return job.finalMetricDataList().stream().filter(m -> m.metricName().equals(name)).map(MetricData::value).findFirst();
    }

    static CheckResult artifactIsAnXgboostModel(LabContext ctx) throws Exception {
        Optional<DescribeTrainingJobResponse> job = trainingJob(ctx, SageMakerXgboostLab.job(ctx))
                .filter(j -> j.trainingJobStatus() == TrainingJobStatus.COMPLETED);
        if (job.isEmpty()) {
            return CheckResult.fail("no completed training job " + SageMakerXgboostLab.job(ctx),
                    "The artifact comes from the training job: train first (the check above says what it sees).",
                    trainStep(ctx));
        }
        String artifact = job.get().modelArtifacts().s3ModelArtifacts();
        String models = SageMakerXgboostLab.s3(ctx, SageMakerXgboostLab.MODELS);
        if (!artifact.startsWith(models)) {
            return CheckResult.fail("the artifact went to " + artifact,
                    "The job wrote its model outside " + models + ".",
                    "Set --output-data-config S3OutputPath=" + models + " when you create the job.");
        }
        String rest = artifact.substring("s3://".length());
        String bucket = rest.substring(0, rest.indexOf('/'));
        String key = rest.substring(rest.indexOf('/') + 1);
        byte[] bytes;
        try {
            bytes = ctx.s3().getObjectAsBytes(get -> get.bucket(bucket).key(key)).asByteArray();
        } catch (NoSuchKeyException e) {
            return CheckResult.fail("no object at " + artifact, "The job names an artifact that is not there: was it deleted?",
                    "Look at what is there: aws $ENDPOINT s3 ls " + models + " --recursive");
        }
        Map<String, Long> files;
        try {
            files = TarGz.entries(bytes);
        } catch (IOException e) {
            return CheckResult.fail(artifact + " is not a gzipped tar (" + e.getMessage() + ")",
                    "Something overwrote model.tar.gz: SageMaker writes a gzipped tar holding xgboost-model.");
        }
        if (files.getOrDefault("xgboost-model", 0L) <= 0) {
            return CheckResult.fail(artifact + " holds " + files.keySet(),
                    "The built-in XGBoost writes a file named xgboost-model; this archive has none.",
                    "Was the job run on the sagemaker-xgboost image? tar tzvf model.tar.gz shows what is inside.");
        }
        return CheckResult.pass(String.format("%s (%,d bytes) holds xgboost-model (%,d bytes)", artifact, bytes.length,
                files.get("xgboost-model")));
    }

    private static String modelStep(LabContext ctx) {
        return "Step 4 of the guide: ARTIFACT=$(aws $ENDPOINT sagemaker describe-training-job --training-job-name $JOB"
                + " --query ModelArtifacts.S3ModelArtifacts --output text); aws $ENDPOINT sagemaker create-model --model-name "
                + SageMakerXgboostLab.job(ctx) + " --execution-role-arn $ROLE_ARN --primary-container Image="
                + XgboostImage.uri(SageMakerXgboostLab.region(ctx)) + ",ModelDataUrl=$ARTIFACT";
    }

    static CheckResult modelServesTheArtifact(LabContext ctx) {
        String name = SageMakerXgboostLab.job(ctx);
        DescribeModelResponse model;
        try {
            model = ctx.sageMaker().describeModel(d -> d.modelName(name));
        } catch (SageMakerException e) {
            return CheckResult.fail("no model " + name, "Batch Transform runs a SageMaker model: create $MODEL (" + name + ").",
                    "A model is the serving image plus the artifact the training job wrote (ModelArtifacts.S3ModelArtifacts).",
                    modelStep(ctx));
        }
        Optional<String> artifact = trainingJob(ctx, name).map(j -> j.modelArtifacts() == null ? null
                : j.modelArtifacts().s3ModelArtifacts());
        String dataUrl = model.primaryContainer().modelDataUrl();
        if (artifact.isEmpty() || !artifact.get().equals(dataUrl)) {
            return CheckResult.fail("the model serves " + dataUrl + " but the job wrote " + artifact.orElse("nothing"),
                    "The model's ModelDataUrl is not the artifact of $JOB.",
                    "Models cannot be changed: delete it (aws $ENDPOINT sagemaker delete-model --model-name $MODEL) and create it"
                            + " again with ModelDataUrl from describe-training-job.",
                    modelStep(ctx));
        }
        if (!model.primaryContainer().image().contains("/" + XgboostImage.REPOSITORY + ":")) {
            return CheckResult.fail("the model runs " + model.primaryContainer().image(),
                    "An XGBoost artifact is served by the same sagemaker-xgboost image that trained it.", modelStep(ctx));
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

    private static String transformStep(LabContext ctx) {
        return "Step 5 of the guide: aws $ENDPOINT sagemaker create-transform-job --transform-job-name "
                + SageMakerXgboostLab.transformJob(ctx) + " --model-name $MODEL --batch-strategy MultiRecord --max-payload-in-mb 6"
                + " --transform-input \"DataSource={S3DataSource={S3DataType=S3Prefix,S3Uri="
                + SageMakerXgboostLab.s3(ctx, SageMakerXgboostLab.TEST) + "}},ContentType=text/csv,SplitType=Line\""
                + " --transform-output S3OutputPath=" + SageMakerXgboostLab.s3(ctx, SageMakerXgboostLab.PREDICTIONS)
                + ",Accept=text/csv,AssembleWith=Line --transform-resources InstanceType=ml.m5.large,InstanceCount=1";
    }

    /** The held-out customers' labels, regenerated from the seed the data was made with. */
    private static List<Integer> testLabels() {
        return Customers.dataset().test().stream().map(Customers.Customer::churned).toList();
    }

    /** The scores Batch Transform wrote for the test customers, or the failure that says why there are none. */
    private record Read(List<Double> scores, CheckResult failure) {
        static Read failed(CheckResult failure) {
            return new Read(List.of(), failure);
        }
    }

    private static Read readScores(LabContext ctx) {
        Optional<DescribeTransformJobResponse> job = transformJob(ctx);
        if (job.isEmpty()) {
            return Read.failed(CheckResult.fail("no transform job " + SageMakerXgboostLab.transformJob(ctx),
                    "No predictions yet: run Batch Transform job $TRANSFORM_JOB with your model over the test customers.",
                    "The input is " + SageMakerXgboostLab.s3(ctx, SageMakerXgboostLab.TEST) + " (features only, text/csv,"
                            + " SplitType Line); the output goes to " + SageMakerXgboostLab.s3(ctx, SageMakerXgboostLab.PREDICTIONS)
                            + " (Accept text/csv, AssembleWith Line).",
                    transformStep(ctx)));
        }
        if (job.get().transformJobStatus() != TransformJobStatus.COMPLETED) {
            String seen = "the transform job is " + job.get().transformJobStatusAsString()
                    + (job.get().failureReason() == null ? "" : ": " + job.get().failureReason());
            return Read.failed(job.get().transformJobStatus() == TransformJobStatus.IN_PROGRESS
                    ? CheckResult.fail(seen, "Wait: aws $ENDPOINT sagemaker wait transform-job-completed-or-stopped"
                            + " --transform-job-name $TRANSFORM_JOB")
                    : CheckResult.fail(seen, "Read the FailureReason: it names the record or setting the model refused.",
                            "The usual cause: the input has a label column or a header. The test file holds features only.",
                            transformStep(ctx)));
        }
        String output = job.get().transformOutput().s3OutputPath();
        TransformOutput read = TransformOutput.read(ctx.s3(), output, SageMakerXgboostLab.TEST_FILE);
        if (read.problem().isPresent()) {
            return Read.failed(CheckResult.fail(read.problem().get(),
                    "Batch Transform writes <input object>.out under S3OutputPath: " + SageMakerXgboostLab.TEST_FILE
                            + ".out should be there.", transformStep(ctx)));
        }
        return new Read(read.scores(), null);
    }

    static CheckResult onePredictionPerCustomer(LabContext ctx) {
        Read scores = readScores(ctx);
        if (scores.failure() != null) {
            return scores.failure();
        }
        List<Double> read = scores.scores();
        int expected = testLabels().size();
        if (read.size() != expected) {
            return CheckResult.fail(read.size() + " predictions for " + expected + " customers",
                    read.size() < expected ? "Some customers got no score: the input was cut or sent whole."
                            : "There are more scores than customers: did the input hold more than test.csv?",
                    "SplitType Line sends the file line by line and AssembleWith Line writes one score a line.",
                    transformStep(ctx));
        }
        if (read.stream().anyMatch(s -> s < 0 || s > 1)) {
            return CheckResult.fail("some predictions are outside [0, 1]",
                    "These are not probabilities: what objective did the job train with?",
                    "objective=binary:logistic makes XGBoost answer the probability of churn.", trainStep(ctx));
        }
        return CheckResult.pass(expected + " probabilities, one per held-out customer");
    }

    /** The test predictions next to the test labels, or why they cannot be. */
    private record Scored(ScoredLabels test, CheckResult failure) {
    }

    private static Scored scored(LabContext ctx) {
        Read read = readScores(ctx);
        if (read.failure() != null) {
            return new Scored(null, read.failure());
        }
        List<Integer> labels = testLabels();
        if (read.scores().size() != labels.size()) {
            return new Scored(null, CheckResult.fail(read.scores().size() + " predictions for " + labels.size() + " customers",
                    "The predictions do not line up with the customers: see the check above.", transformStep(ctx)));
        }
        return new Scored(new ScoredLabels(read.scores(), labels), null);
    }

    static CheckResult aucAboveBar(LabContext ctx) {
        Scored scored = scored(ctx);
        if (scored.failure() != null) {
            return scored.failure();
        }
        int customers = scored.test().scores().size();
        double auc = scored.test().auc();
        if (auc < AUC_BAR) {
            Map<String, String> hp = trainingJob(ctx, SageMakerXgboostLab.job(ctx)).map(DescribeTrainingJobResponse::hyperParameters)
                    .orElse(Map.of());
            String nudge = auc < 0.45
                    ? "The scores rank stayers above churners: what does the model think the label is?"
                    : auc < 0.6 ? "The model ranks customers about as well as a coin: it learned (almost) nothing that holds."
                    : "The model ranks better than chance but below the bar: it is too weak.";
            String more = auc < 0.6
                    ? "The built-in XGBoost takes the label from the first column of the training CSV; check what you trained on"
                            + " and that the test input has the same features in the same order."
                    : "Its hyperparameters were " + hp + "; the guide's num_round=60, max_depth=4, eta=0.2 reach about 0.83.";
            return CheckResult.fail(String.format("AUC %.3f on %d held-out customers", auc, customers),
                    nudge, more, trainStep(ctx));
        }
        return CheckResult.pass(String.format("AUC %.3f on %d held-out customers", auc, customers));
    }

    /** What the learner wrote in evaluation.json, read with the checks' own JSON parsing. */
    private record Claim(double threshold, long tp, long fp, long tn, long fn, Map<String, Double> ratios) {
        static Claim parse(JsonNode json) {
            Map<String, Double> ratios = new java.util.LinkedHashMap<>();
            for (String name : List.of("accuracy", "precision", "recall", "f1", "auc")) {
                ratios.put(name, number(json, name));
            }
            return new Claim(number(json, "threshold"), (long) number(json, "tp"), (long) number(json, "fp"),
                    (long) number(json, "tn"), (long) number(json, "fn"), ratios);
        }

        private static double number(JsonNode json, String field) {
            JsonNode value = json.get(field);
            if (value == null || !value.isNumber()) {
                throw new IllegalArgumentException(field + " is " + (value == null ? "missing" : "not a number: " + value));
            }
            return value.asDouble();
        }
    }

    private static final String EVALUATION_STEP = "Step 6 of the guide: at threshold t a customer is flagged when the score is"
            + " >= t; count TP, FP, TN, FN against holdout/test_labels.csv (skip its header; line i of test.csv.out is line"
            + " i+1 of the labels), precision = TP/(TP+FP), recall = TP/(TP+FN), F1 = 2PR/(P+R), AUC = the share of"
            + " (churner, stayer) pairs the scores order right; try t = 0.99, 0.98, ... and keep the first whose recall"
            + " reaches 0.80; write it all to s3://$BUCKET/evaluation/evaluation.json.";

    static CheckResult evaluationMatches(LabContext ctx) {
        Claim claimed;
        try {
            String text = ctx.s3().getObjectAsBytes(get -> get.bucket(SageMakerXgboostLab.bucket(ctx))
                    .key(SageMakerXgboostLab.EVALUATION)).asUtf8String();
            claimed = Claim.parse(JSON.readTree(text));
        } catch (NoSuchKeyException e) {
            return CheckResult.fail("no " + SageMakerXgboostLab.EVALUATION,
                    "Your judgement of the model goes to s3://$BUCKET/" + SageMakerXgboostLab.EVALUATION + ".",
                    "It is JSON with threshold, tp, fp, tn, fn, accuracy, precision, recall, f1 and auc.", EVALUATION_STEP);
        } catch (IOException | IllegalArgumentException e) {
            return CheckResult.fail(SageMakerXgboostLab.EVALUATION + " is not the guide's JSON: " + e.getMessage(),
                    "Write threshold, tp, fp, tn, fn, accuracy, precision, recall, f1 and auc, all as JSON numbers.",
                    EVALUATION_STEP);
        }
        Scored scored = scored(ctx);
        if (scored.failure() != null) {
            return scored.failure();
        }
        ScoredLabels test = scored.test();
        ScoredLabels.Counts actual = test.at(claimed.threshold());
        long claimedTotal = claimed.tp() + claimed.fp() + claimed.tn() + claimed.fn();
        if (actual.tp() != claimed.tp() || actual.fp() != claimed.fp() || actual.tn() != claimed.tn() || actual.fn() != claimed.fn()) {
            String seen = String.format("at threshold %.2f the predictions give TP %d FP %d TN %d FN %d; you wrote TP %d FP %d"
                    + " TN %d FN %d", claimed.threshold(), actual.tp(), actual.fp(), actual.tn(), actual.fn(), claimed.tp(),
                    claimed.fp(), claimed.tn(), claimed.fn());
            return CheckResult.fail(seen, countsNudge(claimed, claimedTotal, test), countsMore(claimed, actual), EVALUATION_STEP);
        }
        Map<String, Double> recomputed = Map.of("accuracy", actual.accuracy(), "precision", actual.precision(),
                "recall", actual.recall(), "f1", actual.f1(), "auc", test.auc());
        String off = claimed.ratios().entrySet().stream()
                .filter(e -> !(Math.abs(e.getValue() - recomputed.get(e.getKey())) <= TOLERANCE))
                .map(e -> String.format("%s %.4f (recomputed %.4f)", e.getKey(), e.getValue(), recomputed.get(e.getKey())))
                .collect(Collectors.joining(", "));
        if (!off.isEmpty()) {
            return CheckResult.fail("the confusion matrix is right; these differ from it: " + off,
                    ratioNudge(ctx, claimed, recomputed),
                    "precision = TP/(TP+FP), recall = TP/(TP+FN), F1 = 2PR/(P+R), accuracy = (TP+TN)/all; the AUC needs no"
                            + " threshold: the share of (churner, stayer) pairs in which the churner scores higher.",
                    EVALUATION_STEP);
        }
        if (actual.recall() < SageMakerXgboostLab.TARGET_RECALL) {
            String nudge = Math.abs(claimed.threshold() - 0.5) < 1e-9
                    ? "Your numbers are right, but 0.5 is the default, not a choice: at 0.5 the model catches "
                            + percent(actual.recall()) + " of churners and marketing asked for 80 %."
                    : "Your numbers are right, but threshold " + claimed.threshold() + " catches " + percent(actual.recall())
                            + " of churners; marketing asked for 80 %.";
            return CheckResult.fail(String.format("threshold %.2f: recall %.3f", claimed.threshold(), actual.recall()), nudge,
                    "Lowering the threshold flags more customers: recall rises, precision falls. Walk it down in steps of 0.01"
                            + " until recall reaches 0.80.",
                    EVALUATION_STEP);
        }
        double higher = Math.round(claimed.threshold() * 100 + 1) / 100.0;
        ScoredLabels.Counts atHigher = test.at(higher);
        if (atHigher.recall() >= SageMakerXgboostLab.TARGET_RECALL && higher < 1) {
            return CheckResult.fail(String.format("threshold %.2f reaches recall %.3f, but %.2f still reaches %.3f with %d fewer"
                    + " false alarms", claimed.threshold(), actual.recall(), higher, atHigher.recall(), actual.fp() - atHigher.fp()),
                    "Your threshold catches enough churners, but so does a higher one, with fewer offers wasted on customers who stay.",
                    "Pick the highest threshold (in steps of 0.01) whose recall is still at least 0.80: that is the cheapest one that"
                            + " meets marketing's goal.",
                    EVALUATION_STEP);
        }
        return CheckResult.pass(String.format("threshold %.2f: precision %.3f, recall %.3f, F1 %.3f, AUC %.3f — all as"
                + " recomputed", claimed.threshold(), actual.precision(), actual.recall(), actual.f1(), test.auc()));
    }

    /** Diagnoses a wrong confusion matrix from its size and its count of churners. */
    private static String countsNudge(Claim claimed, long claimedTotal, ScoredLabels test) {
        Customers.Split data = Customers.dataset();
        long testChurners = test.labels().stream().filter(l -> l == 1).count();
        long validationChurners = data.validation().stream().filter(c -> c.churned() == 1).count();
        if (claimedTotal == data.train().size()) {
            return "Your matrix counts " + claimedTotal + " customers: the training set. The model is judged on the "
                    + test.labels().size() + " held-out test customers it never saw.";
        }
        if (claimedTotal != test.labels().size()) {
            return "Your matrix counts " + claimedTotal + " customers; the test set has " + test.labels().size() + ".";
        }
        if (claimed.tp() + claimed.fn() == validationChurners && validationChurners != testChurners) {
            return "Your matrix has " + validationChurners + " churners, as the validation set does; the test set has "
                    + testChurners + ". Judge on test.csv.out against holdout/test_labels.csv.";
        }
        if (claimed.tp() + claimed.fn() != testChurners) {
            return "Your matrix has " + (claimed.tp() + claimed.fn()) + " churners (TP+FN); the test labels have " + testChurners
                    + ": are scores and labels lined up (the labels file has a header)?";
        }
        return "The churners add up, the split between caught and missed does not: how is a score compared with the threshold?";
    }

    private static String countsMore(Claim claimed, ScoredLabels.Counts actual) {
        if (claimed.tp() == actual.fn() && claimed.fn() == actual.tp()) {
            return "Your TP and FN are swapped: TP are churners with a score >= the threshold.";
        }
        return "A customer is flagged when the score is at or above the threshold (>=); TP = flagged churners, FP = flagged"
                + " stayers, FN = churners not flagged, TN = stayers not flagged.";
    }

    /** Diagnoses a wrong ratio; an AUC copied from the training job's own metrics is named as such. */
    private static String ratioNudge(LabContext ctx, Claim claimed, Map<String, Double> recomputed) {
        double auc = claimed.ratios().get("auc");
        if (Math.abs(auc - recomputed.get("auc")) > TOLERANCE) {
            Optional<DescribeTrainingJobResponse> job = trainingJob(ctx, SageMakerXgboostLab.job(ctx));
            for (String metric : List.of("train:auc", "validation:auc")) {
                Optional<Float> reported = job.flatMap(j -> metric(j, metric));
                if (reported.isPresent() && Math.abs(reported.get() - auc) <= TOLERANCE) {
                    return "Your AUC " + auc + " is the training job's " + metric + ", measured on "
                            + (metric.startsWith("train") ? "the customers it learned from" : "the validation customers early"
                            + " stopping watched") + ". Compute the AUC on the held-out test predictions.";
                }
            }
            return "Your AUC is not the test predictions' AUC: compute it from test.csv.out and the test labels.";
        }
        double precision = claimed.ratios().get("precision");
        double recall = claimed.ratios().get("recall");
        if (Math.abs(precision - recomputed.get("recall")) <= TOLERANCE && Math.abs(recall - recomputed.get("precision")) <= TOLERANCE) {
            return "Precision and recall are swapped: recall asks how many churners were caught, precision how many flagged were churners.";
        }
        return "The counts are right and a ratio read from them is not: recompute it from TP, FP, TN and FN.";
    }

    private static String percent(double share) {
        return String.format("%.0f %%", 100 * share);
    }
}

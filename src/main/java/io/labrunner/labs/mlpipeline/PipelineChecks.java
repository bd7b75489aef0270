package io.labrunner.labs.mlpipeline;

import com.fasterxml.jackson.databind.JsonNode;
import io.labrunner.core.CheckResult;
import io.labrunner.core.LabContext;
import io.labrunner.labs.sagemakerxgboost.ScoredLabels;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.EventBridgeException;
import software.amazon.awssdk.services.eventbridge.model.RuleState;
import software.amazon.awssdk.services.eventbridge.model.Target;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.sagemaker.model.DescribeModelPackageResponse;
import software.amazon.awssdk.services.sagemaker.model.DescribeTrainingJobResponse;
import software.amazon.awssdk.services.sagemaker.model.DescribeTransformJobResponse;
import software.amazon.awssdk.services.sagemaker.model.ModelApprovalStatus;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;

/**
 * The judgements of {@link MlPipelineLab}, from what the services hold: the bucket's notification configuration and
 * the rule (EventBridge's own TestEventPattern decides what the pattern matches), the executions and their histories,
 * the objects in S3, the jobs' descriptions and the registry. An AUC the pipeline reports about itself is a claim:
 * the checks recompute it from the scores Batch Transform wrote and the labels the data was generated with.
 */
final class PipelineChecks {
    /** How far a reported AUC may be from the recomputed one (the pipeline rounds to 4 places). */
    static final double TOLERANCE = 0.005;
    private static final Pattern NUMBER = Pattern.compile("\\d+\\.\\d+");

    private PipelineChecks() {
    }

    // ---- 1. The trigger ----------------------------------------------------------------------------------------

    static CheckResult triggerIsWired(LabContext ctx) {
        String bucket = MlPipelineLab.bucket(ctx);
        var notification = ctx.s3().getBucketNotificationConfiguration(g -> g.bucket(bucket));
        if (notification.eventBridgeConfiguration() == null) {
            return CheckResult.fail("the bucket's notification configuration has no EventBridgeConfiguration",
                    "S3 sends nothing to EventBridge until the bucket says so: turn on its EventBridge notifications.",
                    "aws $ENDPOINT s3api put-bucket-notification-configuration --bucket $BUCKET"
                            + " --notification-configuration '{\"EventBridgeConfiguration\": {}}'");
        }
        EventBridgeClient events = ctx.eventBridge();
        String rule = MlPipelineLab.rule(ctx);
        software.amazon.awssdk.services.eventbridge.model.DescribeRuleResponse described;
        try {
            described = events.describeRule(d -> d.name(rule));
        } catch (software.amazon.awssdk.services.eventbridge.model.ResourceNotFoundException e) {
            return CheckResult.fail("no rule " + rule + " on the default event bus",
                    "EventBridge receives the bucket's events now; a rule named $RULE has to pick the lake's out.",
                    "aws $ENDPOINT events put-rule --name $RULE --event-pattern file://rule-pattern.json (step 6 of the guide)");
        }
        if (described.state() != RuleState.ENABLED) {
            return CheckResult.fail("rule " + rule + " is " + described.stateAsString(),
                    "A disabled rule matches nothing: enable it (aws $ENDPOINT events enable-rule --name $RULE).");
        }
        Optional<String> stateMachineArn = PipelineRuns.stateMachineArn(ctx.sfn(), MlPipelineLab.stateMachine(ctx));
        List<Target> targets = events.listTargetsByRule(l -> l.rule(rule)).targets();
        Optional<Target> target = targets.stream().filter(t -> stateMachineArn.isPresent()
                && t.arn().equals(stateMachineArn.get())).findFirst();
        if (target.isEmpty()) {
            return CheckResult.fail("rule " + rule + " targets " + targets.stream().map(Target::arn).toList(),
                    "The rule has to start the state machine $STATE_MACHINE: make it the rule's target.",
                    "aws $ENDPOINT events put-targets --rule $RULE --targets Id=retrain,Arn=$STATE_MACHINE_ARN,"
                            + "RoleArn=$EVENTS_ROLE_ARN (step 7 of the guide)");
        }
        if (target.get().roleArn() == null || target.get().roleArn().isBlank()) {
            return CheckResult.fail("the target has no RoleArn",
                    "EventBridge starts a state machine as a role allowed states:StartExecution: give the target $EVENTS_ROLE.",
                    "aws $ENDPOINT events put-targets --rule $RULE --targets Id=retrain,Arn=$STATE_MACHINE_ARN,"
                            + "RoleArn=$EVENTS_ROLE_ARN");
        }
        String account = ctx.sts().getCallerIdentity().account();
        String region = MlPipelineLab.region(ctx);
        List<String> wrong = new ArrayList<>();
        String lakeKey = ChurnMonths.lakeKey(ChurnMonths.NEW_MONTH);
        for (String key : List.of(lakeKey, "curated/0cc175b9c0f1b6a831c399e269772661/20261207_000000_00001_x",
                "evaluation/0cc175b9c0f1b6a831c399e269772661/scores/holdout.csv.out",
                MlPipelineLab.RESULTS + "1b3c1f46.csv", ChurnMonths.incomingKey(ChurnMonths.NEW_MONTH))) {
            boolean shouldMatch = key.equals(lakeKey);
            try {
                boolean matches = events.testEventPattern(t -> t.eventPattern(described.eventPattern())
                        .event(S3Events.objectCreated(account, region, bucket, key))).result();
                if (matches != shouldMatch) {
                    wrong.add((matches ? "matches " : "does not match ") + key);
                }
            } catch (EventBridgeException e) {
                return CheckResult.fail("EventBridge refuses the rule's pattern: " + e.awsErrorDetails().errorMessage(),
                        "The pattern is not one EventBridge can use; compare it with the guide's rule-pattern.json.");
            }
        }
        if (!wrong.isEmpty()) {
            boolean loops = wrong.stream().anyMatch(w -> w.startsWith("matches"));
            return CheckResult.fail("the pattern " + String.join("; ", wrong),
                    loops ? "The rule would start the pipeline on files the pipeline writes itself into the same bucket:"
                            + " each run would start the next, forever. Match only keys under " + MlPipelineLab.LAKE + "."
                            : "The rule must match S3's \"Object Created\" events for $BUCKET under " + MlPipelineLab.LAKE + ".",
                    "\"detail\": {\"bucket\": {\"name\": [\"$BUCKET\"]}, \"object\": {\"key\": [{\"prefix\": \""
                            + MlPipelineLab.LAKE + "\"}]}} with \"source\": [\"aws.s3\"], \"detail-type\": [\"Object Created\"]");
        }
        return CheckResult.pass("EventBridge notifications on; " + rule + " matches Object Created under "
                + MlPipelineLab.LAKE + " only and starts " + MlPipelineLab.stateMachine(ctx) + " as "
                + target.get().roleArn().substring(target.get().roleArn().lastIndexOf('/') + 1));
    }

    // ---- 2. The new month's run ----------------------------------------------------------------------------------

    /** The newest execution the rule started for a month's lake file, or why there is none. */
    private record Found(PipelineRuns.Run run, CheckResult failure) {
    }

    private static Found runFor(LabContext ctx, java.time.YearMonth month) {
        Optional<String> arn = PipelineRuns.stateMachineArn(ctx.sfn(), MlPipelineLab.stateMachine(ctx));
        if (arn.isEmpty()) {
            return new Found(null, CheckResult.fail("no state machine " + MlPipelineLab.stateMachine(ctx),
                    "Create the state machine $STATE_MACHINE from your ASL file, running as $STATES_ROLE.",
                    "aws $ENDPOINT stepfunctions create-state-machine --name $STATE_MACHINE --role-arn $STATES_ROLE_ARN"
                            + " --definition file://pipeline.json (step 4 of the guide)"));
        }
        String key = ChurnMonths.lakeKey(month);
        List<PipelineRuns.Run> runs = PipelineRuns.all(ctx.sfn(), arn.get());
        Optional<PipelineRuns.Run> run = runs.stream().filter(r -> r.objectKey().filter(key::equals).isPresent()).findFirst();
        if (run.isEmpty()) {
            long byHand = runs.stream().filter(r -> r.s3Event().isEmpty()).count();
            return new Found(null, CheckResult.fail("no execution was started by an S3 event for " + key + " ("
                    + runs.size() + " executions, " + byHand + " not started by S3)",
                    "Copy " + ChurnMonths.incomingKey(month) + " to " + key + " in $BUCKET: the rule starts the run,"
                            + " with S3's event as its input." + (byHand > 0 ? " An execution started by hand does not"
                            + " count: the point is that nobody starts it." : ""),
                    "aws $ENDPOINT s3 cp s3://$BUCKET/" + ChurnMonths.incomingKey(month) + " s3://$BUCKET/" + key));
        }
        return new Found(run.get(), null);
    }

    static CheckResult newMonthRunSucceeded(LabContext ctx) {
        Found found = runFor(ctx, ChurnMonths.NEW_MONTH);
        if (found.failure() != null) {
            return found.failure();
        }
        PipelineRuns.Run run = found.run();
        if (run.execution().status() == ExecutionStatus.RUNNING) {
            return CheckResult.fail("execution " + run.name() + " is still RUNNING",
                    "Wait for it: aws $ENDPOINT stepfunctions describe-execution --execution-arn <its ARN> --query status");
        }
        if (run.execution().status() != ExecutionStatus.SUCCEEDED) {
            return CheckResult.fail("execution " + run.name() + " ended " + run.status() + ": " + run.execution().error()
                            + " — " + run.execution().cause(),
                    "Read the execution's history from the end: the last TaskFailed or ExecutionFailed event names the"
                            + " state and the service's error.",
                    "aws $ENDPOINT stepfunctions get-execution-history --execution-arn <its ARN> --reverse-order"
                            + " --max-items 5; fix the state, update the state machine and land the file again (delete it"
                            + " from the lake first, then copy it again).");
        }
        Instant start = run.execution().startDate();
        Instant stop = run.execution().stopDate();
        return CheckResult.pass(run.name() + " SUCCEEDED in " + java.time.Duration.between(start, stop).toMillis()
                + " ms, started by the Object Created event for " + run.objectKey().orElse("?"));
    }

    // ---- 3. What the history shows -------------------------------------------------------------------------------

    /** One stage the history must show: a task of this service and API (any integration pattern), and what it asked. */
    private record Stage(String name, String service, String api, Predicate<JsonNode> asked) {
        boolean matches(HistoryEvent event) {
            if (event.type() != HistoryEventType.TASK_SCHEDULED) {
                return false;
            }
            var details = event.taskScheduledEventDetails();
            String type = details.resourceType();
            String resource = details.resource();
            boolean service = type.equals(this.service) || type.equals("aws-sdk:" + this.service);
            boolean api = resource.equals(this.api) || resource.startsWith(this.api + ".");
            return service && api && asked.test(PipelineRuns.json(details.parameters()));
        }
    }

    private static final List<Stage> STAGES = List.of(
            new Stage("the crawl (glue startCrawler)", "glue", "startCrawler", p -> true),
            new Stage("the CTAS to Parquet (athena startQueryExecution with CREATE TABLE ... PARQUET)", "athena",
                    "startQueryExecution", p -> upper(p.path("QueryString").asText()).contains("CREATE TABLE")
                            && upper(p.path("QueryString").asText()).contains("PARQUET")),
            new Stage("training (sagemaker createTrainingJob)", "sagemaker", "createTrainingJob", p -> true),
            new Stage("batch scoring (sagemaker createTransformJob)", "sagemaker", "createTransformJob", p -> true),
            new Stage("the AUC query (athena startQueryExecution with SELECT)", "athena", "startQueryExecution",
                    p -> upper(p.path("QueryString").asText()).contains("SELECT")
                            && !upper(p.path("QueryString").asText()).contains("CREATE TABLE")));

    private static String upper(String text) {
        return text.toUpperCase(Locale.ROOT);
    }

    static CheckResult historyShowsEveryStage(LabContext ctx) {
        Found found = runFor(ctx, ChurnMonths.NEW_MONTH);
        if (found.failure() != null) {
            return found.failure();
        }
        List<HistoryEvent> history = PipelineRuns.history(ctx.sfn(), found.run().execution().executionArn());
        int at = 0;
        List<String> seen = new ArrayList<>();
        for (Stage stage : STAGES) {
            int index = -1;
            for (int i = at; i < history.size(); i++) {
                if (stage.matches(history.get(i))) {
                    index = i;
                    break;
                }
            }
            if (index < 0) {
                return CheckResult.fail("after " + (seen.isEmpty() ? "the start" : seen.get(seen.size() - 1))
                                + " the history shows no " + stage.name() + "; its tasks: " + tasks(history),
                        "The pipeline's stages run in order: crawl, CTAS to Parquet, train, batch-score the held-out"
                                + " customers, query the AUC, decide. A stage is missing or out of order.",
                        "Compare your state machine with labs/ml-pipeline/pipeline.asl.json: each stage is a Task state"
                                + " with the Resource arn:aws:states:::<service>:<api>[.sync].");
            }
            long id = history.get(index).id();
            boolean succeeded = history.stream().anyMatch(e -> e.type() == HistoryEventType.TASK_SUCCEEDED
                    && e.previousEventId() != null && e.previousEventId() >= id);
            if (!succeeded) {
                return CheckResult.fail(stage.name() + " was scheduled but never succeeded",
                        "Read the TaskFailed event after it: it carries the service's error.");
            }
            seen.add(stage.name());
            at = index + 1;
        }
        boolean gate = history.subList(at, history.size()).stream().anyMatch(e -> e.type() == HistoryEventType.CHOICE_STATE_ENTERED);
        if (!gate) {
            return CheckResult.fail("no Choice state after the AUC query",
                    "The model may only be registered after a Choice state has compared its AUC with the bar.",
                    "A Choice state with NumericGreaterThanEquals (or ...Path) on the AUC, Default going to a Fail state.");
        }
        boolean registered = history.stream().anyMatch(e -> e.type() == HistoryEventType.TASK_SCHEDULED
                && e.taskScheduledEventDetails().resource().startsWith("createModelPackage"));
        return CheckResult.pass(String.join(" → ", STAGES.stream().map(s -> s.name().substring(0, s.name().indexOf(" (")))
                .toList()) + " → the gate (a Choice state)" + (registered ? " → createModelPackage" : "") + "; "
                + history.size() + " events");
    }

    private static List<String> tasks(List<HistoryEvent> history) {
        return history.stream().filter(e -> e.type() == HistoryEventType.TASK_SCHEDULED)
                .map(e -> e.taskScheduledEventDetails().resourceType() + ":" + e.taskScheduledEventDetails().resource())
                .toList();
    }

    /** The parameters of the first task of this service and API in the history, if it ran. */
    private static Optional<JsonNode> parameters(List<HistoryEvent> history, String service, String api) {
        Stage stage = new Stage(api, service, api, p -> true);
        return history.stream().filter(stage::matches).findFirst()
                .map(e -> PipelineRuns.json(e.taskScheduledEventDetails().parameters()));
    }

    // ---- 4. Parquet --------------------------------------------------------------------------------------------

    static CheckResult trainedOnParquet(LabContext ctx) {
        Found found = runFor(ctx, ChurnMonths.NEW_MONTH);
        if (found.failure() != null) {
            return found.failure();
        }
        List<HistoryEvent> history = PipelineRuns.history(ctx.sfn(), found.run().execution().executionArn());
        Optional<DescribeTrainingJobResponse> job = trainingJob(ctx, history);
        if (job.isEmpty()) {
            return CheckResult.fail("the execution started no training job that SageMaker knows",
                    "The execution's history has no createTrainingJob task whose TrainingJobName SageMaker can describe.");
        }
        var channel = job.get().inputDataConfig().stream().filter(c -> c.channelName().equals("train")).findFirst();
        if (channel.isEmpty()) {
            return CheckResult.fail("training job " + job.get().trainingJobName() + " has no train channel",
                    "The built-in XGBoost trains on the channel named train.");
        }
        String uri = channel.get().dataSource().s3DataSource().s3Uri();
        String contentType = String.valueOf(channel.get().contentType());
        String rest = uri.substring("s3://".length());
        String bucket = rest.substring(0, rest.indexOf('/'));
        String prefix = rest.substring(rest.indexOf('/') + 1);
        List<S3Object> objects = ctx.s3().listObjectsV2Paginator(l -> l.bucket(bucket).prefix(prefix)).contents().stream()
                .filter(o -> o.size() > 0).toList();
        if (objects.isEmpty()) {
            return CheckResult.fail("nothing under " + uri + ", which the training job read",
                    "The CTAS's external_location and the training channel's S3Uri must be the same prefix.");
        }
        List<String> notParquet = new ArrayList<>();
        for (S3Object object : objects) {
            if (!ParquetMagic.isParquet(ctx.s3(), bucket, object.key())) {
                notParquet.add(object.key().substring(prefix.length()));
            }
        }
        if (!notParquet.isEmpty()) {
            return CheckResult.fail(notParquet.size() + " of " + objects.size() + " objects under " + uri
                            + " do not start and end with PAR1: " + notParquet,
                    "The CTAS wrote another format: set WITH (format = 'PARQUET', external_location = '...').");
        }
        if (!contentType.contains("parquet")) {
            return CheckResult.fail("the train channel's ContentType is " + contentType,
                    "The built-in XGBoost reads Parquet when the channel says application/x-parquet; without it, it"
                            + " assumes libsvm.");
        }
        return CheckResult.pass(objects.size() + " Parquet object(s) under " + uri + " (PAR1 at both ends), read by "
                + job.get().trainingJobName() + " as " + contentType);
    }

    private static Optional<DescribeTrainingJobResponse> trainingJob(LabContext ctx, List<HistoryEvent> history) {
        return parameters(history, "sagemaker", "createTrainingJob")
                .map(p -> p.path("TrainingJobName").asText(null))
                .flatMap(name -> {
                    try {
                        return Optional.of(ctx.sageMaker().describeTrainingJob(d -> d.trainingJobName(name)));
                    } catch (SageMakerException e) {
                        return Optional.empty();
                    }
                });
    }

    private static Optional<DescribeTransformJobResponse> transformJob(LabContext ctx, List<HistoryEvent> history) {
        return parameters(history, "sagemaker", "createTransformJob")
                .map(p -> p.path("TransformJobName").asText(null))
                .flatMap(name -> {
                    try {
                        return Optional.of(ctx.sageMaker().describeTransformJob(d -> d.transformJobName(name)));
                    } catch (SageMakerException e) {
                        return Optional.empty();
                    }
                });
    }

    // ---- 5. The registry ---------------------------------------------------------------------------------------

    /** The AUC of a run's held-out scores, recomputed here, or why it cannot be. */
    private record Recomputed(double auc, String outputKey, CheckResult failure) {
    }

    /**
     * Reads the scores the run's transform job wrote for the held-out file (the last column of each line, whatever the
     * output filter kept before it) and ranks them against the labels the held-out customers were generated with.
     */
    private static Recomputed recompute(LabContext ctx, List<HistoryEvent> history) {
        Optional<DescribeTransformJobResponse> job = transformJob(ctx, history);
        if (job.isEmpty()) {
            return new Recomputed(Double.NaN, null, CheckResult.fail("the execution ran no transform job SageMaker knows",
                    "The AUC comes from Batch Transform's scores of the held-out customers: the history has no"
                            + " createTransformJob task that SageMaker can describe."));
        }
        String output = job.get().transformOutput().s3OutputPath();
        String rest = output.substring("s3://".length());
        String bucket = rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
        String prefix = rest.contains("/") ? rest.substring(rest.indexOf('/') + 1) : "";
        String key = (prefix.isEmpty() || prefix.endsWith("/") ? prefix : prefix + "/") + MlPipelineLab.HOLDOUT_FILE + ".out";
        String text;
        try {
            text = ctx.s3().getObjectAsBytes(g -> g.bucket(bucket).key(key)).asUtf8String();
        } catch (NoSuchKeyException e) {
            return new Recomputed(Double.NaN, key, CheckResult.fail("no " + key + " in " + bucket,
                    "The transform job " + job.get().transformJobName() + " should have scored s3://$BUCKET/"
                            + MlPipelineLab.HOLDOUT + " into " + output + "."));
        }
        List<Double> scores = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] fields = line.split(",");
            try {
                scores.add(Double.parseDouble(fields[fields.length - 1].replace("]", "").strip()));
            } catch (NumberFormatException e) {
                return new Recomputed(Double.NaN, key, CheckResult.fail("a line of " + key + " ends in no score: " + line,
                        "With JoinSource Input each line is the input record and the score after it."));
            }
        }
        List<Integer> labels = ChurnMonths.holdoutLabels();
        if (scores.size() != labels.size()) {
            return new Recomputed(Double.NaN, key, CheckResult.fail(key + " has " + scores.size() + " scores for "
                    + labels.size() + " held-out customers",
                    "Batch Transform writes one line per input line: was the held-out file scored whole?"));
        }
        return new Recomputed(new ScoredLabels(scores, labels).auc(), key, null);
    }

    static CheckResult approvedModelHasItsAuc(LabContext ctx) {
        Found found = runFor(ctx, ChurnMonths.NEW_MONTH);
        if (found.failure() != null) {
            return found.failure();
        }
        List<HistoryEvent> history = PipelineRuns.history(ctx.sfn(), found.run().execution().executionArn());
        Optional<DescribeTrainingJobResponse> training = trainingJob(ctx, history);
        if (training.isEmpty() || training.get().modelArtifacts() == null) {
            return CheckResult.fail("the execution trained no model SageMaker knows",
                    "Registration comes after training: the checks above say where the run stopped.");
        }
        String artifact = training.get().modelArtifacts().s3ModelArtifacts();
        String group = MlPipelineLab.modelPackageGroup(ctx);
        Optional<DescribeModelPackageResponse> registered = packageOf(ctx, group, artifact);
        if (registered.isEmpty()) {
            return CheckResult.fail("no model package in " + group + " serves " + artifact,
                    "The last state registers the model: createModelPackage in $GROUP with the training job's"
                            + " ModelArtifacts.S3ModelArtifacts as the container's ModelDataUrl.",
                    "See \"Register the model\" in labs/ml-pipeline/pipeline.asl.json.");
        }
        DescribeModelPackageResponse model = registered.get();
        if (model.modelApprovalStatus() != ModelApprovalStatus.APPROVED) {
            return CheckResult.fail(model.modelPackageArn() + " is " + model.modelApprovalStatusAsString(),
                    "A model the gate let through is registered Approved (ModelApprovalStatus), so deployment can pick"
                            + " it up without a person; PendingManualApproval is the default.");
        }
        Recomputed recomputed = recompute(ctx, history);
        if (recomputed.failure() != null) {
            return recomputed.failure();
        }
        Optional<Double> claimed = claimedAuc(ctx, model);
        if (claimed.isEmpty()) {
            return CheckResult.fail(model.modelPackageArn() + " carries no AUC (CustomerMetadataProperties auc, or"
                            + " ModelMetrics.ModelQuality.Statistics with binary_classification_metrics.auc.value)",
                    "Register the AUC with the model: a metadata property named auc, and the statistics file"
                            + " ModelMetrics points at.");
        }
        if (Math.abs(claimed.get() - recomputed.auc()) > TOLERANCE) {
            return CheckResult.fail(String.format(Locale.ROOT, "the package says AUC %.4f; the scores in %s give %.4f",
                    claimed.get(), recomputed.outputKey(), recomputed.auc()),
                    "The AUC registered is not the held-out scores' AUC: is the query ranking the score column, and"
                            + " counting churners (label 1) against stayers (label 0)?",
                    "AUC = (sum of the churners' ranks − n1(n1+1)/2) / (n1 · n0), ranks by ascending score, ties"
                            + " sharing their average rank.");
        }
        if (recomputed.auc() < MlPipelineLab.MINIMUM_AUC) {
            return CheckResult.fail(String.format(Locale.ROOT, "AUC %.4f is below %.2f, yet the model was registered",
                    recomputed.auc(), MlPipelineLab.MINIMUM_AUC),
                    "The gate let a model below the bar through: is the Choice comparing the AUC as a number?");
        }
        return CheckResult.pass(String.format(Locale.ROOT, "%s Approved; AUC %.4f as registered, %.4f recomputed from"
                + " %s", model.modelPackageArn(), claimed.get(), recomputed.auc(), recomputed.outputKey()));
    }

    private static Optional<DescribeModelPackageResponse> packageOf(LabContext ctx, String group, String artifact) {
        try {
            return ctx.sageMaker().listModelPackagesPaginator(l -> l.modelPackageGroupName(group))
                    .modelPackageSummaryList().stream()
                    .map(s -> ctx.sageMaker().describeModelPackage(d -> d.modelPackageName(s.modelPackageArn())))
                    .filter(p -> p.inferenceSpecification() != null && p.inferenceSpecification().containers().stream()
                            .anyMatch(c -> artifact.equals(c.modelDataUrl())))
                    .findFirst();
        } catch (SageMakerException e) {
            return Optional.empty();
        }
    }

    /** The AUC the package claims: its metadata property, else the statistics file its model metrics point at. */
    private static Optional<Double> claimedAuc(LabContext ctx, DescribeModelPackageResponse model) {
        String property = model.customerMetadataProperties() == null ? null : model.customerMetadataProperties().get("auc");
        if (property != null) {
            try {
                return Optional.of(Double.parseDouble(property.strip()));
            } catch (NumberFormatException e) {
                // Fall through to the statistics file.
            }
        }
        if (model.modelMetrics() == null || model.modelMetrics().modelQuality() == null
                || model.modelMetrics().modelQuality().statistics() == null) {
            return Optional.empty();
        }
        String uri = model.modelMetrics().modelQuality().statistics().s3Uri();
        String rest = uri.substring("s3://".length());
        try {
            JsonNode statistics = PipelineRuns.json(ctx.s3().getObjectAsBytes(g -> g.bucket(rest.substring(0, rest.indexOf('/')))
                    .key(rest.substring(rest.indexOf('/') + 1))).asUtf8String());
            JsonNode value = statistics.path("binary_classification_metrics").path("auc").path("value");
            return value.isNumber() ? Optional.of(value.asDouble()) : Optional.empty();
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    // ---- 6. The broken month -----------------------------------------------------------------------------------

    static CheckResult brokenMonthStopped(LabContext ctx) {
        Found found = runFor(ctx, ChurnMonths.BROKEN_MONTH);
        if (found.failure() != null) {
            return found.failure();
        }
        PipelineRuns.Run run = found.run();
        if (run.execution().status() == ExecutionStatus.RUNNING) {
            return CheckResult.fail("execution " + run.name() + " is still RUNNING", "Wait for it to end.");
        }
        List<HistoryEvent> history = PipelineRuns.history(ctx.sfn(), run.execution().executionArn());
        Recomputed recomputed = recompute(ctx, history);
        if (recomputed.failure() != null) {
            return CheckResult.fail("the run for " + ChurnMonths.BROKEN_MONTH + " ended " + run.status() + " before its"
                    + " model was scored (" + recomputed.failure().detail() + ")",
                    "The gate is what should stop this month, after the model is scored, not an error earlier on.");
        }
        if (run.execution().status() == ExecutionStatus.SUCCEEDED) {
            return CheckResult.fail(String.format(Locale.ROOT, "execution %s SUCCEEDED with AUC %.4f", run.name(),
                    recomputed.auc()),
                    "A model below the bar must not end in a registration: the Choice's Default should go to a Fail state.");
        }
        Optional<HistoryEvent> failed = history.stream().filter(e -> e.type() == HistoryEventType.EXECUTION_FAILED).findFirst();
        String cause = failed.map(e -> String.valueOf(e.executionFailedEventDetails().cause())).orElse("");
        String error = failed.map(e -> String.valueOf(e.executionFailedEventDetails().error())).orElse("");
        Matcher number = NUMBER.matcher(cause);
        boolean namesAuc = false;
        while (number.find()) {
            namesAuc |= Math.abs(Double.parseDouble(number.group()) - recomputed.auc()) <= TOLERANCE;
        }
        if (!namesAuc) {
            return CheckResult.fail(String.format(Locale.ROOT, "it failed with %s: \"%s\", which does not name the AUC"
                    + " %.4f", error, cause, recomputed.auc()),
                    "Whoever reads a failed run wants the reason: the Fail state's Cause should name the AUC.",
                    "\"CausePath\": \"States.Format('AUC {} is below the bar of {}', $.evaluation.auc, $.evaluation.minimumAuc)\"");
        }
        Optional<DescribeTrainingJobResponse> training = trainingJob(ctx, history);
        if (training.isPresent() && training.get().modelArtifacts() != null
                && packageOf(ctx, MlPipelineLab.modelPackageGroup(ctx), training.get().modelArtifacts().s3ModelArtifacts())
                        .isPresent()) {
            return CheckResult.fail("the model of " + run.name() + " is in the registry",
                    "Nothing a failed run trained may be registered: the registration must come after the gate.");
        }
        return CheckResult.pass(String.format(Locale.ROOT, "%s FAILED with %s: %s (recomputed AUC %.4f); nothing registered",
                run.name(), error, cause, recomputed.auc()));
    }
}

package io.labrunner.labs.mlpipeline;

import io.labrunner.core.Capability;
import io.labrunner.core.Check;
import io.labrunner.core.Lab;
import io.labrunner.core.LabContext;
import io.labrunner.core.LabInfo;
import io.labrunner.core.Resource;
import io.labrunner.core.RunNames;
import io.labrunner.labs.s3glueathena.LabBucket;
import io.labrunner.labs.sagemakerxgboost.SageMakerRole;
import io.labrunner.labs.sagemakerxgboost.XgboostImage;
import java.time.Duration;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.athena.model.EncryptionOption;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;
import software.amazon.awssdk.services.sfn.model.SfnException;

/**
 * MLOps without a person in the loop: when a month of customers lands in the data lake, S3 tells EventBridge, a rule
 * starts a Step Functions state machine, and the state machine crawls the lake, curates it to Parquet with Athena,
 * retrains SageMaker's built-in XGBoost, scores held-out customers with Batch Transform, computes the AUC in Athena,
 * and registers the model as Approved only if the AUC clears the bar — a month with broken labels stops at the gate.
 *
 * <p>Setup provides the lake with four months of history, the months still to land, the held-out customers, the
 * roles, the Glue database and crawler, the Athena workgroup and the model package group. The learner writes the
 * state machine (ASL), wires the rule and drops the files.
 */
public final class MlPipelineLab implements Lab {
    static final String LAKE = "lake/customers/";
    static final String INCOMING = "incoming/";
    static final String HOLDOUT = "holdout/";
    static final String HOLDOUT_FILE = "holdout.csv";
    static final String RESULTS = "athena-results/";
    /** The bar in pipeline.asl.json's "Read the AUC" state: a model below it is not registered. */
    static final double MINIMUM_AUC = 0.75;

    @Override
    public LabInfo info() {
        return new LabInfo(
                "ml-pipeline",
                "An ML pipeline that starts itself: new data in S3 → EventBridge → Step Functions → retrain, evaluate, register",
                "A month of customers lands in the data lake and nobody presses a button: S3 tells EventBridge, a rule"
                        + " starts your Step Functions state machine, and it crawls, curates to Parquet with Athena, trains"
                        + " XGBoost, scores held-out customers, and registers the model as Approved only if its AUC clears"
                        + " the bar. Then a month with broken labels arrives, and the gate stops it.",
                "3 Deployment and Orchestration of ML Workflows",
                "3.3 Use automated orchestration tools to set up CI/CD pipelines",
                List.of("AWS Step Functions", "Amazon EventBridge", "Amazon S3", "AWS Glue", "Amazon Athena",
                        "Amazon SageMaker", "AWS IAM"),
                60,
                "< $0.25",
                Set.of(Capability.S3, Capability.IAM, Capability.GLUE_CATALOG, Capability.GLUE_CRAWLER,
                        Capability.ATHENA_SQL, Capability.SAGEMAKER_TRAINING, Capability.STEP_FUNCTIONS,
                        Capability.EVENTBRIDGE, Capability.S3_EVENTBRIDGE));
    }

    // Every name depends only on the run id, so each phase (and the learner) finds them again.

    static String bucket(RunNames run) {
        return run.name("churn-lake");
    }

    /** Athena wants no dashes in database names. */
    static String database(RunNames run) {
        return run.name("churn").replace('-', '_');
    }

    static String crawler(RunNames run) {
        return run.name("lake-crawler");
    }

    static String workGroup(RunNames run) {
        return run.name("pipeline");
    }

    /** Training jobs, models and transform jobs the pipeline makes are named this, a dash, and the run's key. */
    static String jobPrefix(RunNames run) {
        return run.name("churn");
    }

    static String modelPackageGroup(RunNames run) {
        return run.name("churn-models");
    }

    static String stateMachine(RunNames run) {
        return run.name("retrain");
    }

    static String rule(RunNames run) {
        return run.name("new-month");
    }

    static String statesRole(RunNames run) {
        return run.name("states-role");
    }

    static String eventsRole(RunNames run) {
        return run.name("events-role");
    }

    static String crawlerRole(RunNames run) {
        return run.name("crawler-role");
    }

    static String sageMakerRole(RunNames run) {
        return run.name("sagemaker-role");
    }

    /** The guide's shell variables, in the order its steps use them. */
    @Override
    public Map<String, String> names(RunNames run) {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("BUCKET", bucket(run));
        names.put("DB", database(run));
        names.put("CRAWLER", crawler(run));
        names.put("WORKGROUP", workGroup(run));
        names.put("JOB_PREFIX", jobPrefix(run));
        names.put("SAGEMAKER_ROLE", sageMakerRole(run));
        names.put("GROUP", modelPackageGroup(run));
        names.put("STATES_ROLE", statesRole(run));
        names.put("STATE_MACHINE", stateMachine(run));
        names.put("EVENTS_ROLE", eventsRole(run));
        names.put("RULE", rule(run));
        return names;
    }

    static String region(LabContext ctx) {
        return ctx.sfn().serviceClientConfiguration().region().id();
    }

    /** The roles' policies name resources by ARN, which needs the account and partition. */
    static PipelineRoles.Scope scope(LabContext ctx, String sageMakerRoleArn) {
        String region = region(ctx);
        String partition = region.startsWith("cn-") ? "aws-cn" : region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
        return new PipelineRoles.Scope(partition, region, ctx.sts().getCallerIdentity().account(), bucket(ctx),
                database(ctx), crawler(ctx), workGroup(ctx), jobPrefix(ctx), modelPackageGroup(ctx), sageMakerRoleArn,
                stateMachine(ctx));
    }

    @Override
    public void setup(LabContext ctx) throws Exception {
        String bucket = bucket(ctx);
        ctx.step("Create bucket " + bucket, () ->
                ctx.create(Resource.bucket(bucket), () -> LabBucket.create(ctx.s3(), bucket, ctx.tags())));
        ctx.step("Fill the lake with " + ChurnMonths.HISTORY.size() + " months of customers; park the months still to"
                + " come in " + INCOMING + "; put " + ChurnMonths.HOLDOUT_CUSTOMERS + " held-out customers in " + HOLDOUT,
                () -> upload(ctx, bucket));
        String[] sageMakerRoleArn = new String[1];
        ctx.step("Create the roles: SageMaker's jobs, the crawler, Step Functions and EventBridge", () -> {
            sageMakerRoleArn[0] = ctx.create(Resource.role(sageMakerRole(ctx)), () ->
                    SageMakerRole.create(ctx.iam(), sageMakerRole(ctx), bucket, ctx.tags()));
            PipelineRoles.Scope scope = scope(ctx, sageMakerRoleArn[0]);
            ctx.create(Resource.role(crawlerRole(ctx)), () -> {
                String arn = PipelineRoles.create(ctx.iam(), crawlerRole(ctx), "glue.amazonaws.com",
                        "Lets the lake's crawler read it", "read-the-lake", PipelineRoles.crawlerPolicy(scope), ctx.tags());
                ctx.iam().attachRolePolicy(a -> a.roleName(crawlerRole(ctx)).policyArn(PipelineRoles.GLUE_MANAGED_POLICY));
                return arn;
            });
            ctx.create(Resource.role(statesRole(ctx)), () -> PipelineRoles.create(ctx.iam(), statesRole(ctx),
                    "states.amazonaws.com", "What the retraining state machine's tasks may call", "run-the-pipeline",
                    PipelineRoles.statesPolicy(scope), ctx.tags()));
            ctx.create(Resource.role(eventsRole(ctx)), () -> PipelineRoles.create(ctx.iam(), eventsRole(ctx),
                    "events.amazonaws.com", "Lets the new-month rule start the state machine", "start-the-pipeline",
                    PipelineRoles.eventsPolicy(scope), ctx.tags()));
        });
        ctx.step("Create Glue database " + database(ctx) + " and crawler " + crawler(ctx) + " over s3://" + bucket + "/"
                + LAKE, () -> {
                    ctx.create(Resource.glueDatabase(database(ctx)), () -> {
                        ctx.glue().createDatabase(c -> c.databaseInput(in -> in.name(database(ctx))
                                .description("The churn data lake and what the pipeline curates from it")));
                        return database(ctx);
                    });
                    String crawlerRoleArn = ctx.iam().getRole(g -> g.roleName(crawlerRole(ctx))).role().arn();
                    ctx.create(Resource.crawler(crawler(ctx)), () -> Roles.whenAssumable(ctx, "Glue", () -> {
                        ctx.glue().createCrawler(c -> c.name(crawler(ctx)).role(crawlerRoleArn)
                                .databaseName(database(ctx))
                                .targets(t -> t.s3Targets(s -> s.path("s3://" + bucket + "/" + LAKE)))
                                .tags(ctx.tags()));
                        return crawler(ctx);
                    }));
                });
        ctx.step("Create Athena workgroup " + workGroup(ctx) + " writing results to s3://" + bucket + "/" + RESULTS, () ->
                ctx.create(Resource.workGroup(workGroup(ctx)), () -> {
                    ctx.athena().createWorkGroup(c -> c.name(workGroup(ctx))
                            .description("Queries of the retraining pipeline")
                            .configuration(conf -> conf.enforceWorkGroupConfiguration(true)
                                    .resultConfiguration(r -> r.outputLocation("s3://" + bucket + "/" + RESULTS)
                                            .encryptionConfiguration(e -> e.encryptionOption(EncryptionOption.SSE_S3))))
                            .tags(ctx.tags().entrySet().stream().map(e -> software.amazon.awssdk.services.athena.model.Tag
                                    .builder().key(e.getKey()).value(e.getValue()).build()).toList()));
                    return workGroup(ctx);
                }));
        ctx.step("Create model package group " + modelPackageGroup(ctx), () ->
                ctx.create(Resource.modelPackageGroup(modelPackageGroup(ctx)), () -> {
                    ctx.sageMaker().createModelPackageGroup(c -> c.modelPackageGroupName(modelPackageGroup(ctx))
                            .modelPackageGroupDescription("Churn models the retraining pipeline approved")
                            .tags(ctx.tags().entrySet().stream().map(e -> software.amazon.awssdk.services.sagemaker.model
                                    .Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList()));
                    return modelPackageGroup(ctx);
                }));
        // The learner creates these. Recording their names now lets cleanup delete them whoever made them.
        ctx.step("Reserve names for the state machine and the rule", () -> {
            ctx.create(Resource.stateMachine(stateMachine(ctx)), () -> stateMachine(ctx));
            ctx.create(Resource.eventRule(rule(ctx)), () -> rule(ctx));
        });
        ctx.note("bucket " + bucket + "   database " + database(ctx) + "   crawler " + crawler(ctx) + "   workgroup "
                + workGroup(ctx));
        ctx.note("state machine " + stateMachine(ctx) + " (role " + statesRole(ctx) + ")   rule " + rule(ctx) + " (role "
                + eventsRole(ctx) + ")   model package group " + modelPackageGroup(ctx));
    }

    private static void upload(LabContext ctx, String bucket) {
        for (YearMonth month : ChurnMonths.HISTORY) {
            LabBucket.putText(ctx.s3(), bucket, ChurnMonths.lakeKey(month), ChurnMonths.monthCsv(ChurnMonths.month(month)),
                    "text/csv");
        }
        for (YearMonth month : List.of(ChurnMonths.NEW_MONTH, ChurnMonths.BROKEN_MONTH)) {
            LabBucket.putText(ctx.s3(), bucket, ChurnMonths.incomingKey(month),
                    ChurnMonths.monthCsv(ChurnMonths.month(month)), "text/csv");
        }
        LabBucket.putText(ctx.s3(), bucket, HOLDOUT + HOLDOUT_FILE, ChurnMonths.holdoutCsv(), "text/csv");
    }

    @Override
    public void solve(LabContext ctx) throws Exception {
        String[] stateMachineArn = new String[1];
        ctx.step("Create state machine " + stateMachine(ctx) + " from " + PipelineDefinition.FILE, () -> {
            String sageMakerRoleArn = ctx.iam().getRole(g -> g.roleName(sageMakerRole(ctx))).role().arn();
            String statesRoleArn = ctx.iam().getRole(g -> g.roleName(statesRole(ctx))).role().arn();
            String definition = PipelineDefinition.fill(PipelineDefinition.template(ctx.dataFile(PipelineDefinition.FILE)),
                    PipelineDefinition.values(bucket(ctx), database(ctx), crawler(ctx), workGroup(ctx), jobPrefix(ctx),
                            sageMakerRoleArn, XgboostImage.uri(region(ctx)), modelPackageGroup(ctx)));
            stateMachineArn[0] = ctx.create(Resource.stateMachine(stateMachine(ctx)), () ->
                    Roles.whenAssumable(ctx, "Step Functions", () -> ctx.sfn().createStateMachine(c -> c
                            .name(stateMachine(ctx))
                            .definition(definition)
                            .roleArn(statesRoleArn)
                            .tags(ctx.tags().entrySet().stream().map(e -> software.amazon.awssdk.services.sfn.model.Tag
                                    .builder().key(e.getKey()).value(e.getValue()).build()).toList()))
                            .stateMachineArn()));
        });
        ctx.step("Send the bucket's events to EventBridge", () -> Trigger.sendBucketEventsToEventBridge(ctx.s3(), bucket(ctx)));
        ctx.step("Create rule " + rule(ctx) + ": Object Created under " + LAKE + " starts the state machine", () -> {
            String eventsRoleArn = ctx.iam().getRole(g -> g.roleName(eventsRole(ctx))).role().arn();
            ctx.create(Resource.eventRule(rule(ctx)), () -> Trigger.putRule(ctx.eventBridge(), rule(ctx), bucket(ctx),
                    ctx.tags()));
            Trigger.targetStateMachine(ctx.eventBridge(), rule(ctx), stateMachineArn[0], eventsRoleArn);
        });
        ctx.step("Land " + ChurnMonths.NEW_MONTH + " in the lake and watch the execution it starts", () ->
                landAndWatch(ctx, stateMachineArn[0], ChurnMonths.NEW_MONTH));
        ctx.step("Land " + ChurnMonths.BROKEN_MONTH + " (its churn flag inverted) and watch the gate stop it", () ->
                landAndWatch(ctx, stateMachineArn[0], ChurnMonths.BROKEN_MONTH));
        ctx.step("Read the registry", () -> ctx.sageMaker().listModelPackages(l -> l
                .modelPackageGroupName(modelPackageGroup(ctx))).modelPackageSummaryList().forEach(p -> ctx.note(
                        p.modelPackageArn() + "  " + p.modelApprovalStatusAsString())));
    }

    /**
     * Copies a waiting month into the lake (as an upstream job would deliver it), then waits for the execution the
     * rule starts and for it to end, and shows its path through the states.
     */
    private static void landAndWatch(LabContext ctx, String stateMachineArn, YearMonth month) {
        String key = ChurnMonths.lakeKey(month);
        ctx.s3().copyObject(c -> c.sourceBucket(bucket(ctx)).sourceKey(ChurnMonths.incomingKey(month))
                .destinationBucket(bucket(ctx)).destinationKey(key));
        PipelineRuns.Run started = ctx.waitFor("the rule to start an execution for " + key, Duration.ofMinutes(2),
                Duration.ofMillis(200), () -> PipelineRuns.startedBy(ctx.sfn(), stateMachineArn, key));
        PipelineRuns.Run ended = ctx.waitFor("execution " + started.name() + " to end", Duration.ofMinutes(45),
                Duration.ofMillis(250), () -> {
                    var execution = ctx.sfn().describeExecution(d -> d.executionArn(started.execution().executionArn()));
                    return execution.status() == ExecutionStatus.RUNNING ? Optional.empty()
                            : Optional.of(new PipelineRuns.Run(execution, started.s3Event()));
                });
        List<HistoryEvent> history = PipelineRuns.history(ctx.sfn(), ended.execution().executionArn());
        String path = String.join(" → ", history.stream().filter(e -> e.stateEnteredEventDetails() != null)
                .map(e -> e.stateEnteredEventDetails().name()).distinct().toList());
        ctx.note(ended.name() + ": " + ended.status() + " after " + history.size() + " events");
        ctx.note(path);
        history.stream().filter(e -> e.type() == HistoryEventType.EXECUTION_FAILED).findFirst()
                .ifPresent(e -> ctx.note(e.executionFailedEventDetails().error() + ": " + e.executionFailedEventDetails().cause()));
        if (month.equals(ChurnMonths.NEW_MONTH) && ended.execution().status() != ExecutionStatus.SUCCEEDED) {
            throw new IllegalStateException("The execution for " + key + " ended " + ended.status());
        }
    }

    @Override
    public List<Check> checks() {
        return List.of(
                Check.of("The bucket sends its events to EventBridge, and a rule starts the state machine for new files"
                        + " in the lake and for nothing the pipeline writes itself", PipelineChecks::triggerIsWired),
                Check.of("An execution the rule started for " + ChurnMonths.NEW_MONTH + "'s file succeeded",
                        PipelineChecks::newMonthRunSucceeded),
                Check.of("Its history shows the crawl, the Parquet CTAS, training, batch scoring and the AUC gate, in order",
                        PipelineChecks::historyShowsEveryStage),
                Check.of("The curated data is Parquet, and the training job read it", PipelineChecks::trainedOnParquet),
                Check.of("The registry holds an Approved model whose AUC is what its held-out scores give, at least "
                        + MINIMUM_AUC, PipelineChecks::approvedModelHasItsAuc),
                Check.of(ChurnMonths.BROKEN_MONTH + "'s inverted labels stopped at the gate: its execution failed naming"
                        + " the AUC, and nothing it trained was registered", PipelineChecks::brokenMonthStopped));
    }

    /**
     * The models the pipeline made (for its Batch Transform) are not in the ledger: their names carry the execution's
     * key. Executions still running are stopped first so that none makes another one behind this cleanup.
     */
    @Override
    public void cleanup(LabContext ctx) {
        try {
            PipelineRuns.stateMachineArn(ctx.sfn(), stateMachine(ctx)).ifPresent(arn ->
                    ctx.sfn().listExecutionsPaginator(l -> l.stateMachineArn(arn).statusFilter(ExecutionStatus.RUNNING))
                            .executions().forEach(e -> ctx.sfn().stopExecution(s -> s.executionArn(e.executionArn())
                                    .error("LabCleanup").cause("The lab run is being cleaned up."))));
        } catch (SfnException e) {
            // Step Functions not reachable or nothing to stop: the ledger's delete tries again.
        }
        String prefix = jobPrefix(ctx) + "-";
        ctx.sageMaker().listModelsPaginator(l -> l.nameContains(prefix)).models().stream()
                .filter(m -> m.modelName().startsWith(prefix))
                .forEach(m -> ctx.sageMaker().deleteModel(d -> d.modelName(m.modelName())));
    }
}

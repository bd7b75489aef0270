package io.labrunner.labs.modelmonitoring;

import io.labrunner.core.Capability;
import io.labrunner.core.Check;
import io.labrunner.core.Lab;
import io.labrunner.core.LabContext;
import io.labrunner.core.LabInfo;
import io.labrunner.core.Resource;
import io.labrunner.core.RunNames;
import io.labrunner.labs.s3glueathena.LabBucket;
import io.labrunner.labs.sagemakerxgboost.BatchTransform;
import io.labrunner.labs.sagemakerxgboost.Customers;
import io.labrunner.labs.sagemakerxgboost.SageMakerRole;
import io.labrunner.labs.sagemakerxgboost.XgboostTraining;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.sagemaker.model.DescribeProcessingJobResponse;
import software.amazon.awssdk.services.sagemaker.model.MonitoringExecutionSummary;

/**
 * Model Monitor on a churn endpoint: the endpoint writes down every request and prediction (data
 * capture), a baseline job learns what the training data looks like, traffic arrives — first as
 * the model knew it, then after a price rise, a new contract and a broken usage feed — and a
 * monitoring execution finds which features drifted, writes them to {@code constraint_violations.json}
 * and publishes the drift to CloudWatch, where an alarm goes off.
 *
 * <p>Setup provides the bucket, the data, the execution role and a trained model; the learner
 * deploys, baselines, sends traffic, monitors and raises the alarm.
 */
public final class ModelMonitoringLab implements Lab {
    static final String TRAIN = "data/train/";
    static final String VALIDATION = "data/validation/";
    static final String MODELS = "models/";
    static final String BASELINE_DATA = "baseline/training-data.csv";
    static final String BASELINE_RESULTS = "baseline/results";
    static final String NORMAL_TRAFFIC = "traffic/normal.csv";
    static final String DRIFTED_TRAFFIC = "traffic/drifted.csv";
    static final String CAPTURE = "capture";
    static final String REPORTS = "reports";

    /** A small, quick model: monitoring is about its inputs, not its last point of AUC. */
    static final Map<String, String> HYPERPARAMETERS = orderedMap(
            "objective", "binary:logistic",
            "num_round", "40",
            "max_depth", "4",
            "eta", "0.2",
            "eval_metric", "auc");

    @Override
    public LabInfo info() {
        return new LabInfo(
                "model-monitoring",
                "Catch data drift on a live endpoint: data capture, a Model Monitor baseline, violations and a CloudWatch alarm",
                "A churn model is trained. Deploy it with data capture on, baseline the training data with Model Monitor,"
                        + " send normal traffic and then traffic after a price rise, a new contract and a broken usage feed,"
                        + " run the monitor now, find the drifted features in constraint_violations.json, and raise a"
                        + " CloudWatch alarm on the drift metric the monitor publishes.",
                "4 ML Solution Monitoring, Maintenance, and Security",
                "4.1 Monitor model inference; 4.2 Monitor and optimize infrastructure and costs",
                List.of("Amazon SageMaker", "Amazon S3", "Amazon CloudWatch", "AWS IAM"),
                50,
                "< $0.50",
                Set.of(Capability.S3, Capability.IAM, Capability.SAGEMAKER_TRAINING, Capability.SAGEMAKER_HOSTING,
                        Capability.SAGEMAKER_MODEL_MONITOR, Capability.CLOUDWATCH_METRICS));
    }

    // Every name depends only on the run id, so each phase (and the learner) finds them again.

    static String bucket(RunNames run) {
        return run.name("monitoring");
    }

    static String role(RunNames run) {
        return run.name("sagemaker-role");
    }

    /** The training job setup runs and the model made from it share a name. */
    static String model(RunNames run) {
        return run.name("churn-model");
    }

    static String endpointConfig(RunNames run) {
        return run.name("churn-capture");
    }

    static String endpoint(RunNames run) {
        return run.name("churn");
    }

    static String baselineJob(RunNames run) {
        return run.name("baseline");
    }

    static String schedule(RunNames run) {
        return run.name("drift-now");
    }

    static String alarm(RunNames run) {
        return run.name(Traffic.SHIFTED.replace('_', '-') + "-drift");
    }

    /** The guide's shell variables, in the order its steps use them. */
    @Override
    public Map<String, String> names(RunNames run) {
        return orderedMap("BUCKET", bucket(run), "ROLE", role(run), "MODEL", model(run),
                "ENDPOINT_CONFIG", endpointConfig(run), "ENDPOINT_NAME", endpoint(run), "BASELINE_JOB", baselineJob(run),
                "SCHEDULE", schedule(run), "ALARM", alarm(run));
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
        ctx.step(String.format("Upload the churn data, the baseline dataset (%,d training customers with a header) and"
                + " %d + %d requests to send", data.train().size(), Traffic.NORMAL, Traffic.DRIFTED), () -> {
                    LabBucket.putText(ctx.s3(), bucket, TRAIN + "train.csv", Customers.labelledCsv(data.train()), "text/csv");
                    LabBucket.putText(ctx.s3(), bucket, VALIDATION + "validation.csv", Customers.labelledCsv(data.validation()),
                            "text/csv");
                    LabBucket.putText(ctx.s3(), bucket, BASELINE_DATA, Traffic.baselineCsv(), "text/csv");
                    LabBucket.putText(ctx.s3(), bucket, NORMAL_TRAFFIC, Traffic.csv(Traffic.normal()), "text/csv");
                    LabBucket.putText(ctx.s3(), bucket, DRIFTED_TRAFFIC, Traffic.csv(Traffic.drifted()), "text/csv");
                });
        ctx.step("Create execution role " + role(ctx) + " that SageMaker may assume", () ->
                ctx.create(Resource.role(role(ctx)), () -> SageMakerRole.create(ctx.iam(), role(ctx), bucket, ctx.tags())));
        String roleArn = SageMakerRole.arn(ctx.iam(), role(ctx));
        ctx.step("Train the churn model " + model(ctx) + " on built-in XGBoost", () -> {
            String artifact = XgboostTraining.trainAndWait(ctx, XgboostTraining.request(model(ctx), region(ctx), roleArn,
                    orderedMap("train", s3(ctx, TRAIN), "validation", s3(ctx, VALIDATION)), s3(ctx, MODELS), HYPERPARAMETERS,
                    ctx.tags())).modelArtifacts().s3ModelArtifacts();
            BatchTransform.createModel(ctx, model(ctx), region(ctx), artifact, roleArn);
        });
        // The learner creates these by hand. Recording their names now lets cleanup delete them whoever
        // made them, newest first: the alarm, the schedule (before its endpoint), the endpoint, its config.
        ctx.step("Reserve names for the endpoint, its config, the baseline job, the schedule and the alarm", () -> {
            ctx.create(Resource.endpointConfig(endpointConfig(ctx)), () -> endpointConfig(ctx));
            ctx.create(Resource.endpoint(endpoint(ctx)), () -> endpoint(ctx));
            ctx.create(Resource.processingJob(baselineJob(ctx)), () -> baselineJob(ctx));
            ctx.create(Resource.monitoringSchedule(schedule(ctx)), () -> schedule(ctx));
            ctx.create(Resource.alarm(alarm(ctx)), () -> alarm(ctx));
        });
        ctx.note("bucket " + bucket + "   role " + role(ctx) + "   model " + model(ctx));
        ctx.note("endpoint " + endpoint(ctx) + "   baseline job " + baselineJob(ctx) + "   schedule " + schedule(ctx)
                + "   alarm " + alarm(ctx));
        ctx.note("analyzer image " + AnalyzerImage.uri(region(ctx)));
    }

    @Override
    public void solve(LabContext ctx) throws Exception {
        String roleArn = SageMakerRole.arn(ctx.iam(), role(ctx));
        ctx.step("Deploy " + model(ctx) + " to endpoint " + endpoint(ctx) + ", capturing 100 % of requests and responses", () ->
                deploy(ctx, 100));
        ctx.step("Baseline the training data with Model Monitor's analyzer (job " + baselineJob(ctx) + ")", () ->
                showBaseline(ctx, baseline(ctx, roleArn)));
        ctx.step("Send " + Traffic.NORMAL + " customers as the model knew them, one request each", () ->
                ctx.note(CapturedEndpoint.send(ctx, endpoint(ctx), Traffic.normal()) + " predicted to churn"));
        ctx.step("Send " + Traffic.DRIFTED + " customers after a price rise, a new plan and a broken usage feed", () ->
                ctx.note(CapturedEndpoint.send(ctx, endpoint(ctx), Traffic.drifted()) + " predicted to churn"));
        ctx.step("Wait for the capture files to hold every request", () -> awaitCapture(ctx, Traffic.NORMAL + Traffic.DRIFTED));
        ctx.step("Run the monitor now over the last hour's capture (schedule " + schedule(ctx) + ")", () ->
                showViolations(ctx, monitorNow(ctx, roleArn)));
        ctx.step("Alarm on " + DriftAlarm.metricName(Traffic.SHIFTED) + " above " + DriftAlarm.THRESHOLD, () -> {
            MetricAlarm alarm = raiseAlarm(ctx, Traffic.SHIFTED);
            ctx.note(alarm.alarmName() + " is " + alarm.stateValueAsString() + ": " + alarm.stateReason());
        });
    }

    /** CreateEndpointConfig with data capture, CreateEndpoint, and the waiter until InService. */
    static void deploy(LabContext ctx, int samplingPercentage) {
        ctx.create(Resource.endpointConfig(endpointConfig(ctx)), () -> CapturedEndpoint.createConfig(ctx.sageMaker(),
                endpointConfig(ctx), model(ctx), s3(ctx, CAPTURE), samplingPercentage, ctx.tags()));
        ctx.create(Resource.endpoint(endpoint(ctx)), () -> CapturedEndpoint.create(ctx.sageMaker(), endpoint(ctx),
                endpointConfig(ctx), ctx.tags()));
        CapturedEndpoint.awaitInService(ctx.sageMaker(), endpoint(ctx));
    }

    /** The baseline processing job, started and waited for. */
    static DescribeProcessingJobResponse baseline(LabContext ctx, String roleArn) {
        ctx.create(Resource.processingJob(baselineJob(ctx)), () -> SageMakerRole.whenAssumable(ctx, () -> ctx.sageMaker()
                .createProcessingJob(Baseline.request(baselineJob(ctx), region(ctx), roleArn, s3(ctx, BASELINE_DATA),
                        s3(ctx, BASELINE_RESULTS), ctx.tags())).processingJobArn()));
        return Baseline.await(ctx.sageMaker(), baselineJob(ctx));
    }

    private static void showBaseline(LabContext ctx, DescribeProcessingJobResponse job) {
        String results = Baseline.outputUri(job);
        MonitorReports.Statistics statistics = MonitorReports.statistics(
                MonitorReports.read(ctx.s3(), results + "/" + MonitorReports.STATISTICS).orElseThrow());
        ctx.note(String.format("%s: %,d rows, %d columns", results, statistics.itemCount(), statistics.columns().size()));
        statistics.columns().forEach(c -> ctx.note(String.format("  %-18s %-10s mean %10.3f", c.name(), c.inferredType(), c.mean())));
    }

    /**
     * Data capture writes asynchronously (on AWS, files appear within minutes): waits until the
     * capture files hold {@code expected} records.
     */
    static void awaitCapture(LabContext ctx, int expected) {
        int found = ctx.waitFor("capture files to hold " + expected + " records", Duration.ofMinutes(10), Duration.ofSeconds(1), () -> {
            int records = CaptureFiles.read(ctx.s3(), s3(ctx, CAPTURE), endpoint(ctx)).records().size();
            return records >= expected ? Optional.of(records) : Optional.empty();
        });
        ctx.note(found + " records captured under " + s3(ctx, CAPTURE + "/" + endpoint(ctx)) + "/");
    }

    /** The one-time schedule, and its execution waited for. */
    static MonitoringExecutionSummary monitorNow(LabContext ctx, String roleArn) {
        ctx.create(Resource.monitoringSchedule(schedule(ctx)), () -> SageMakerRole.whenAssumable(ctx, () -> ctx.sageMaker()
                .createMonitoringSchedule(OneTimeMonitor.request(schedule(ctx), endpoint(ctx), region(ctx), roleArn,
                        s3(ctx, BASELINE_RESULTS), s3(ctx, REPORTS), ctx.tags())).monitoringScheduleArn()));
        return OneTimeMonitor.awaitExecution(ctx, schedule(ctx));
    }

    private static void showViolations(LabContext ctx, MonitoringExecutionSummary execution) {
        ctx.note("execution " + execution.monitoringExecutionStatusAsString() + " at " + execution.scheduledTime());
        String reports = Baseline.outputUri(ctx.sageMaker().describeProcessingJob(d -> d.processingJobName(
                OneTimeMonitor.processingJobName(execution))));
        MonitorReports.read(ctx.s3(), reports + "/" + MonitorReports.VIOLATIONS).map(MonitorReports::violations)
                .orElse(List.of())
                .forEach(v -> ctx.note(String.format("  %-18s %-22s %s", v.featureName(), v.checkType(), v.description())));
    }

    /** PutMetricAlarm on one feature's drift, then waits until CloudWatch has it in ALARM. */
    static MetricAlarm raiseAlarm(LabContext ctx, String feature) {
        putAlarm(ctx, feature);
        return DriftAlarm.awaitAlarm(ctx, alarm(ctx));
    }

    /** PutMetricAlarm on {@code feature_baseline_drift_<feature>} of this endpoint and schedule. */
    static void putAlarm(LabContext ctx, String feature) {
        ctx.create(Resource.alarm(alarm(ctx)), () -> ctx.cloudWatch().putMetricAlarm(DriftAlarm.request(alarm(ctx), feature,
                endpoint(ctx), schedule(ctx), ctx.tags())));
    }

    @Override
    public List<Check> checks() {
        return List.of(
                Check.of("The endpoint is InService and captures every request and response into the bucket",
                        MonitoringChecks::endpointCaptures),
                Check.of("The capture files hold every request sent: " + Traffic.NORMAL + " normal and " + Traffic.DRIFTED
                        + " drifted customers", MonitoringChecks::captureHoldsTheTraffic),
                Check.of("The baseline's statistics.json and constraints.json describe the training data",
                        MonitoringChecks::baselineDescribesTrainingData),
                Check.of("A monitoring execution found the drifted features and none of the steady ones",
                        MonitoringChecks::violationsNameTheDrift),
                Check.of("A CloudWatch alarm on " + DriftAlarm.metricName(Traffic.SHIFTED) + " for this endpoint and schedule is in ALARM",
                        MonitoringChecks::alarmFires));
    }

    static Map<String, String> orderedMap(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}

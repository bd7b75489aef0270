package io.labrunner.labs.modelmonitoring;

import io.labrunner.core.CheckResult;
import io.labrunner.core.LabContext;
import io.labrunner.labs.sagemakerxgboost.Customers;
import io.labrunner.labs.sagemakerxgboost.Customers.Customer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.cloudwatch.model.Datapoint;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import software.amazon.awssdk.services.sagemaker.model.CaptureMode;
import software.amazon.awssdk.services.sagemaker.model.CaptureOption;
import software.amazon.awssdk.services.sagemaker.model.DataCaptureConfigSummary;
import software.amazon.awssdk.services.sagemaker.model.DescribeEndpointResponse;
import software.amazon.awssdk.services.sagemaker.model.DescribeMonitoringScheduleResponse;
import software.amazon.awssdk.services.sagemaker.model.DescribeProcessingJobResponse;
import software.amazon.awssdk.services.sagemaker.model.EndpointStatus;
import software.amazon.awssdk.services.sagemaker.model.ExecutionStatus;
import software.amazon.awssdk.services.sagemaker.model.MonitoringExecutionSummary;
import software.amazon.awssdk.services.sagemaker.model.MonitoringJobDefinition;
import software.amazon.awssdk.services.sagemaker.model.ProcessingJobStatus;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;

/**
 * The judgements of {@link ModelMonitoringLab}, each from what SageMaker, S3 and CloudWatch hold:
 * the endpoint's description, the capture files' records counted against the requests the lab
 * defines, the baseline's statistics recomputed from the training data the seed regenerates, the
 * execution's violations against the features that were (and were not) changed, and the alarm's
 * metric read back from CloudWatch. Nothing the solution printed is believed. Hints come in tiers:
 * what to look at, then more, then the guide's step.
 */
final class MonitoringChecks {
    /** Means in statistics.json are doubles over the same rows: only rounding may differ. */
    private static final double MEAN_TOLERANCE = 1e-6;

    private MonitoringChecks() {
    }

    private static final String DEPLOY_STEP = "Step 2 of the guide: create-endpoint-config --endpoint-config-name $ENDPOINT_CONFIG"
            + " --production-variants VariantName=AllTraffic,ModelName=$MODEL,InstanceType=ml.m5.large,InitialInstanceCount=1"
            + " --data-capture-config file://capture.json (EnableCapture true, InitialSamplingPercentage 100, DestinationS3Uri"
            + " s3://$BUCKET/capture, CaptureOptions Input and Output), then create-endpoint --endpoint-name $ENDPOINT_NAME"
            + " --endpoint-config-name $ENDPOINT_CONFIG and wait endpoint-in-service.";
    private static final String BASELINE_STEP = "Step 3 of the guide: create-processing-job --processing-job-name $BASELINE_JOB"
            + " on the analyzer image with the environment of baseline-env.json (dataset_format csv with header true,"
            + " dataset_source and output_path), the input s3://$BUCKET/baseline/training-data.csv mounted at"
            + " /opt/ml/processing/input/baseline_dataset_input and the output /opt/ml/processing/output uploaded to"
            + " s3://$BUCKET/baseline/results.";
    private static final String TRAFFIC_STEP = "Step 4 of the guide: python3 labs/model-monitoring/send_traffic.py $ENDPOINT_NAME"
            + " normal.csv, then the same with drifted.csv — one customer per InvokeEndpoint request.";
    private static final String MONITOR_STEP = "Step 5 of the guide: create-monitoring-schedule --monitoring-schedule-name $SCHEDULE"
            + " with ScheduleExpression NOW, DataAnalysisStartTime -PT1H, DataAnalysisEndTime -PT0H, the baseline's"
            + " statistics.json and constraints.json, EndpointInput $ENDPOINT_NAME, output s3://$BUCKET/reports, Environment"
            + " publish_cloudwatch_metrics Enabled; then list-monitoring-executions until it has ended.";
    private static final String ALARM_STEP = "Step 7 of the guide: aws $ENDPOINT cloudwatch put-metric-alarm --alarm-name $ALARM"
            + " --namespace " + DriftAlarm.NAMESPACE + " --metric-name " + DriftAlarm.metricName(Traffic.SHIFTED)
            + " --dimensions Name=Endpoint,Value=$ENDPOINT_NAME Name=MonitoringSchedule,Value=$SCHEDULE --statistic Maximum"
            + " --period 3600 --evaluation-periods 1 --threshold 0.1 --comparison-operator GreaterThanThreshold"
            + " --treat-missing-data notBreaching";

    // ---- 1. the endpoint captures ----

    private static Optional<DescribeEndpointResponse> endpoint(LabContext ctx) {
        try {
            return Optional.of(ctx.sageMaker().describeEndpoint(d -> d.endpointName(ModelMonitoringLab.endpoint(ctx))));
        } catch (SageMakerException e) {
            return Optional.empty();
        }
    }

    static CheckResult endpointCaptures(LabContext ctx) {
        String name = ModelMonitoringLab.endpoint(ctx);
        Optional<DescribeEndpointResponse> found = endpoint(ctx);
        if (found.isEmpty()) {
            return CheckResult.fail("no endpoint " + name,
                    "Nothing is deployed under $ENDPOINT_NAME (" + name + ") yet.",
                    "An endpoint config names the model $MODEL, the instances, and in DataCaptureConfig what to write down;"
                            + " the endpoint runs it.",
                    DEPLOY_STEP);
        }
        DescribeEndpointResponse endpoint = found.get();
        if (endpoint.endpointStatus() != EndpointStatus.IN_SERVICE) {
            String seen = "the endpoint is " + endpoint.endpointStatusAsString()
                    + (endpoint.failureReason() == null ? "" : ": " + endpoint.failureReason());
            return endpoint.endpointStatus() == EndpointStatus.CREATING || endpoint.endpointStatus() == EndpointStatus.UPDATING
                    ? CheckResult.fail(seen, "It is still starting: aws $ENDPOINT sagemaker wait endpoint-in-service"
                            + " --endpoint-name $ENDPOINT_NAME, then check again.")
                    : CheckResult.fail(seen, "Read the FailureReason: it names what the endpoint could not start.", DEPLOY_STEP);
        }
        DataCaptureConfigSummary capture = endpoint.dataCaptureConfig();
        if (capture == null || !Boolean.TRUE.equals(capture.enableCapture())) {
            return CheckResult.fail(name + " is InService but captures nothing (config " + endpoint.endpointConfigName() + ")",
                    "Data capture is off: without it no request is written down, and the monitor has nothing to compare.",
                    "Capture is part of the endpoint config (DataCaptureConfig, EnableCapture true). A config cannot be changed:"
                            + " create a second one with capture on and move the endpoint to it with aws $ENDPOINT sagemaker"
                            + " update-endpoint --endpoint-name $ENDPOINT_NAME --endpoint-config-name <the new config>.",
                    DEPLOY_STEP);
        }
        if (capture.currentSamplingPercentage() == null || capture.currentSamplingPercentage() != 100) {
            return CheckResult.fail("it captures " + capture.currentSamplingPercentage() + " % of requests",
                    "Only a sample of the requests is written down; this lab counts every one (InitialSamplingPercentage 100).",
                    "In production a lower percentage saves storage on busy endpoints; the monitor then sees a sample.",
                    DEPLOY_STEP);
        }
        String destination = ModelMonitoringLab.s3(ctx, ModelMonitoringLab.CAPTURE);
        if (capture.destinationS3Uri() == null || !strip(capture.destinationS3Uri()).equals(destination)) {
            return CheckResult.fail("it captures to " + capture.destinationS3Uri(),
                    "The capture goes elsewhere than the guide's " + destination + ": the checks and the guide look there.",
                    DEPLOY_STEP);
        }
        List<CaptureMode> modes;
        try {
            modes = ctx.sageMaker().describeEndpointConfig(d -> d.endpointConfigName(endpoint.endpointConfigName()))
                    .dataCaptureConfig().captureOptions().stream().map(CaptureOption::captureMode).toList();
        } catch (SageMakerException e) {
            return CheckResult.fail("the endpoint's config " + endpoint.endpointConfigName() + " is gone",
                    "The endpoint runs a config that was deleted: keep the config as long as the endpoint uses it.", DEPLOY_STEP);
        }
        if (!modes.containsAll(List.of(CaptureMode.INPUT, CaptureMode.OUTPUT))) {
            return CheckResult.fail("it captures " + modes,
                    "Capture both Input (what the model was asked, which the monitor compares with the baseline) and Output"
                            + " (what it answered).",
                    DEPLOY_STEP);
        }
        return CheckResult.pass(name + " InService, capturing 100 % of Input and Output to " + capture.destinationS3Uri());
    }

    private static String strip(String uri) {
        return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
    }

    // ---- 2. the capture holds the traffic ----

    static CheckResult captureHoldsTheTraffic(LabContext ctx) {
        String destination = ModelMonitoringLab.s3(ctx, ModelMonitoringLab.CAPTURE);
        String where = destination + "/" + ModelMonitoringLab.endpoint(ctx) + "/";
        CaptureFiles.Capture capture = CaptureFiles.read(ctx.s3(), destination, ModelMonitoringLab.endpoint(ctx));
        if (capture.keys().isEmpty()) {
            return CheckResult.fail("no capture files under " + where,
                    "Nothing was captured: either capture is off (the check above says) or no request has been sent yet.",
                    "SageMaker writes JSON Lines files under <DestinationS3Uri>/<EndpointName>/<VariantName>/yyyy/mm/dd/hh/;"
                            + " on AWS they appear a few minutes after the requests. aws $ENDPOINT s3 ls " + where + " --recursive",
                    TRAFFIC_STEP);
        }
        Map<String, Integer> normal = counts(Traffic.normal());
        Map<String, Integer> drifted = counts(Traffic.drifted());
        int normalSeen = 0;
        int driftedSeen = 0;
        int repeated = 0;
        int other = 0;
        int manyRows = 0;
        int withoutOutput = 0;
        for (CaptureFiles.Record record : capture.records()) {
            String input = record.input() == null ? "" : record.input().strip();
            if (record.output() == null || record.output().isBlank()) {
                withoutOutput++;
            }
            Match normalMatch = take(normal, input);
            Match driftedMatch = normalMatch == Match.NONE ? take(drifted, input) : Match.NONE;
            if (normalMatch == Match.FIRST) {
                normalSeen++;
            } else if (driftedMatch == Match.FIRST) {
                driftedSeen++;
            } else if (normalMatch == Match.AGAIN || driftedMatch == Match.AGAIN) {
                repeated++;
            } else {
                other++;
                if (input.contains("\n")) {
                    manyRows++;
                }
            }
        }
        String seen = String.format("%d records in %d files: %d of the %d normal customers, %d of the %d drifted, %d other requests",
                capture.records().size(), capture.keys().size(), normalSeen, Traffic.NORMAL, driftedSeen, Traffic.DRIFTED, other)
                + (repeated == 0 ? "" : ", " + repeated + " sent again");
        if (normalSeen < Traffic.NORMAL || driftedSeen < Traffic.DRIFTED) {
            String nudge = manyRows > 0
                    ? manyRows + " requests carried several customers at once: send one customer per request, so each is one record."
                    : driftedSeen == 0 && normalSeen > 0
                    ? "The drifted customers were never sent (or not captured): the monitor cannot find drift it never saw."
                    : normalSeen == 0 && driftedSeen > 0
                    ? "Only drifted customers were captured: send the normal ones too, as the guide does first."
                    : "Some of the requests are missing from the capture: were they all sent, to $ENDPOINT_NAME, after capture was on?";
            return CheckResult.fail(seen, nudge,
                    "The rows of traffic/normal.csv and traffic/drifted.csv go out as they are, one InvokeEndpoint each, Content-Type"
                            + " text/csv; the check matches each captured endpointInput with them. On AWS, wait a few minutes for"
                            + " the last files.",
                    TRAFFIC_STEP);
        }
        if (withoutOutput > 0) {
            return CheckResult.fail(seen + "; " + withoutOutput + " without the prediction",
                    "The records hold the requests but not what the model answered: capture Output too.", DEPLOY_STEP);
        }
        return CheckResult.pass(seen + ", each with its prediction");
    }

    private static Map<String, Integer> counts(List<String> rows) {
        Map<String, Integer> counts = new HashMap<>();
        rows.forEach(r -> counts.merge(r, 1, Integer::sum));
        return counts;
    }

    private enum Match { NONE, FIRST, AGAIN }

    /** Marks {@code row} as seen in {@code remaining}: its first sighting, a repeat, or not one of these rows. */
    private static Match take(Map<String, Integer> remaining, String row) {
        Integer left = remaining.get(row);
        if (left == null) {
            return Match.NONE;
        }
        if (left == 0) {
            return Match.AGAIN;
        }
        remaining.put(row, left - 1);
        return Match.FIRST;
    }

    // ---- 3. the baseline ----

    private static Optional<DescribeProcessingJobResponse> processingJob(LabContext ctx, String name) {
        try {
            return Optional.of(ctx.sageMaker().describeProcessingJob(d -> d.processingJobName(name)));
        } catch (SageMakerException e) {
            return Optional.empty();
        }
    }

    /** The columns as the baseline dataset names them: the label, then the features. */
    private static List<String> baselineColumns() {
        List<String> columns = new ArrayList<>(List.of(Traffic.LABEL));
        columns.addAll(Customers.FEATURES);
        return columns;
    }

    /** Each column's mean over the training customers, computed here from the regenerated data. */
    private static Map<String, Double> trainingMeans() {
        List<Customer> train = Customers.dataset().train();
        Map<String, Double> means = new TreeMap<>();
        means.put(Traffic.LABEL, mean(train, Customer::churned));
        for (int i = 0; i < Customers.FEATURES.size(); i++) {
            int column = i;
            means.put(Customers.FEATURES.get(i), mean(train, c -> c.features()[column]));
        }
        return means;
    }

    private static double mean(List<Customer> customers, ToDoubleFunction<Customer> value) {
        return customers.stream().mapToDouble(value).average().orElse(Double.NaN);
    }

    static CheckResult baselineDescribesTrainingData(LabContext ctx) {
        String name = ModelMonitoringLab.baselineJob(ctx);
        Optional<DescribeProcessingJobResponse> found = processingJob(ctx, name);
        if (found.isEmpty()) {
            return CheckResult.fail("no processing job " + name,
                    "No baseline yet: the monitor needs the training data's statistics and constraints to compare with.",
                    "A baseline is Model Monitor's analyzer image run once as a processing job over the training data"
                            + " (what the Python SDK's suggest_baseline does).",
                    BASELINE_STEP);
        }
        DescribeProcessingJobResponse job = found.get();
        if (job.processingJobStatus() != ProcessingJobStatus.COMPLETED) {
            String seen = "the job is " + job.processingJobStatusAsString()
                    + (job.failureReason() == null ? "" : ": " + job.failureReason());
            return job.processingJobStatus() == ProcessingJobStatus.IN_PROGRESS
                    ? CheckResult.fail(seen, "It is still running: aws $ENDPOINT sagemaker wait processing-job-completed-or-stopped"
                            + " --processing-job-name $BASELINE_JOB")
                    : CheckResult.fail(seen, "Read the FailureReason: it names the setting or input the analyzer refused.",
                            "Processing job names cannot be reused: start the lab again (./lab start model-monitoring --new) to retry.",
                            BASELINE_STEP);
        }
        String image = job.appSpecification().imageUri();
        if (!image.contains("/" + AnalyzerImage.REPOSITORY)) {
            return CheckResult.fail("it ran image " + image, "The baseline comes from Model Monitor's own analyzer image.",
                    "It is " + AnalyzerImage.uri(ModelMonitoringLab.region(ctx)) + " (the registry account differs per region).",
                    BASELINE_STEP);
        }
        String results = Baseline.outputUri(job);
        Optional<String> statisticsJson = MonitorReports.read(ctx.s3(), strip(results) + "/" + MonitorReports.STATISTICS);
        Optional<String> constraintsJson = MonitorReports.read(ctx.s3(), strip(results) + "/" + MonitorReports.CONSTRAINTS);
        if (statisticsJson.isEmpty() || constraintsJson.isEmpty()) {
            return CheckResult.fail("no statistics.json and constraints.json in " + results,
                    "The job completed but its results are not where its output says: was output_path /opt/ml/processing/output,"
                            + " the LocalPath of the output?",
                    BASELINE_STEP);
        }
        MonitorReports.Statistics statistics = MonitorReports.statistics(statisticsJson.get());
        int rows = Customers.dataset().train().size();
        List<String> names = statistics.columns().stream().map(MonitorReports.ColumnStatistics::name).toList();
        if (!names.equals(baselineColumns())) {
            boolean unnamed = names.stream().anyMatch(n -> n.startsWith("_c"));
            return CheckResult.fail("statistics.json has the columns " + names,
                    unnamed ? "The columns are called _c0, _c1…: the analyzer was not told the CSV has a header, so the header"
                            + " became a data row and the names were lost."
                            : "These are not the baseline dataset's columns (" + String.join(",", baselineColumns()) + ").",
                    "dataset_format in the job's environment says how to read the CSV: {\"csv\": {\"header\": true,"
                            + " \"output_columns_position\": \"START\"}}; dataset_source must be the input's LocalPath.",
                    BASELINE_STEP);
        }
        if (statistics.itemCount() != rows) {
            int validation = Customers.dataset().validation().size();
            return CheckResult.fail(String.format("statistics.json counts %,d rows; the training data has %,d", statistics.itemCount(), rows),
                    statistics.itemCount() == validation ? "That is the validation data: baseline what the model was trained on."
                            : "The baseline read other data than baseline/training-data.csv.",
                    BASELINE_STEP);
        }
        Map<String, Double> means = trainingMeans();
        for (Map.Entry<String, Double> expected : means.entrySet()) {
            double reported = statistics.column(expected.getKey()).orElseThrow().mean();
            if (!(Math.abs(reported - expected.getValue()) <= MEAN_TOLERANCE * Math.max(1, Math.abs(expected.getValue())))) {
                return CheckResult.fail(String.format(Locale.ROOT, "statistics.json gives %s a mean of %.4f; the training data's is %.4f",
                        expected.getKey(), reported, expected.getValue()),
                        "The baseline does not describe the training data: was the dataset changed or another file read?",
                        BASELINE_STEP);
            }
        }
        List<String> constrained = MonitorReports.constrainedColumns(constraintsJson.get());
        if (!new LinkedHashSet<>(constrained).containsAll(baselineColumns())) {
            return CheckResult.fail("constraints.json constrains " + constrained,
                    "constraints.json should set a constraint for every column the statistics describe.", BASELINE_STEP);
        }
        return CheckResult.pass(String.format(Locale.ROOT, "%,d rows, %d columns; %s mean %.3f as recomputed from the training"
                + " data; constraints for every column", statistics.itemCount(), names.size(), Traffic.SHIFTED, means.get(Traffic.SHIFTED)));
    }

    // ---- 4. the violations ----

    private static Optional<DescribeMonitoringScheduleResponse> schedule(LabContext ctx) {
        try {
            return Optional.of(ctx.sageMaker().describeMonitoringSchedule(d -> d.monitoringScheduleName(ModelMonitoringLab.schedule(ctx))));
        } catch (SageMakerException e) {
            return Optional.empty();
        }
    }

    static CheckResult violationsNameTheDrift(LabContext ctx) {
        String name = ModelMonitoringLab.schedule(ctx);
        Optional<DescribeMonitoringScheduleResponse> found = schedule(ctx);
        if (found.isEmpty()) {
            return CheckResult.fail("no monitoring schedule " + name,
                    "Nothing has compared the captured traffic with the baseline yet: create the schedule $SCHEDULE.",
                    "A data-quality schedule runs the analyzer on the capture of a time window; ScheduleExpression NOW runs it"
                            + " once, right away, over the window DataAnalysisStartTime to DataAnalysisEndTime.",
                    MONITOR_STEP);
        }
        MonitoringJobDefinition definition = found.get().monitoringScheduleConfig().monitoringJobDefinition();
        if (definition != null) {
            String statistics = definition.baselineConfig() == null || definition.baselineConfig().statisticsResource() == null
                    ? "(none)" : definition.baselineConfig().statisticsResource().s3Uri();
            String expected = ModelMonitoringLab.s3(ctx, ModelMonitoringLab.BASELINE_RESULTS) + "/" + MonitorReports.STATISTICS;
            if (!statistics.equals(expected)) {
                return CheckResult.fail("the schedule compares with " + statistics,
                        "The schedule's BaselineConfig should name the baseline job's results: " + expected + " and constraints.json"
                                + " beside it.",
                        MONITOR_STEP);
            }
        }
        Optional<MonitoringExecutionSummary> latest = OneTimeMonitor.latestExecution(ctx, name);
        if (latest.isEmpty()) {
            return CheckResult.fail("the schedule has no execution yet",
                    "A NOW schedule starts its one execution within minutes on AWS: aws $ENDPOINT sagemaker"
                            + " list-monitoring-executions --monitoring-schedule-name $SCHEDULE");
        }
        MonitoringExecutionSummary execution = latest.get();
        ExecutionStatus status = execution.monitoringExecutionStatus();
        String seen = "the latest execution is " + execution.monitoringExecutionStatusAsString()
                + (execution.failureReason() == null ? "" : ": " + execution.failureReason());
        if (status == ExecutionStatus.PENDING || status == ExecutionStatus.IN_PROGRESS) {
            return CheckResult.fail(seen, "It is still running (ten to twenty minutes on AWS): list the executions again later.");
        }
        if (status != ExecutionStatus.COMPLETED && status != ExecutionStatus.COMPLETED_WITH_VIOLATIONS) {
            return CheckResult.fail(seen, "Read the FailureReason: it names the input or setting the analyzer refused.",
                    "The usual causes: no capture in the window (send the traffic first), a baseline URI that holds no"
                            + " statistics.json. A NOW schedule runs once: delete it and create it again to retry.",
                    MONITOR_STEP);
        }
        String reports = Baseline.outputUri(ctx.sageMaker().describeProcessingJob(d -> d.processingJobName(
                OneTimeMonitor.processingJobName(execution))));
        List<MonitorReports.Violation> violations = MonitorReports.read(ctx.s3(), strip(reports) + "/" + MonitorReports.VIOLATIONS)
                .map(MonitorReports::violations).orElse(List.of());
        Set<String> named = violations.stream().map(MonitorReports.Violation::featureName)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        if (violations.isEmpty()) {
            return CheckResult.fail(seen + ", with no violations in " + reports,
                    "The monitor found nothing wrong: the traffic it read looked like the training data.",
                    "It reads only the capture inside its window (the hour before it ran): were the drifted customers sent,"
                            + " and captured (the check above counts them), before the schedule was created? A NOW schedule runs"
                            + " once: delete it (delete-monitoring-schedule) and create it again to run it over the new traffic.",
                    MONITOR_STEP);
        }
        List<String> wronglyFlagged = Traffic.STEADY.stream().filter(named::contains).toList();
        if (!wronglyFlagged.isEmpty()) {
            return CheckResult.fail("the violations name " + named + ", including " + wronglyFlagged + ", which were sent unchanged",
                    wronglyFlagged + " did not drift: the monitor is comparing with a baseline that is not the training data's.",
                    "Check 3 looks at the baseline; the schedule's BaselineConfig must name its statistics.json and constraints.json.",
                    MONITOR_STEP);
        }
        List<String> missed = Traffic.DRIFTING.stream().filter(f -> !named.contains(f)).toList();
        if (!missed.isEmpty()) {
            return CheckResult.fail("the violations name " + named + " but not " + missed,
                    missed.size() == Traffic.DRIFTING.size()
                            ? "None of the changed features is flagged: the traffic this execution read did not drift. Were the"
                                    + " drifted customers sent and captured (check 2) before it ran? A NOW schedule runs once:"
                                    + " delete it and create it again."
                            : "The monitor missed drift that was sent: did it read all of the drifted customers (check 2)?",
                    Traffic.SHIFTED + " was shifted (baseline_drift_check), " + Traffic.NEW_VALUE + " got a value never seen"
                            + " (baseline_drift_check) and " + Traffic.MISSING + " went missing (completeness_check).",
                    MONITOR_STEP);
        }
        String list = violations.stream().filter(v -> Traffic.DRIFTING.contains(v.featureName()))
                .map(v -> v.featureName() + " (" + v.checkType() + ")").distinct().collect(Collectors.joining(", "));
        return CheckResult.pass(execution.monitoringExecutionStatusAsString() + ": " + list + "; nothing for "
                + String.join(", ", Traffic.STEADY));
    }

    // ---- 5. the alarm ----

    static CheckResult alarmFires(LabContext ctx) {
        String name = ModelMonitoringLab.alarm(ctx);
        Optional<MetricAlarm> found = DriftAlarm.describe(ctx, name);
        if (found.isEmpty()) {
            return CheckResult.fail("no alarm " + name,
                    "Nobody is told when the drift comes back: put a metric alarm named $ALARM on the drift metric.",
                    "The monitor publishes feature_baseline_drift_<feature> in " + DriftAlarm.NAMESPACE + " with the dimensions"
                            + " Endpoint and MonitoringSchedule; list them with aws $ENDPOINT cloudwatch list-metrics --namespace "
                            + DriftAlarm.NAMESPACE,
                    ALARM_STEP);
        }
        MetricAlarm alarm = found.get();
        if (!DriftAlarm.NAMESPACE.equals(alarm.namespace())) {
            return CheckResult.fail("the alarm watches the namespace " + alarm.namespace(),
                    "Model Monitor publishes an endpoint's data-quality metrics in " + DriftAlarm.NAMESPACE + ".", ALARM_STEP);
        }
        String metric = String.valueOf(alarm.metricName());
        if (!metric.equals(DriftAlarm.metricName(Traffic.SHIFTED))) {
            String feature = metric.startsWith(DriftAlarm.PREFIX) ? metric.substring(DriftAlarm.PREFIX.length()) : "";
            String nudge = Traffic.STEADY.contains(feature)
                    ? feature + " did not drift: its distance from the baseline stays under the threshold, so this alarm stays OK"
                            + " while the endpoint drifts."
                    : Traffic.DRIFTING.contains(feature)
                    ? feature + " drifted too, but this lab's alarm watches the price: " + DriftAlarm.metricName(Traffic.SHIFTED) + "."
                    : metric + " is not a drift metric: the monitor names them feature_baseline_drift_<feature>.";
            return CheckResult.fail("the alarm watches " + metric, nudge,
                    "constraint_violations.json names the features that drifted; the alarm watches "
                            + DriftAlarm.metricName(Traffic.SHIFTED) + ".",
                    ALARM_STEP);
        }
        Map<String, String> dimensions = alarm.dimensions().stream().collect(Collectors.toMap(Dimension::name, Dimension::value,
                (a, b) -> a, TreeMap::new));
        Map<String, String> expected = new TreeMap<>(Map.of("Endpoint", ModelMonitoringLab.endpoint(ctx),
                "MonitoringSchedule", ModelMonitoringLab.schedule(ctx)));
        if (!dimensions.equals(expected)) {
            List<String> published = ctx.cloudWatch().listMetrics(l -> l.namespace(DriftAlarm.NAMESPACE).metricName(metric)).metrics()
                    .stream().map(m -> m.dimensions().stream().map(d -> d.name() + "=" + d.value()).collect(Collectors.joining(",")))
                    .toList();
            return CheckResult.fail("the alarm's dimensions are " + dimensions + "; the monitor published " + metric + " with "
                            + (published.isEmpty() ? "none yet" : published),
                    "A metric is its namespace, its name and all of its dimensions: an alarm with other dimensions watches a metric"
                            + " nobody publishes.",
                    "The monitor's dimensions are Endpoint=$ENDPOINT_NAME and MonitoringSchedule=$SCHEDULE.",
                    ALARM_STEP);
        }
        Instant now = Instant.now();
        List<Datapoint> points = ctx.cloudWatch().getMetricStatistics(get -> get.namespace(DriftAlarm.NAMESPACE).metricName(metric)
                .dimensions(alarm.dimensions()).startTime(now.minus(1, ChronoUnit.DAYS)).endTime(now.plus(1, ChronoUnit.HOURS))
                .period(DriftAlarm.PERIOD).statistics(Statistic.MAXIMUM)).datapoints();
        double drift = points.stream().mapToDouble(Datapoint::maximum).max().orElse(Double.NaN);
        if (points.isEmpty()) {
            return CheckResult.fail("CloudWatch holds no " + metric + " for " + dimensions + " in the last day",
                    "The monitor has published no drift metric for this endpoint and schedule: did its execution complete (check 4),"
                            + " with publish_cloudwatch_metrics Enabled in the schedule's Environment?",
                    MONITOR_STEP);
        }
        if (alarm.stateValue() != StateValue.ALARM) {
            String nudge = drift <= alarm.threshold() && alarm.threshold() > DriftAlarm.THRESHOLD
                    ? String.format(Locale.ROOT, "The largest drift measured is %.3f, not above your threshold %s: use the"
                            + " baseline's comparison_threshold, %s.", drift, alarm.threshold(), DriftAlarm.THRESHOLD)
                    : drift <= alarm.threshold()
                    ? String.format(Locale.ROOT, "The largest drift measured is %.3f, not above the threshold: the traffic the"
                            + " monitor read did not drift. Send the drifted customers, then run the monitor again.", drift)
                    : "The drift (" + String.format(Locale.ROOT, "%.3f", drift) + ") is above the threshold: CloudWatch evaluates"
                            + " about once a minute, wait and check again; otherwise compare statistic, period and operator with"
                            + " the guide's.";
            return CheckResult.fail("the alarm is " + alarm.stateValueAsString() + ": " + alarm.stateReason(), nudge, ALARM_STEP);
        }
        return CheckResult.pass(String.format(Locale.ROOT, "%s is in ALARM: %s reached %.3f, above %s", name, metric, drift,
                alarm.threshold()));
    }
}

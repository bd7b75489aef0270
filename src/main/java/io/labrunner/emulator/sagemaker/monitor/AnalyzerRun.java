package io.labrunner.emulator.sagemaker.monitor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.emulator.ConfinedDuckDb;
import io.labrunner.emulator.Json;
import io.labrunner.emulator.S3Objects;
import io.labrunner.emulator.cloudwatch.MetricSink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * One run of the built-in analyzer inside a processing job, driven by the environment AWS's prebuilt
 * container reads (Model Monitor's "prebuilt container" page and the SageMaker Python SDK's
 * DefaultModelMonitor): {@code dataset_format}, {@code dataset_source}, {@code output_path}, and for a
 * monitoring run {@code baseline_constraints}, {@code baseline_statistics}, {@code start_time},
 * {@code end_time}, {@code publish_cloudwatch_metrics}, {@code sagemaker_endpoint_name} and
 * {@code sagemaker_monitoring_schedule_name}. Without baseline constraints it suggests them (a baseline
 * job); with them it evaluates the data and writes constraint_violations.json.
 */
final class AnalyzerRun {
    static final String VIOLATIONS = "constraint_violations.json";
    static final String METRIC_NAMESPACE = "aws/sagemaker/Endpoints/data-metrics";

    private final String region;
    private final Map<String, String> env;
    private final JobFiles files;
    private final Path work;
    private final MetricSink metrics;
    private final Consumer<String> log;

    /** How a run ended: null exitMessage when there is nothing to say. */
    record Outcome(String exitMessage, int violations) {
    }

    AnalyzerRun(String region, ObjectNode request, S3Objects s3, Path work, MetricSink metrics, Consumer<String> log) {
        this.region = region;
        this.env = Json.mapper().convertValue(request.path("Environment"),
                new com.fasterxml.jackson.core.type.TypeReference<Map<String, String>>() { });
        this.files = new JobFiles(request, s3, work);
        this.work = work;
        this.metrics = metrics;
        this.log = log;
    }

    /**
     * @throws AnalyzerException for bad input, which fails the job with its message
     */
    Outcome run() throws SQLException {
        DatasetFormat format = DatasetFormat.parse(env.get("dataset_format"));
        String source = required("dataset_source");
        String output = required("output_path");
        Optional<Window> window = format.kind() == DatasetFormat.Kind.CAPTURE ? Optional.of(window()) : Optional.empty();
        Predicate<String> keep = window.<Predicate<String>>map(w -> w::holds).orElse(key -> true);
        List<Path> dataset = files.download("dataset_source", source, keep);
        log.accept("Analyzing " + dataset.size() + " file(s) from " + source);
        try (Connection duck = ConfinedDuckDb.open(List.of(work), "threads=2")) {
            List<String> names = AnalysisTable.load(duck, dataset, format);
            Optional<Constraints> constraints = json("baseline_constraints").map(Constraints::read);
            if (constraints.isPresent() && format.kind() == DatasetFormat.Kind.CAPTURE) {
                names = baselineNames(names, constraints.get());
            }
            DatasetProfile profile = Profiler.profile(duck, names);
            files.write(files.output(output, StatisticsFile.NAME), bytes(StatisticsFile.write(profile)));
            if (constraints.isEmpty()) {
                files.write(files.output(output, Constraints.NAME), bytes(Constraints.suggest(profile).toJson()));
                log.accept("Suggested constraints for " + profile.features().size() + " features over "
                        + profile.itemCount() + " records");
                return new Outcome(null, 0);
            }
            Map<String, StatisticsFile.BaselineFeature> baseline = json("baseline_statistics")
                    .map(StatisticsFile::read).orElse(Map.of());
            ConstraintChecker.Result result = ConstraintChecker.check(profile, constraints.get(), baseline, index -> {
                try {
                    return Profiler.categories(duck, index);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            if (constraints.get().config().evaluate()) {
                files.write(files.output(output, VIOLATIONS), bytes(violations(result.violations())));
            }
            if ("Enabled".equals(env.get("publish_cloudwatch_metrics")) && constraints.get().config().emitMetrics()) {
                publish(profile, result, window.map(Window::end).orElse(Instant.now()));
            }
            int count = constraints.get().config().evaluate() ? result.violations().size() : 0;
            log.accept("Evaluated " + profile.itemCount() + " records: " + count + " violation(s)");
            return new Outcome(count == 0 ? null : "CompletedWithViolations: Job completed successfully with " + count
                    + " violations.", count);
        }
    }

    /** Captured records carry no names: their columns take the baseline's, by position. */
    private static List<String> baselineNames(List<String> seen, Constraints constraints) {
        List<String> names = new java.util.ArrayList<>();
        for (int i = 0; i < seen.size(); i++) {
            names.add(i < constraints.features().size() ? constraints.features().get(i).name() : seen.get(i));
        }
        return names;
    }

    /**
     * The metrics of Model Monitor's "CloudWatch Metrics" page: feature_non_null_{feature} (completeness) and
     * feature_baseline_drift_{feature} (the drift distance), with dimensions Endpoint and MonitoringSchedule.
     */
    private void publish(DatasetProfile profile, ConstraintChecker.Result result, Instant when) {
        String endpoint = env.get("sagemaker_endpoint_name");
        String schedule = env.get("sagemaker_monitoring_schedule_name");
        if (endpoint == null || schedule == null) {
            return;
        }
        Map<String, String> dimensions = new java.util.LinkedHashMap<>();
        dimensions.put("Endpoint", endpoint);
        dimensions.put("MonitoringSchedule", schedule);
        for (FeatureProfile f : profile.features()) {
            double completeness = profile.itemCount() == 0 ? 0 : (double) f.present() / profile.itemCount();
            metrics.put(region, new MetricSink.MetricDatum(METRIC_NAMESPACE, "feature_non_null_" + f.name(),
                    dimensions, when, completeness, "None"));
        }
        result.drift().forEach((name, distance) -> metrics.put(region, new MetricSink.MetricDatum(METRIC_NAMESPACE,
                "feature_baseline_drift_" + name, dimensions, when, distance, "None")));
    }

    private Window window() {
        try {
            return new Window(Instant.parse(required("start_time")), Instant.parse(required("end_time")));
        } catch (DateTimeParseException e) {
            throw new AnalyzerException("start_time and end_time must be ISO-8601 instants: " + e.getParsedString());
        }
    }

    private Optional<JsonNode> json(String variable) {
        String local = env.get(variable);
        if (local == null) {
            return Optional.empty();
        }
        byte[] body = files.read(local).orElseThrow(() -> new AnalyzerException("Cannot read " + variable + " at "
                + local + ": no object behind it in the job's ProcessingInputs"));
        try {
            return Optional.of(Json.mapper().readTree(body));
        } catch (IOException e) {
            throw new AnalyzerException(variable + " at " + local + " is not valid JSON");
        }
    }

    private String required(String variable) {
        String value = env.get(variable);
        if (value == null || value.isBlank()) {
            throw new AnalyzerException("Environment variable " + variable + " is required");
        }
        return value;
    }

    private static ObjectNode violations(List<Violation> list) {
        ObjectNode root = Json.object();
        ArrayNode array = root.putArray("violations");
        list.forEach(v -> array.addObject().put("feature_name", v.featureName())
                .put("constraint_check_type", v.checkType()).put("description", v.description()));
        return root;
    }

    private static byte[] bytes(JsonNode json) {
        try {
            return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}

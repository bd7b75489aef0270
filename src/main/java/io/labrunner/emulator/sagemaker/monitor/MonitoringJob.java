package io.labrunner.emulator.sagemaker.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.emulator.Json;
import io.labrunner.emulator.sagemaker.SageMakerErrors;
import io.labrunner.emulator.sagemaker.S3Uri;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * What a monitoring execution runs, from either form a schedule takes: an inline MonitoringJobDefinition or a
 * data quality job definition. Builds the processing job request of one execution.
 *
 * @param endpointInput   EndpointInput (EndpointName, LocalPath)
 * @param outputConfig    MonitoringOutputConfig / DataQualityJobOutputConfig
 * @param appSpecification MonitoringAppSpecification / DataQualityAppSpecification (ImageUri)
 * @param baseline        BaselineConfig / DataQualityBaselineConfig
 * @param environment     extra environment variables for the container
 * @param rest            the request, for RoleArn, StoppingCondition, NetworkConfig and the resources
 */
record MonitoringJob(JsonNode endpointInput, JsonNode outputConfig, JsonNode appSpecification, JsonNode baseline,
        JsonNode environment, JsonNode rest) {
    private static final String DEFAULT_INPUT = "/opt/ml/processing/input/endpoint";
    private static final String BASELINE_CONSTRAINTS = "/opt/ml/processing/baseline/constraints";
    private static final String BASELINE_STATISTICS = "/opt/ml/processing/baseline/stats";
    private static final DateTimeFormatter HOUR_FOLDER = DateTimeFormatter.ofPattern("yyyy/MM/dd/HH")
            .withZone(ZoneOffset.UTC);

    static MonitoringJob of(JsonNode endpointInput, JsonNode outputConfig, JsonNode appSpecification,
            JsonNode baseline, JsonNode environment, JsonNode rest) {
        return new MonitoringJob(endpointInput, outputConfig, appSpecification, baseline, environment, rest);
    }

    /** An inline MonitoringJobDefinition. */
    static MonitoringJob inline(JsonNode definition) {
        return of(definition.path("MonitoringInputs").path(0).path("EndpointInput"),
                definition.path("MonitoringOutputConfig"), definition.path("MonitoringAppSpecification"),
                definition.path("BaselineConfig"), definition.path("Environment"), definition);
    }

    String endpointName() {
        return endpointInput.path("EndpointName").asText(null);
    }

    /** What CreateMonitoringSchedule and CreateDataQualityJobDefinition check beyond the model. */
    void validate() {
        if (endpointName() == null) {
            throw SageMakerErrors.validation("The embedded emulator monitors endpoints: EndpointInput.EndpointName is "
                    + "required.");
        }
        String output = outputConfig.path("MonitoringOutputs").path(0).path("S3Output").path("S3Uri").asText();
        if (S3Uri.parse(output).isEmpty()) {
            throw SageMakerErrors.validation("Invalid S3Uri '" + output + "' in MonitoringOutputs: expected "
                    + "s3://bucket/prefix.");
        }
        for (String member : new String[] {"ConstraintsResource", "StatisticsResource"}) {
            String uri = baseline.path(member).path("S3Uri").asText(null);
            if (uri != null && S3Uri.parse(uri).isEmpty()) {
                throw SageMakerErrors.validation("Invalid S3Uri '" + uri + "' in " + member + ".");
            }
        }
    }

    /**
     * The CreateProcessingJob request of the execution scheduled at {@code scheduled}: the captured data of the
     * endpoint as input, the baseline files, and the report folder
     * {@code {S3Uri}/{EndpointName}/{ScheduleName}/yyyy/mm/dd/hh} as output.
     */
    ObjectNode processingRequest(String captureDestination, String scheduleName, Instant scheduled, Window window) {
        ObjectNode request = Json.object();
        String endpoint = endpointName();
        String inputPath = endpointInput.path("LocalPath").asText(DEFAULT_INPUT);
        var inputs = request.putArray("ProcessingInputs");
        input(inputs.addObject(), "input_1", trimSlash(captureDestination) + "/" + endpoint, inputPath);
        ObjectNode env = Json.object();
        env.put("dataset_format", "{\"sagemakerCaptureJson\":{\"captureIndexNames\":[\"endpointInput\","
                + "\"endpointOutput\"]}}");
        env.put("dataset_source", inputPath);
        String constraints = baseline.path("ConstraintsResource").path("S3Uri").asText(null);
        if (constraints != null) {
            input(inputs.addObject(), "baseline", constraints, BASELINE_CONSTRAINTS);
            env.put("baseline_constraints", BASELINE_CONSTRAINTS + "/" + baseName(constraints));
        }
        String statistics = baseline.path("StatisticsResource").path("S3Uri").asText(null);
        if (statistics != null) {
            input(inputs.addObject(), "baseline_statistics", statistics, BASELINE_STATISTICS);
            env.put("baseline_statistics", BASELINE_STATISTICS + "/" + baseName(statistics));
        }
        JsonNode s3Output = outputConfig.path("MonitoringOutputs").path(0).path("S3Output");
        String outputPath = s3Output.path("LocalPath").asText("/opt/ml/processing/output");
        ObjectNode output = request.putObject("ProcessingOutputConfig").putArray("Outputs").addObject();
        output.put("OutputName", "result");
        output.putObject("S3Output").put("S3Uri", trimSlash(s3Output.path("S3Uri").asText()) + "/" + endpoint + "/"
                + scheduleName + "/" + HOUR_FOLDER.format(scheduled)).put("LocalPath", outputPath)
                .put("S3UploadMode", s3Output.path("S3UploadMode").asText("EndOfJob"));
        env.put("output_path", outputPath);
        env.put("publish_cloudwatch_metrics", "Enabled");
        env.put("sagemaker_endpoint_name", endpoint);
        env.put("sagemaker_monitoring_schedule_name", scheduleName);
        env.put("start_time", window.start().toString());
        env.put("end_time", window.end().toString());
        env.put("metric_time", scheduled.toString());
        environment.fields().forEachRemaining(e -> env.set(e.getKey(), e.getValue()));
        JsonNode resources = rest.has("MonitoringResources") ? rest.path("MonitoringResources")
                : rest.path("JobResources");
        request.set("ProcessingResources", resources.deepCopy());
        if (rest.has("StoppingCondition")) {
            request.set("StoppingCondition", rest.get("StoppingCondition").deepCopy());
        }
        request.putObject("AppSpecification").put("ImageUri", appSpecification.path("ImageUri").asText());
        request.set("Environment", env);
        if (rest.has("NetworkConfig")) {
            request.set("NetworkConfig", rest.get("NetworkConfig").deepCopy());
        }
        request.put("RoleArn", rest.path("RoleArn").asText());
        return request;
    }

    private static void input(ObjectNode input, String name, String uri, String localPath) {
        input.put("InputName", name);
        input.putObject("S3Input").put("S3Uri", uri).put("LocalPath", localPath).put("S3DataType", "S3Prefix")
                .put("S3InputMode", "File").put("S3DataDistributionType", "FullyReplicated");
    }

    private static String baseName(String uri) {
        return uri.substring(uri.lastIndexOf('/') + 1);
    }

    private static String trimSlash(String uri) {
        return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
    }
}

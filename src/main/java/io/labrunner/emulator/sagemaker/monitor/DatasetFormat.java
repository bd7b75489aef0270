package io.labrunner.emulator.sagemaker.monitor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.labrunner.emulator.Json;

/**
 * The analyzer's {@code dataset_format} environment variable, as the SageMaker Python SDK's
 * {@code DatasetFormat} writes it: {@code {"csv": {"header": true, "output_columns_position": "START"}}},
 * {@code {"json": {"lines": true}}}, or for captured endpoint data
 * {@code {"sagemakerCaptureJson": {"captureIndexNames": ["endpointInput", "endpointOutput"]}}}.
 */
record DatasetFormat(Kind kind, boolean header) {

    enum Kind { CSV, JSON_LINES, CAPTURE }

    static final DatasetFormat CAPTURE = new DatasetFormat(Kind.CAPTURE, false);

    /**
     * @throws AnalyzerException for a format the analyzer does not read
     */
    static DatasetFormat parse(String text) {
        if (text == null || text.isBlank()) {
            throw new AnalyzerException("Environment variable dataset_format is required: e.g. "
                    + "{\"csv\": {\"header\": true}} or {\"json\": {\"lines\": true}}");
        }
        JsonNode format;
        try {
            format = Json.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new AnalyzerException("dataset_format is not valid JSON: " + text);
        }
        if (format.has("csv")) {
            return new DatasetFormat(Kind.CSV, format.path("csv").path("header").asBoolean(false));
        }
        if (format.has("json")) {
            if (!format.path("json").path("lines").asBoolean(true)) {
                throw new AnalyzerException("Only JSON Lines datasets are supported: dataset_format json.lines must be "
                        + "true");
            }
            return new DatasetFormat(Kind.JSON_LINES, false);
        }
        if (format.has("sagemakerCaptureJson")) {
            return CAPTURE;
        }
        throw new AnalyzerException("Unsupported dataset_format " + text + ": the analyzer reads csv, json (lines) and "
                + "sagemakerCaptureJson");
    }
}

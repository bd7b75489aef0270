package io.labrunner.emulator.sagemaker.hosting;

import com.fasterxml.jackson.databind.JsonNode;
import io.labrunner.emulator.sagemaker.S3Uri;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A DataCaptureConfig read for capturing: where to, what share of the requests, which sides, and how each content
 * type is written. A content type listed in CaptureContentTypeHeader's CsvContentTypes is written as CSV text, one
 * in JsonContentTypes as JSON text, and anything else base64-encoded, which is also what SageMaker does when no
 * header is configured (API reference, DataCaptureConfig.CaptureContentTypeHeader).
 */
record CaptureSettings(S3Uri destination, int samplingPercentage, boolean input, boolean output,
        Set<String> csvTypes, Set<String> jsonTypes) {

    /** The settings of {@code config}, or empty when it is absent or capture is disabled. */
    static Optional<CaptureSettings> of(JsonNode config) {
        if (config == null || !config.isObject() || !config.path("EnableCapture").asBoolean(true)) {
            return Optional.empty();
        }
        Optional<S3Uri> destination = S3Uri.parse(config.path("DestinationS3Uri").asText());
        if (destination.isEmpty()) {
            return Optional.empty();
        }
        boolean input = false;
        boolean output = false;
        for (JsonNode option : config.path("CaptureOptions")) {
            String mode = option.path("CaptureMode").asText();
            input |= mode.equals("Input") || mode.equals("InputAndOutput");
            output |= mode.equals("Output") || mode.equals("InputAndOutput");
        }
        JsonNode header = config.path("CaptureContentTypeHeader");
        return Optional.of(new CaptureSettings(destination.get(), config.path("InitialSamplingPercentage").asInt(0),
                input, output, types(header.path("CsvContentTypes")), types(header.path("JsonContentTypes"))));
    }

    private static Set<String> types(JsonNode list) {
        Set<String> types = new HashSet<>();
        list.forEach(type -> types.add(base(type.asText())));
        return Set.copyOf(types);
    }

    /** How data of {@code contentType} is written: CSV, JSON or BASE64. */
    String encoding(String contentType) {
        String type = base(contentType);
        if (csvTypes.contains(type)) {
            return "CSV";
        }
        return jsonTypes.contains(type) ? "JSON" : "BASE64";
    }

    private static String base(String contentType) {
        return contentType == null ? "" : contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
    }
}
